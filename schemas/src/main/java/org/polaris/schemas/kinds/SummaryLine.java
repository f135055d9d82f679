package org.polaris.schemas.kinds;

import java.util.List;
import java.util.Map;

/**
 * One line of a kind's Expected Output block: the playbook's label and the counts it adds up
 * ("Teachers imported" = created + updated + skipped). Count names are those of {@link RunCounts}
 * and the kind's own {@link SourceKind.Counter counters}.
 */
public record SummaryLine(String label, List<String> counts) {

    public static SummaryLine of(String label, String... counts) {
        return new SummaryLine(label, List.of(counts));
    }

    public int valueOf(Map<String, Integer> values) {
        int sum = 0;
        for (String c : counts) {
            sum += values.getOrDefault(c, 0);
        }
        return sum;
    }

    /** A line as a run shows it. */
    public record Value(String label, int value) {
    }
}
