package org.polaris.writer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RowOutcome;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.writer.Batch.Row;
import org.polaris.writer.ledger.RecordedRows;
import org.polaris.writer.ledger.RunChanges;
import org.polaris.writer.ledger.RunLedger;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Preview;

/**
 * Owns the writer's transactions, and names no source kind: each kind's {@link KindStore} writes
 * its rows. {@link #write} applies one batch: entity upserts, the rows' outcomes and the run counters
 * commit together, and the caller acknowledges the Kafka offsets only after it returns. {@link #complete}
 * then closes the runs that reached their N outcomes, once the batch's reference rows are on the broker
 * (so a completed roster run is already visible to the matcher), running their stores' completion hooks.
 */
@ApplicationScoped
public class BatchWriter {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Stores stores;

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
            LedgerEffects effects = new LedgerEffects(c);
            outcomes.addAll(apply(c, fresh.committing(), effects));
            effects.end();
            Batch validating = fresh.validating();
            if (validating.size() > 0) {
                // A dry run: the same statements classify its rows, then their writes are undone. SQL
                // savepoints, because the pool refuses JDBC rollback calls inside a managed transaction.
                // What the upserts would change is read just before each runs (Preview), and kept.
                LedgerEffects dry = new LedgerEffects(c);
                List<Outcome> dryOutcomes;
                try (Statement sql = c.createStatement(); Preview preview = Preview.open()) {
                    sql.execute("savepoint validate_only");
                    dryOutcomes = apply(c, validating, dry);
                    dry.end();
                    sql.execute("rollback to savepoint validate_only");
                    recordChanges(c, validating, dryOutcomes, preview);
                }
                outcomes.addAll(dryOutcomes);
                for (Map.Entry<KindStore<?>, List<Row>> group : validating.byStore(stores).entrySet()) {
                    validated(c, group.getKey(), group.getValue());
                }
            }
            RunLedger.record(c, outcomes);

