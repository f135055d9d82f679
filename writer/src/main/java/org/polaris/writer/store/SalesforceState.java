package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.polaris.writer.ledger.RunLedger.CompletedRun;

/**
 * The watermark of each Salesforce import: the newest SystemModstamp a completed run applied, not the
 * clock. While a run's batches commit, the newest SystemModstamp seen is kept per run (in the batch's
 * transaction, so a redelivered batch moves nothing twice); when the run completes it becomes the
 * object's watermark (never moved back). A run that fails or stalls never completes, so it leaves the
 * watermark where it was and the next delta covers the gap.
 */
public final class SalesforceState {

    private static final String SEEN = """
            insert into salesforce_run_modstamp (run_id, newest)
            select u.run_id, u.newest from unnest(?::uuid[], ?::timestamptz[]) as u(run_id, newest)
            on conflict (run_id) do update set newest = greatest(salesforce_run_modstamp.newest, excluded.newest)
            """;

    private static final String COMPLETE = """
            insert into salesforce_sync_state as s (kind, watermark, last_run_id, last_completed_at, last_delta)
            values (?, (select newest from salesforce_run_modstamp where run_id = ?::uuid), ?::uuid, now(), ?)
            on conflict (kind) do update set watermark = greatest(s.watermark, excluded.watermark),
                last_run_id = excluded.last_run_id, last_completed_at = excluded.last_completed_at,
                last_delta = excluded.last_delta
            """;

    private SalesforceState() {
    }

    /** Keeps, per run, the newest SystemModstamp among these records. */
    public static <V> void seen(Connection c, List<V> records, Function<V, String> runId, Function<V, Long> modstamp)
            throws SQLException {
        Map<String, Long> newest = new HashMap<>();
        for (V r : records) {
            Long m = modstamp.apply(r);
            if (m != null) {
                newest.merge(runId.apply(r), m, Math::max);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(SEEN)) {
            ps.setArray(1, c.createArrayOf("text", newest.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("text", newest.values().stream()
                    .map(m -> new Timestamp(m).toInstant().toString()).toArray()));
            ps.executeUpdate();
        }
    }

    /** The run completed: its newest SystemModstamp becomes the kind's watermark. */
    public static void completed(Connection c, CompletedRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setString(1, run.kind());
            ps.setString(2, run.runId());
            ps.setString(3, run.runId());
            ps.setBoolean(4, run.window() != null && run.window().startsWith("since "));
            ps.executeUpdate();
        }
    }
}
