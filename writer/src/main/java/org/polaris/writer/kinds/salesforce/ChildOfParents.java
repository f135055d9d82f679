package org.polaris.writer.kinds.salesforce;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;
import org.polaris.writer.Change;
import org.polaris.writer.Changes;
import org.polaris.writer.Effects;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.SalesforceState;
import org.polaris.writer.store.Sql;
import org.polaris.writer.store.Waiting;

/**
 * A store of child records (affiliations, classes, participations, history) that need parents in
 * Polaris before they are written. A record whose parents are all there is upserted; one whose parent
 * is not yet is never dropped: its row's outcome is WAITING with the parent it waits for, the record
 * is parked ({@link Waiting}), and the parent's store releases it when the parent arrives (counted as
 * {@link SalesforceKind#APPLIED} on the parent's run; the child's own row stays WAITING).
 *
 * @param <V> the kind's normalized record
 */
abstract class ChildOfParents<V extends SpecificRecord> extends SalesforceStore<V> implements ChildStore {

    /**
     * A parent a record needs: the kind its waiting row names ({@code kind}), the value it is found by,
     * and how the reason names it ("its school (School__c 001...)").
     */
    record Parent(String kind, String id, String what) {
    }

    ChildOfParents(SalesforceKind<V> kind) {
        super(kind);
    }

    /** The parents of a record, in the order they are checked. */
    abstract List<Parent> parents(V record);

    /**
     * Per parent kind, the query that returns which of the ids given as its one parameter
     * ({@code ?::text[]}) are in Polaris; a parent kind without one (an import this build lacks) is never there.
     */
    abstract Map<String, String> lookups();

    /** The parent kind whose waiting children a written parent of {@code parentKind} may release (itself, unless a store groups kinds). */
    String waitingFor(String parentKind) {
        return parentKind;
    }

    @Override
    public List<Outcome> write(Connection c, List<Change<V>> changes, Effects effects) throws SQLException {
        return writeAs(kind(), c, changes, effects);
    }

    /** The write of records of {@code childKind} (a store may write for several kinds): their waiting rows are that kind's. */
    List<Outcome> writeAs(String childKind, Connection c, List<Change<V>> changes, Effects effects) throws SQLException {
        Map<String, Set<String>> present = present(c, changes.stream().map(Change::record).toList());
        List<Change<V>> ready = new ArrayList<>();
        List<Waiting.Parked> parked = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Change<V> ch : changes) {
            V r = ch.record();
            Optional<Waiting.Parked> missing = missingParent(childKind, r, present);
            if (missing.isPresent()) {
                parked.add(missing.get());
                outcomes.add(new Outcome(runId(r), rowNumber(r), OutcomeKind.WAITING, List.of(missing.get().reason()),
                        warnings(r), null));
            } else {
                ready.add(ch);
            }
        }
        outcomes.addAll(super.write(c, ready, effects));
        Waiting.park(c, parked);
        Waiting.forget(c, childKind, ready.stream().map(ch -> salesforceId(ch.record())).toList());
        // a parked child is kept: the watermark may pass it (it is applied from the waiting table, not read again)
        List<V> kept = parked.stream().map(p -> this.<V>cast(p.record())).toList();
        effects.atEnd(() -> SalesforceState.seen(c, kept, this::runId, this::modstamp));
        return outcomes;
    }

    @Override
    public void release(Connection c, String parentKind, String parentRunId, Collection<String> parentIds,
            Effects effects) throws SQLException {
        releaseAs(kind(), c, parentKind, parentRunId, parentIds, effects);
    }

    /**
     * Parents arrived (their store's batch wrote these ids): the children of {@code childKind} waiting
     * for them are written now, or wait for their other parent; the number written is counted on the
     * parent's run.
     */
    void releaseAs(String childKind, Connection c, String parentKind, String parentRunId,
            Collection<String> parentIds, Effects effects) throws SQLException {
        List<V> waiting = new ArrayList<>();
        for (SpecificRecord r : Waiting.take(c, childKind, waitingFor(parentKind), parentIds)) {
            waiting.add(this.<V>cast(r));
        }
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Set<String>> present = present(c, waiting);
        List<Change<V>> ready = new ArrayList<>();
        List<Waiting.Parked> still = new ArrayList<>();
        for (V r : waiting) {
            missingParent(childKind, r, present).ifPresentOrElse(still::add, () -> ready.add(Change.upsert(r)));
        }
        Changes.apply(c, table(), prepare(c, ready), this::row, this::warnings); // their rows' outcomes stay WAITING
        Waiting.park(c, still);
        if (!ready.isEmpty()) {
            effects.count(parentRunId, SalesforceKind.APPLIED, ready.size());
        }
    }

    /** Which of the records' parents are in Polaris: parent kind → ids present. */
    private Map<String, Set<String>> present(Connection c, List<V> records) throws SQLException {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (V r : records) {
            for (Parent p : parents(r)) {
                wanted.computeIfAbsent(p.kind(), k -> new HashSet<>()).add(p.id());
            }
        }
        Map<String, Set<String>> present = new HashMap<>();
        for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
            String sql = lookups().get(w.getKey());
            Set<String> found = new HashSet<>();
            if (sql != null) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setArray(1, Sql.text(c, new ArrayList<>(w.getValue())));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            present.put(w.getKey(), found);
        }
        return present;
    }

    /** The first parent of a record that is not in Polaris, as the record to park; empty when all are. */
    private Optional<Waiting.Parked> missingParent(String childKind, V r, Map<String, Set<String>> present) {
        for (Parent p : parents(r)) {
            if (!present.getOrDefault(p.kind(), Set.of()).contains(p.id())) {
                String lacking = lookups().containsKey(p.kind()) ? "" : ", an import this build does not have yet";
                return Optional.of(new Waiting.Parked(childKind, salesforceId(r), runId(r), rowNumber(r), p.kind(), p.id(),
                        "waiting for " + p.what() + lacking + ": kept, and applied when it is in Polaris", r));
            }
        }
        return Optional.empty();
    }

    /** Which ids of a table's column are given: the lookup of a parent kept in one table. */
    static String lookup(String table, String column) {
        return "select " + column + " from " + table + " where " + column + " = any(?::text[])";
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(SpecificRecord r) {
        return (T) r;
    }
}
