package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.KindStore;
import org.polaris.writer.RowRef;
import org.polaris.writer.ledger.RunLedger.CompletedRun;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.SalesforceState;
import org.polaris.writer.store.Upsert;

/**
 * What every Salesforce store does around its table: upsert by Salesforce id (identical = skipped,
 * so a second full sync changes nothing), a deleted record kept and marked deleted (counted as
 * Deleted when it changed), the run's newest SystemModstamp kept for the watermark, which moves
 * when the run completes.
 *
 * @param <V> the kind's normalized record
 */
public abstract class SalesforceStore<V extends SpecificRecord> implements KindStore<V> {

    private final SalesforceKind<V> kind;

    // every Salesforce record has these fields (schemas/src/main/avro/salesforce): read by position
    private final int runId;
    private final int rowNumber;
    private final int mode;
    private final int salesforceId;
    private final int deleted;
    private final int modstamp;
    private final int warnings;

    SalesforceStore(SalesforceKind<V> kind) {
        this.kind = kind;
        Schema schema = SpecificData.get().getSchema(kind.valueType());
        this.runId = schema.getField("runId").pos();
        this.rowNumber = schema.getField("rowNumber").pos();
        this.mode = schema.getField("mode").pos();
        this.salesforceId = schema.getField("salesforceId").pos();
        this.deleted = schema.getField("deleted").pos();
        this.modstamp = schema.getField("systemModstamp").pos();
        this.warnings = schema.getField("warnings").pos();
    }

    /** {@code select count(*) ...} of the kind's live (not deleted) records: the source count check's Polaris side. */
    public abstract String liveCountSql();

    /** The table and its columns. */
    abstract Upsert<V> table();

    String runId(V record) {
        return (String) record.get(runId);
    }

    int rowNumber(V record) {
        return (Integer) record.get(rowNumber);
    }

    RunMode mode(V record) {
        return (RunMode) record.get(mode);
    }

    boolean deleted(V record) {
        return (Boolean) record.get(deleted);
    }

    Long modstamp(V record) {
        return (Long) record.get(modstamp);
    }

    @SuppressWarnings("unchecked")
    List<String> warnings(V record) {
        return (List<String>) record.get(warnings);
    }

    /** A record's Salesforce id. */
    String salesforceId(V record) {
        return (String) record.get(salesforceId);
    }

    @Override
    public String kind() {
        return kind.id();
    }

    /**
     * A record writes its own row (by its Salesforce id), what hangs off it (details, the children that
     * waited for it) and its run's shared rows at the end of the transaction: never another record's.
     */
    @Override
    public boolean independentRows() {
        return true;
    }

    @Override
    public Class<V> recordType() {
        return kind.valueType();
    }

    @Override
    public RowRef row(V record) {
        return RowRef.of(runId(record), rowNumber(record), mode(record));
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<V>> changes, Effects effects) throws SQLException {
        List<Change<V>> prepared = prepare(c, changes);
        List<Outcome> outcomes = apply(c, prepared);
        // counters moved once per run and counter for the whole batch, not once per record
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<Outcome.RowKey, V> byRow = new HashMap<>();
        prepared.forEach(ch -> byRow.put(new Outcome.RowKey(runId(ch.record()), rowNumber(ch.record())), ch.record()));
        for (Outcome o : outcomes) {
            V record = byRow.get(o.key());
            OutcomeKind outcome = o.kind();
            Map<String, Integer> run = counts.computeIfAbsent(runId(record), r -> new java.util.TreeMap<>());
            if (deleted(record) && (outcome == OutcomeKind.CREATED || outcome == OutcomeKind.UPDATED)) {
                run.merge(SalesforceKind.DELETED, 1, Integer::sum);
            }
            counters(record).forEach(name -> run.merge(name, 1, Integer::sum));
        }
        for (Map.Entry<String, Map<String, Integer>> run : counts.entrySet()) {
            for (Map.Entry<String, Integer> counter : run.getValue().entrySet()) {
                effects.count(run.getKey(), counter.getKey(), counter.getValue());
            }
        }
        List<V> seen = prepared.stream().map(Change::record).toList();
        effects.atEnd(() -> SalesforceState.seen(c, seen, this::runId, this::modstamp));
        return outcomes;
    }

    /**
     * Lets the children waiting for these records (participations) be written, per run: the parents'
     * store calls it after its own write.
     */
    void releaseChildren(Connection c, ChildStore children, List<Change<V>> written, Effects effects)
            throws SQLException {
        Map<String, List<String>> idsByRun = new java.util.TreeMap<>();
        for (Change<V> ch : written) {
            idsByRun.computeIfAbsent(runId(ch.record()), r -> new java.util.ArrayList<>()).add(salesforceId(ch.record()));
        }
        for (Map.Entry<String, List<String>> run : idsByRun.entrySet()) {
            children.release(c, kind(), run.getKey(), run.getValue(), effects);
        }
    }

    /**
     * Lets the history waiting for these contacts be written: by their Salesforce ids (Tasks) and by
     * their addresses (EmailMessages).
     */
    void releaseHistory(Connection c, SfHistoryStore history, List<Change<V>> written,
            java.util.function.Function<V, java.util.Collection<String>> emails, Effects effects) throws SQLException {
        releaseChildren(c, history, written, effects);
        Map<String, java.util.Set<String>> byRun = new java.util.TreeMap<>();
        for (Change<V> ch : written) {
            byRun.computeIfAbsent(runId(ch.record()), r -> new java.util.HashSet<>()).addAll(emails.apply(ch.record()));
        }
        for (Map.Entry<String, java.util.Set<String>> run : byRun.entrySet()) {
            history.releaseEmails(c, run.getKey(), run.getValue(), effects);
        }
    }

    /** The upsert: outcomes in the order of the changes. */
    List<Outcome> apply(Connection c, List<Change<V>> changes) throws SQLException {
        return Changes.apply(c, table(), changes, this::row, this::warnings);
    }

    /** Before the upsert: a store may adjust records against what the database holds (same order, same size). */
    List<Change<V>> prepare(Connection c, List<Change<V>> changes) throws SQLException {
        return changes;
    }

    /** The kind's own counters a record moves by one (an event's status and type breakdowns). */
    List<String> counters(V record) {
        return List.of();
    }

    @Override
    public void completed(Connection c, CompletedRun run, Effects effects) throws SQLException {
        SalesforceState.completed(c, run);
    }
}
