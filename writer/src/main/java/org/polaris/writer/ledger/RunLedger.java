package org.polaris.writer.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.avro.RunStatus;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.CopyText;
import org.polaris.writer.store.Sql;

/**
 * The run ledger: runs and the one terminal outcome of each of their rows. Outcomes are keyed
 * (run id, row number); a key already recorded is ignored, so a redelivered row is never counted
 * twice. Run counters move only by the outcomes actually inserted.
 */
public final class RunLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ENSURE = "insert into import_run (id) select * from unnest(?::uuid[]) on conflict do nothing";

    private static final String STARTED = """
            update import_run set kind = ?, source_ref = ?, run_window = ?, triggered_by = ?, mode = ?,
                mapping_version = coalesce(?, mapping_version), replay_of = ?::uuid, started_at = ?, district = ?,
                header = ?, run_warnings = ?, updated_at = now()
            where id = ?::uuid
            """;

    private static final String ENDED = """
            update import_run set kind = ?, expected_rows = ?, raw_topic = ?, raw_partition = ?, raw_first_offset = ?,
                raw_last_offset = ?, ended_at = ?, row_ranges = ?, updated_at = now()
            where id = ?::uuid
            """;

    private static final String REJECTED = """
            update import_run set status = 'REJECTED', message = ?, mapping_version = coalesce(?, mapping_version),
                completed_at = now(), updated_at = now()
            where id = ?::uuid and status in ('RUNNING', 'STALLED')
            """;



    private static final String ADD = """
            update import_run set processed = processed + ?, created = created + ?, updated = updated + ?,
                skipped = skipped + ?, unmatched_teacher = unmatched_teacher + ?, unmatched_event = unmatched_event + ?,
                invalid = invalid + ?, waiting = waiting + ?, warnings = warnings + ?, updated_at = now()
            where id = ?::uuid
            """;

    private static final String COMPLETE = """
            update import_run set status = 'COMPLETED', completed_at = now(), updated_at = now(),
                message = case when status = 'STALLED' then null else message end
            where id = any(?::uuid[]) and status in ('RUNNING', 'STALLED') and expected_rows is not null
              and processed >= expected_rows
            returning id::text, kind, run_window, mode, district
            """;

    private static final String SUMMARIES = """
            select id::text, kind, status, expected_rows, processed, created, updated, skipped, unmatched_teacher,
                   unmatched_event, invalid, warnings, message, updated_at, counters::text, waiting
            from import_run where id = any(?::uuid[])
            """;

    private RunLedger() {
    }

    /** Makes sure every run has a ledger row: rows of a run may reach the writer before its start marker. */
    public static void ensure(Connection c, Collection<String> runIds) throws SQLException {
        if (runIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(ENSURE)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(new java.util.TreeSet<>(runIds))));
            ps.executeUpdate();
        }
    }

    public static void started(Connection c, RunStarted s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STARTED)) {
            ps.setString(1, s.getKind());
            ps.setString(2, s.getSourceRef());
            ps.setString(3, s.getWindow());
            ps.setString(4, s.getTriggeredBy());
            ps.setString(5, s.getMode().name());
            ps.setString(6, s.getMappingVersion());
            ps.setString(7, s.getReplayOf());
            ps.setTimestamp(8, new Timestamp(s.getStartedAt()));
            ps.setString(9, s.getDistrict());
            ps.setArray(10, Sql.text(c, s.getHeader()));
            if (s.getWarnings().isEmpty()) {
                ps.setNull(11, Types.ARRAY);
            } else {
                ps.setArray(11, Sql.text(c, s.getWarnings()));
            }
            ps.setString(12, s.getRunId());
            ps.executeUpdate();
        }
    }

    public static void ended(Connection c, RunEnded e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENDED)) {
            ps.setString(1, e.getKind());
            ps.setInt(2, e.getRowCount());
            ps.setString(3, e.getRawTopic());
            ps.setInt(4, e.getRawPartition());
            setLong(ps, 5, e.getFirstOffset());
            setLong(ps, 6, e.getLastOffset());
            ps.setTimestamp(7, new Timestamp(e.getEndedAt()));
            ps.setString(8, e.getRowRanges().isEmpty() ? null : String.join(",", e.getRowRanges()));
            ps.setString(9, e.getRunId());
            ps.executeUpdate();
        }
    }

    public static void rejected(Connection c, RunRejected r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REJECTED)) {
            ps.setString(1, r.getReason());
            ps.setString(2, r.getMappingVersion());
            ps.setString(3, r.getRunId());
            ps.executeUpdate();
        }
    }

    /**
     * Records the outcomes of rows not recorded before (the caller filtered them with
     * {@link RecordedRows}) and moves the run counters by them. Rows go in with COPY, the
     * fastest way into PostgreSQL; if another writer recorded one of them meanwhile (a rebalance),
     * the primary key refuses the whole transaction and the redelivered batch is filtered again.
     */
    public static Map<String, Counts> record(Connection c, List<Outcome> outcomes) throws SQLException {
        Map<String, Counts> counts = new TreeMap<>();
        if (outcomes.isEmpty()) {
            return counts;
        }
        StringBuilder copy = new StringBuilder(outcomes.size() * 64);
        for (Outcome o : outcomes) {
            boolean warned = o.warnings() != null && !o.warnings().isEmpty();
            counts.merge(o.runId(), Counts.ZERO.plus(o.kind(), 1, warned ? 1 : 0), RunLedger::sum);
            copy.append(o.runId()).append('\t').append(o.rowNumber()).append('\t').append(o.kind().name()).append('\t');
            CopyText.field(copy, o.reasons().isEmpty() ? null : String.join("\n", o.reasons()));
            copy.append('\t');
            CopyText.field(copy, warned ? String.join("\n", o.warnings()) : null);
            copy.append('\t');
            CopyText.field(copy, o.cells() == null ? null : json(o.cells()));
            copy.append('\n');
        }
        CopyText.copyIn(c, "copy row_outcome (run_id, row_no, outcome, reasons, warnings, cells) from stdin", copy);
        // runs updated in id order, so two writers never lock the same two runs in opposite orders
        try (PreparedStatement ps = c.prepareStatement(ADD)) {
            for (Map.Entry<String, Counts> e : counts.entrySet()) {
                Counts k = e.getValue();
                ps.setInt(1, k.processed());
                ps.setInt(2, k.created());
                ps.setInt(3, k.updated());
                ps.setInt(4, k.skipped());
                ps.setInt(5, k.unmatchedTeacher());
                ps.setInt(6, k.unmatchedEvent());
                ps.setInt(7, k.invalid());
                ps.setInt(8, k.waiting());
                ps.setInt(9, k.warnings());
                ps.setString(10, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return counts;
    }

    /** Adds {@code n} to one of a run's counters (a kind's own count beside the outcomes). */
    public static void count(Connection c, String runId, String counter, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update import_run set counters = counters || jsonb_build_object(?::text, coalesce((counters ->> ?)::int, 0) + ?),
                    updated_at = now()
                where id = ?::uuid""")) {
            ps.setString(1, counter);
            ps.setString(2, counter);
            ps.setInt(3, n);
            ps.setString(4, runId);
            ps.executeUpdate();
        }
    }

    /** Attaches a note to a run (shown with it): a decision the writer took, such as a replace it skipped. */
    public static void note(Connection c, String runId, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update import_run set message = ? where id = ?::uuid")) {
            ps.setString(1, message);
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Marks a run FAILED with the reason (its completion kept failing); returns whether it was open. */
    public static boolean fail(Connection c, String runId, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update import_run set status = 'FAILED', message = ?, completed_at = now(), updated_at = now()
                where id = ?::uuid and status in ('RUNNING', 'STALLED')""")) {
            ps.setString(1, reason);
            ps.setString(2, runId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks complete every run whose N outcomes are all recorded. */
    public static List<CompletedRun> complete(Connection c, Collection<String> runIds) throws SQLException {
        List<CompletedRun> done = new ArrayList<>();
        if (runIds.isEmpty()) {
            return done;
        }
        try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(runIds)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.add(new CompletedRun(rs.getString(1), rs.getString(2), rs.getString(3),
                            "VALIDATE".equals(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return done;
    }

    public static List<RunSummary> summaries(Connection c, Collection<String> runIds) throws SQLException {
        List<RunSummary> out = new ArrayList<>();
        if (runIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(SUMMARIES)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(runIds)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RunStatus status = RunStatus.valueOf(rs.getString(3));
                    int expected = rs.getInt(4);
                    boolean hasExpected = !rs.wasNull();
                    out.add(RunSummary.newBuilder()
                            .setRunId(rs.getString(1)).setKind(rs.getString(2)).setStatus(status)
                            .setFinalSummary(status != RunStatus.RUNNING && status != RunStatus.STALLED) // a stalled run may still complete
                            .setExpectedRows(hasExpected ? expected : null)
                            .setProcessed(rs.getInt(5)).setCreated(rs.getInt(6)).setUpdated(rs.getInt(7))
                            .setSkipped(rs.getInt(8)).setUnmatchedTeacher(rs.getInt(9)).setUnmatchedEvent(rs.getInt(10))
                            .setInvalid(rs.getInt(11)).setWarnings(rs.getInt(12)).setMessage(rs.getString(13))
                            .setUpdatedAt(rs.getTimestamp(14).getTime())
                            .setCounters(counters(rs.getString(15))).setWaiting(rs.getInt(16))
                            .build());
                }
            }
        }
        return out;
    }

    /** A run's counters column (jsonb, as text) as a map. */
    public static Map<String, Integer> counters(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Integer> out = new TreeMap<>();
            JSON.readTree(json).fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asInt()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable run counters", e);
        }
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.created() + b.created(), a.updated() + b.updated(), a.skipped() + b.skipped(),
                a.unmatchedTeacher() + b.unmatchedTeacher(), a.unmatchedEvent() + b.unmatchedEvent(),
                a.invalid() + b.invalid(), a.waiting() + b.waiting(), a.warnings() + b.warnings());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static String json(Map<String, String> cells) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(cells));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run that just reached its N outcomes. */
    public record CompletedRun(String runId, String kind, String window, boolean validateOnly, String district) {
    }
}
