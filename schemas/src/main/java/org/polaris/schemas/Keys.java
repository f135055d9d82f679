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

    /** Participation key: the Pathful event and the teacher's normalized email (facts §10). */
    public static String participation(String eventId, String normalizedEmail) {
        return eventId + SEP + normalizedEmail;
    }
}
