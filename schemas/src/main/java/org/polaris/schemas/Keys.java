package org.polaris.schemas;

/**
 * Natural keys as they appear on topics. One definition, because co-partitioned topics (a stream
 * and the table it joins) must produce byte-identical keys.
 */
public final class Keys {

    private static final char SEP = '|';

    private Keys() {
    }

    /** Roster key: a teacher's normalized email within an academic year. */
    public static String roster(String academicYear, String normalizedEmail) {
        return academicYear + SEP + normalizedEmail;
    }

    /**
     * A virtual-session event's natural key: its Pathful session id when the row has one, else its
     * lower-cased title and start instant (the normalizer's topic key and the writer's event key).
     */
    public static String virtualSession(String sessionId, String title, long startEpochMillis) {
        return sessionId != null ? "sid:" + sessionId
                : "title:" + title.toLowerCase(java.util.Locale.ROOT) + SEP + java.time.Instant.ofEpochMilli(startEpochMillis);
    }

    /** Participation key: the Pathful event and the teacher's normalized email (facts §10). */
    public static String participation(String eventId, String normalizedEmail) {
        return eventId + SEP + normalizedEmail;
    }
}
