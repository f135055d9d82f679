package org.polaris.schemas;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Row numbers as ranges, the way a run's end marker lists the rows it carries ({@code 2-9000},
 * {@code 9002}) and a stalled run says which have no outcome yet. Rows arrive in order, so a file's
 * rows are a few ranges (gaps are the empty rows a file skips).
 */
public final class RowRanges {

    private RowRanges() {
    }

    /** Collects increasing row numbers into ranges. */
    public static final class Builder {
        private final List<String> ranges = new ArrayList<>();
        private int first = -1;
        private int last = -1;

        public void add(int row) {
            if (first >= 0 && row == last + 1) {
                last = row;
                return;
            }
            close();
            first = row;
            last = row;
        }

        public List<String> build() {
            close();
            first = -1;
            return List.copyOf(ranges);
        }

        private void close() {
            if (first >= 0) {
                ranges.add(first == last ? Integer.toString(first) : first + "-" + last);
            }
        }
    }

    /** The rows of the ranges. */
    public static BitSet parse(List<String> ranges) {
        BitSet rows = new BitSet();
        for (String r : ranges) {
            int dash = r.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? r.strip() : r.substring(0, dash).strip());
            int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1).strip());
            rows.set(from, to + 1);
        }
        return rows;
    }

    /** The rows as ranges ({@code 4, 7-9}). */
    public static List<String> of(BitSet rows) {
        Builder b = new Builder();
        rows.stream().forEach(b::add);
        return b.build();
    }
}