            // Reference rows of every row in the batch, recorded before or not: after a crash between
            // commit and publish, the redelivered batch publishes them again.
            List<Publication> publications = new ArrayList<>(effects.publications());
            for (Map.Entry<KindStore<?>, List<Row>> group : batch.byStore(stores).entrySet()) {
                publications.addAll(references(c, group.getKey(), group.getValue()));
            }
            return new Written(runIds, publications, rowOutcomes(outcomes), RunLedger.summaries(c, runIds),
                    outcomes.stream().map(Outcome::key).toList());
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** The entity writes of a batch's rows (all of one mode), store by store, in the ledger's outcome form. */
    private List<Outcome> apply(Connection c, Batch rows, Effects effects) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (Map.Entry<KindStore<?>, List<Row>> group : rows.byStore(stores).entrySet()) {
            outcomes.addAll(write(c, group.getKey(), group.getValue(), effects));
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> List<Outcome> write(Connection c, KindStore<V> store, List<Row> rows,
            Effects effects) throws SQLException {
        List<Change<V>> changes = new ArrayList<>(rows.size());
        rows.forEach(r -> changes.add(store.change((V) r.record())));
        List<Outcome> outcomes = store.write(c, changes, effects);
        if (outcomes.size() != changes.size()) {
            throw new IllegalStateException(store.getClass().getName() + " answered " + outcomes.size()
                    + " outcomes for " + changes.size() + " records");
        }
        return outcomes;
    }

    /** The rows a validate-only batch would create or update, with their fields old -> new, by run. */
    private static void recordChanges(Connection c, Batch rows, List<Outcome> outcomes, Preview preview)
            throws SQLException {
        Map<Outcome.RowKey, OutcomeKind> kinds = new HashMap<>();
        outcomes.forEach(o -> kinds.put(o.key(), o.kind()));
        Map<String, List<RunChanges.Change>> byRun = new java.util.TreeMap<>();
        for (Row r : rows.rows()) {
            OutcomeKind kind = kinds.get(new Outcome.RowKey(r.ref().runId(), r.ref().rowNumber()));
            if (kind != OutcomeKind.CREATED && kind != OutcomeKind.UPDATED) {
                continue;
            }
            for (Preview.Entry e : preview.of(r.record())) {
                Map<String, Preview.Field> changed = e.changed();
                if (e.exists() && changed.isEmpty()) {
                    continue; // a table the row touches without changing it
                }
                byRun.computeIfAbsent(r.ref().runId(), id -> new ArrayList<>()).add(new RunChanges.Change(
                        r.ref().rowNumber(), e.exists() ? "UPDATE" : "CREATE", e.table(), e.key(), changed));
            }
        }
        for (Map.Entry<String, List<RunChanges.Change>> run : byRun.entrySet()) {
            RunChanges.record(c, run.getKey(), run.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> void validated(Connection c, KindStore<V> store, List<Row> rows)
            throws SQLException {
        List<V> records = new ArrayList<>(rows.size());
        rows.forEach(r -> records.add((V) r.record()));
        store.validated(c, records);
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> List<Publication> references(Connection c, KindStore<V> store,
            List<Row> rows) throws SQLException {
        List<V> records = new ArrayList<>(rows.size());
        rows.forEach(r -> records.add((V) r.record()));
        return store.references(c, records);
    }

    /**
     * Completes the runs that have all their outcomes, running their kinds' completion hooks (a
     * roster run's replace, progress recomputes, teacher auto-matches) in the same transaction.
     */
    @Transactional
    public Completed complete(Collection<String> runIds, Consumer<Completed> publishBeforeCommit) {
        try (Connection c = dataSource.getConnection()) {
            List<RunLedger.CompletedRun> done = RunLedger.complete(c, runIds);
            LedgerEffects effects = new LedgerEffects(c);
            for (RunLedger.CompletedRun run : done) {
                for (KindStore<?> store : stores.ofKind(run.kind())) {
                    if (run.validateOnly()) {
                        store.validatedCompleted(c, run, effects);
                    } else {
                        store.completed(c, run, effects);
                    }
                }
            }
            effects.end();
            Completed completed = new Completed(
                    RunLedger.summaries(c, done.stream().map(RunLedger.CompletedRun::runId).toList()),
                    effects.publications());
            // Published before the commit: if the commit fails or the process dies, the batch comes back,
            // the runs are still RUNNING and all of this is done and published again. Published after
            // it, a crash in between would leave deactivated teachers in the matcher's table for good.
            publishBeforeCommit.accept(completed);
            return completed;
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** Marks a run FAILED (its completion kept failing); publishes its final summary before the commit. */
    @Transactional
    public void fail(String runId, String reason, Consumer<Completed> publishBeforeCommit) {
        try (Connection c = dataSource.getConnection()) {
            if (RunLedger.fail(c, runId, reason)) {
                publishBeforeCommit.accept(new Completed(RunLedger.summaries(c, List.of(runId)), List.of()));
            }
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** Marks the runs without progress for {@code after} STALLED; returns their summaries (to publish). */
    @Transactional
    public List<RunSummary> stall(java.time.Duration after) {
        try (Connection c = dataSource.getConnection()) {
            return RunLedger.summaries(c, org.polaris.writer.ledger.Stalls.mark(c, after));
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
    }

    /** Final summaries of the runs just completed, and what their completion publishes. */
    public record Completed(List<RunSummary> summaries, List<Publication> publications) {
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
            return new Written(runIds, List.of(), rowOutcomes(outcomes), RunLedger.summaries(c, runIds),
                    outcomes.stream().map(Outcome::key).toList());
        } catch (SQLException e) {
            throw new WriteFailedException(e);
        }
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

    /**
     * The effects of stores on the ledger, in the transaction: counters and notes (which lock the run's
     * ledger row) and the stores' {@link Effects#atEnd} work are kept and applied by {@link #end}, after
     * every store's write; publications are kept for after the commit.
     */
    private static final class LedgerEffects implements Effects {
        private final Connection c;
        private final List<Publication> publications = new ArrayList<>();
        private final List<Work> atEnd = new ArrayList<>();
        /** run id → counter → n, in id order: concurrent batches lock the runs' rows in one order. */
        private final Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        private final List<String[]> notes = new ArrayList<>();

        LedgerEffects(Connection c) {
            this.c = c;
        }

        @Override
        public void count(String runId, String counter, int n) {
            counts.computeIfAbsent(runId, r -> new java.util.TreeMap<>()).merge(counter, n, Integer::sum);
        }

        @Override
        public void note(String runId, String message) {
            notes.add(new String[] {runId, message});
        }

        @Override
        public void publish(Publication publication) {
            publications.add(publication);
        }

        @Override
        public void atEnd(Work work) {
            atEnd.add(work);
        }

        /** Applies what was kept for the end of the transaction (once; later effects are kept again). */
        void end() throws SQLException {
            for (Work w : atEnd) {
                w.run();
            }
            atEnd.clear();
            for (Map.Entry<String, Map<String, Integer>> run : counts.entrySet()) {
                for (Map.Entry<String, Integer> counter : run.getValue().entrySet()) {
                    RunLedger.count(c, run.getKey(), counter.getKey(), counter.getValue());
                }
            }
            counts.clear();
            for (String[] n : notes) {
                RunLedger.note(c, n[0], n[1]);
            }
            notes.clear();
        }

        List<Publication> publications() {
            return publications;
        }
    }

    /** What a committed batch hands to the publisher. */
    public record Written(Set<String> runIds, List<Publication> publications, List<RowOutcome> outcomes,
            List<RunSummary> progress, List<Outcome.RowKey> recordedRows) {

        public static final Written NONE = new Written(new TreeSet<>(), List.of(), List.of(), List.of(), List.of());

        public Written plus(Written o) {
            Set<String> ids = new TreeSet<>(runIds);
            ids.addAll(o.runIds);
            List<Publication> pubs = new ArrayList<>(publications);
            pubs.addAll(o.publications);
            List<RowOutcome> outs = new ArrayList<>(outcomes);
            outs.addAll(o.outcomes);
            List<RunSummary> p = new ArrayList<>(progress);
            p.addAll(o.progress);
            List<Outcome.RowKey> rows = new ArrayList<>(recordedRows);
            rows.addAll(o.recordedRows);
            return new Written(ids, pubs, outs, p, rows);
        }

        /**
         * With each run's newest summary only (the one with the most rows processed): batches of one run
         * written at once each report the run as their transaction saw it.
         */
        public Written latestProgress() {
            Map<String, RunSummary> latest = new java.util.LinkedHashMap<>();
            for (RunSummary s : progress) {
                latest.merge(s.getRunId(), s, (a, b) -> b.getProcessed() >= a.getProcessed() ? b : a);
            }
            return new Written(runIds, publications, outcomes, new ArrayList<>(latest.values()), recordedRows);
        }
    }

    /** The database refused or failed the batch. */
    public static final class WriteFailedException extends RuntimeException {
        WriteFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
