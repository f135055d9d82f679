package org.polaris.writer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.EventSession;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RosterEntry;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunKind;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.ledger.RecordedRows;
import org.polaris.writer.ledger.RunLedger;
import org.polaris.writer.messaging.Batch;
import org.polaris.writer.store.AttendanceStore;
import org.polaris.writer.store.EventStore;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.ProgressStore;
import org.polaris.writer.store.RosterStore;
import org.polaris.writer.store.TeacherLinks;
import org.polaris.writer.store.TeacherStore;
import org.polaris.writer.store.VirtualSessionStore;

/**
 * Owns the writer's transactions. {@link #write} applies one batch: entity upserts, the rows'
 * outcomes and the run counters commit together, and the caller acknowledges the Kafka offsets
 * only after it returns. {@link #complete} then closes the runs that reached their N outcomes,
 * once the batch's reference rows are on the broker (so a completed roster run is already
 * visible to the matcher).
 */
@ApplicationScoped
public class BatchWriter {

    private static final String YEARS_OF_RUN = "select distinct academic_year from roster_run_row where run_id = ?::uuid";

    @Inject
    AgroalDataSource dataSource;

    private final RecordedRows recorded = new RecordedRows();

    /** After {@link #write} returned (its transaction committed): remember what it recorded. */
    public void committed(Written written) {
        recorded.committed(written.recordedRows());
    }

    /** After a conflict with another writer: reload these runs' recorded rows on the next try. */
    public void forget(Collection<String> runIds) {
        recorded.forget(runIds);
    }

    @Transactional
    public Written write(Batch batch) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> runIds = batch.runIds();
            RunLedger.ensure(c, runIds);
            for (var s : batch.started()) {
                RunLedger.started(c, s);
            }
            for (var e : batch.ended()) {
                RunLedger.ended(c, e);
            }
            for (var r : batch.rejected()) {
                RunLedger.rejected(c, r);
            }

            Batch fresh = batch.without(recorded.recorded(c, batch.rowKeys()));
            List<Outcome> outcomes = new ArrayList<>(fresh.size());
            for (DeadLetter d : fresh.deadLetters()) {
                outcomes.add(new Outcome(d.getRunId(), d.getRowNumber(), OutcomeKind.INVALID, d.getReasons(), List.of(),
                        d.getCells()));
            }
            outcomes.addAll(AttendanceStore.recordUnmatched(c, fresh.unmatched()));
            outcomes.addAll(apply(c, fresh.committing()));
            Batch validating = fresh.validating();
            if (validating.size() > 0) {
                // A dry run: the same statements classify its rows, then their writes are undone. SQL
                // savepoints, because the pool refuses JDBC rollback calls inside a managed transaction.
                try (Statement sql = c.createStatement()) {
                    sql.execute("savepoint validate_only");
                    outcomes.addAll(apply(c, validating));
                    sql.execute("rollback to savepoint validate_only");
                }
            }
            RunLedger.record(c, outcomes);

