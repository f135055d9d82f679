package org.polaris.schemas.kinds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The names of a run's counts, as the ledger, the API and the Expected Output lines use them. */
public final class RunCounts {

    public static final String PROCESSED = "processed";
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String SKIPPED = "skipped";
    public static final String UNMATCHED_TEACHER = "unmatchedTeacher";
    public static final String UNMATCHED_EVENT = "unmatchedEvent";
    public static final String INVALID = "invalid";
    /** Child records kept until their parent is in Polaris (a Salesforce participation before its event). */
    public static final String WAITING = "waiting";
    public static final String WARNINGS = "warnings";

    /** The outcome counts and the warnings, in the order runs show them. */
    public static final List<String> STANDARD = List.of(PROCESSED, CREATED, UPDATED, SKIPPED, UNMATCHED_TEACHER,
            UNMATCHED_EVENT, INVALID, WAITING, WARNINGS);

    private RunCounts() {
    }

    /** Every count of a run by name: the outcome counts and warnings, then the kind's counters. */
    public static Map<String, Integer> of(int processed, int created, int updated, int skipped, int unmatchedTeacher,
            int unmatchedEvent, int invalid, int warnings, Map<String, Integer> counters) {
        return of(processed, created, updated, skipped, unmatchedTeacher, unmatchedEvent, invalid, 0, warnings, counters);
    }

    /** {@link #of}, with the rows waiting for their parent. */
    public static Map<String, Integer> of(int processed, int created, int updated, int skipped, int unmatchedTeacher,
            int unmatchedEvent, int invalid, int waiting, int warnings, Map<String, Integer> counters) {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put(PROCESSED, processed);
        all.put(CREATED, created);
        all.put(UPDATED, updated);
        all.put(SKIPPED, skipped);
        all.put(UNMATCHED_TEACHER, unmatchedTeacher);
        all.put(UNMATCHED_EVENT, unmatchedEvent);
        all.put(INVALID, invalid);
        all.put(WAITING, waiting);
        all.put(WARNINGS, warnings);
        if (counters != null) {
            counters.forEach(all::putIfAbsent);
        }
        return all;
    }
}
