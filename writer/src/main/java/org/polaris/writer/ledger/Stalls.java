package org.polaris.writer.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.polaris.schemas.RowRanges;

/**
 * Runs that stopped getting outcomes: a run still RUNNING whose ledger row has not moved for the
 * stall time is marked STALLED, with what it misses: which rows (from the row numbers its end marker
 * carries, as ranges) or its end marker. It is not final: more outcomes still complete it.
 */
public final class Stalls {

    private static final String OPEN = """
            select id::text, expected_rows, processed, row_ranges from import_run
            where status = 'RUNNING' and updated_at < now() - make_interval(secs => ?)
            order by updated_at limit 100
            """;

    private static final String ROWS = "select row_no from row_outcome where run_id = ?::uuid and row_no > 0";

    private static final String MARK = """
            update import_run set status = 'STALLED', message = ?, updated_at = now()
            where id = ?::uuid and status = 'RUNNING'
            """;

    private Stalls() {
    }

    /** Marks the runs without progress for {@code after} as STALLED; returns their ids. */
    public static List<String> mark(Connection c, Duration after) throws SQLException {
        List<String[]> stalled = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OPEN)) {
            ps.setDouble(1, after.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int expected = rs.getInt(2);
                    boolean ended = !rs.wasNull();
                    stalled.add(new String[] {rs.getString(1), ended ? Integer.toString(expected) : null,
                        Integer.toString(rs.getInt(3)), rs.getString(4)});
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (String[] run : stalled) {
            String message = message(run[1] == null ? null : Integer.parseInt(run[1]), Integer.parseInt(run[2]),
                    run[3], run[3] == null ? null : recorded(c, run[0]), after);
            try (PreparedStatement ps = c.prepareStatement(MARK)) {
                ps.setString(1, message);
                ps.setString(2, run[0]);
                if (ps.executeUpdate() == 1) {
                    ids.add(run[0]);
                }
            }
        }
        return ids;
    }

    /** What a stalled run misses, for operators. */
    static String message(Integer expected, int processed, String rowRanges, BitSet recorded, Duration after) {
        String idle = " after " + human(after) + " without progress";
        if (expected == null) {
            return "stalled: the run's end marker has not arrived" + idle + " (" + processed + " rows recorded)";
        }
        String which = "";
        if (rowRanges != null) {
            BitSet missing = RowRanges.parse(Arrays.asList(rowRanges.split(",")));
            missing.andNot(recorded);
            List<String> ranges = RowRanges.of(missing);
            which = ranges.isEmpty() ? "" : " (rows " + String.join(", ", ranges.subList(0, Math.min(ranges.size(), 20)))
                    + (ranges.size() > 20 ? ", ..." : "") + ")";
        }
        return "stalled: " + (expected - processed) + " of " + expected + " rows have no outcome" + idle + which;
    }

    private static BitSet recorded(Connection c, String runId) throws SQLException {
        BitSet rows = new BitSet();
        try (PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.set(rs.getInt(1));
                }
            }
        }
        return rows;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " minute" + (s == 60 ? "" : "s") : s + " seconds";
    }
}