            // Reference rows of every row in the batch, recorded before or not: after a crash between
            // commit and publish, the redelivered batch publishes them again.
            Map<String, RosterEntry> roster = RosterStore.current(c, batch.roster());
            List<String> sessionIds = new ArrayList<>();
            batch.events().forEach(e -> sessionIds.add(e.getSessionId()));
            batch.virtualSessions().stream().filter(v -> v.getSessionId() != null)
                    .forEach(v -> sessionIds.add(v.getSessionId()));
            Map<String, EventSession> events = EventStore.current(c, sessionIds.stream().distinct().toList());
            return new Written(runIds, roster, events, rowOutcomes(outcomes), RunLedger.summaries(c, runIds),
                    outcomes.stream().map(Outcome::key).toList());
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** The entity writes of a batch's rows (all of one mode), in the ledger's outcome form. */
    private static List<Outcome> apply(Connection c, Batch rows) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        outcomes.addAll(AttendanceStore.upsert(c, rows.matched()));
        outcomes.addAll(RosterStore.upsert(c, rows.roster()));
        outcomes.addAll(EventStore.upsert(c, rows.events()));
        VirtualSessionStore.Result sessions = VirtualSessionStore.upsert(c, rows.virtualSessions());
        outcomes.addAll(sessions.outcomes());
        for (var created : sessions.registrationsByRun().entrySet()) {
            RunLedger.addExtras(c, created.getKey(), 0, created.getValue());
        }
        outcomes.addAll(TeacherStore.upsert(c, rows.teachers()));
        return outcomes;
    }

    /**
     * Completes the runs that have all their outcomes: a roster run's replace (deactivating the
     * entries of its district and year it did not carry), then the progress it affects.
     */
    @Transactional
    public Completed complete(Collection<String> runIds, java.util.function.Consumer<Completed> publishBeforeCommit) {
        try (Connection c = dataSource.getConnection()) {
            List<RunLedger.CompletedRun> done = RunLedger.complete(c, runIds);
            List<String> deactivated = new ArrayList<>();
            for (RunLedger.CompletedRun run : done) {
                if (run.validateOnly()) {
                    continue;
                }
                if (run.kind() == RunKind.PATHFUL && run.window() != null) {
                    ProgressStore.recompute(c, run.window());
                } else if (run.kind() == RunKind.ROSTER) {
                    if (run.window() != null && RosterStore.acceptedRows(c, run.runId()) == 0) {
                        // never an empty window: a run with no valid row leaves the roster as it was
                        RunLedger.note(c, run.runId(), "no valid row: the roster of " + run.window()
                                + (run.district() == null ? "" : " (" + run.district() + ")") + " was left as it was");
                    } else if (run.window() != null) {
                        List<String> keys = RosterStore.replace(c, run.runId(), run.window(), run.district());
                        RunLedger.addExtras(c, run.runId(), keys.size(), 0);
                        deactivated.addAll(keys);
                    }
                    for (String year : yearsOf(c, run.runId())) {
                        ProgressStore.recompute(c, year);
                        TeacherLinks.autoMatch(c, year);
                    }
                } else if (run.kind() == RunKind.TEACHERS) {
                    TeacherLinks.autoMatch(c, null);
                } else if (run.kind() == RunKind.VIRTUAL_SESSIONS && run.window() != null) {
                    ProgressStore.recompute(c, run.window());
                }
            }
            Completed completed = new Completed(
                    RunLedger.summaries(c, done.stream().map(RunLedger.CompletedRun::runId).toList()), deactivated);
            // Published before the commit: if the commit fails or the process dies, the batch comes back,
            // the runs are still RUNNING and all of this is done and published again. Published after
            // it, a crash in between would leave deactivated teachers in the matcher's table for good.
            publishBeforeCommit.accept(completed);
            return completed;
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** Final summaries of the runs just completed, and the roster keys their replace deactivated. */
    public record Completed(List<RunSummary> summaries, List<String> deactivatedRosterKeys) {
    }

    /** Records a row the database refused, as an invalid outcome with the reason, in its own transaction. */
    @Transactional
    public Written writeRefused(Batch single, String reason) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> runIds = single.runIds();
            RunLedger.ensure(c, runIds);
            List<Outcome> outcomes = new ArrayList<>();
            for (Outcome.RowKey key : single.rowKeys()) {
                outcomes.add(new Outcome(key.runId(), key.rowNumber(), OutcomeKind.INVALID,
                        List.of("the writer could not store this row: " + reason), List.of(), null));
            }
            RunLedger.record(c, outcomes);
            return new Written(runIds, Map.of(), Map.of(), rowOutcomes(outcomes), RunLedger.summaries(c, runIds),
                    outcomes.stream().map(Outcome::key).toList());
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    private static List<String> yearsOf(Connection c, String runId) throws SQLException {
        List<String> years = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(YEARS_OF_RUN)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getString(1));
                }
            }
        }
        return years;
    }

    private static List<RowOutcome> rowOutcomes(List<Outcome> outcomes) {
        long now = System.currentTimeMillis();
        List<RowOutcome> out = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            out.add(RowOutcome.newBuilder().setRunId(o.runId()).setRowNumber(o.rowNumber()).setOutcome(o.kind())
                    .setReasons(o.reasons()).setWarnings(o.warnings() == null ? List.of() : o.warnings())
                    .setRecordedAt(now).build());
        }
        return out;
    }

    /** What a committed batch hands to the publisher. */
    public record Written(Set<String> runIds, Map<String, RosterEntry> roster, Map<String, EventSession> events,
            List<RowOutcome> outcomes, List<RunSummary> progress, List<Outcome.RowKey> recordedRows) {

        public static final Written NONE = new Written(new TreeSet<>(), Map.of(), Map.of(), List.of(), List.of(), List.of());

        public Written plus(Written o) {
            Set<String> ids = new TreeSet<>(runIds);
            ids.addAll(o.runIds);
            var r = new java.util.LinkedHashMap<>(roster);
            r.putAll(o.roster);
            var e = new java.util.LinkedHashMap<>(events);
            e.putAll(o.events);
            List<RowOutcome> outs = new ArrayList<>(outcomes);
            outs.addAll(o.outcomes);
            List<RunSummary> p = new ArrayList<>(progress);
            p.addAll(o.progress);
            List<Outcome.RowKey> rows = new ArrayList<>(recordedRows);
            rows.addAll(o.recordedRows);
            return new Written(ids, r, e, outs, p, rows);
        }
    }

    /** The database refused or failed the batch. */
    public static final class WriteFailedException extends RuntimeException {
        WriteFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
