package org.polaris.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunRejected;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;
import org.polaris.writer.store.Outcome.RowKey;

import static org.polaris.schemas.RecordHeaders.isRunId;

/**
 * One poll's records, sorted by what the writer does with them: run markers, dead letters (invalid
 * rows), and the kinds' rows, each with the store that writes it. Names no kind.
 */
public record Batch(List<RunStarted> started, List<RunEnded> ended, List<RunRejected> rejected,
        List<DeadLetter> deadLetters, List<Row> rows, List<Undecodable> undecodable, List<Object> unexpected) {

    /** A kind's record, the store that writes it and the source row it is. */
    public record Row(KindStore<?> store, SpecificRecord record, RowRef ref) {
    }

    public static Batch of(Collection<?> payloads, Stores stores) {
        Batch b = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        payloads.forEach(p -> b.add(p, stores));
        return b;
    }

    private void add(Object p, Stores stores) {
        if (p instanceof RunEvent e) {
            add(e.getPayload(), stores);
        } else if (p instanceof RunStarted s) {
            keepIfClaimed(s, s.getRunId(), started);
        } else if (p instanceof RunEnded e) {
            keepIfClaimed(e, e.getRunId(), ended);
        } else if (p instanceof RunRejected r) {
            keepIfClaimed(r, r.getRunId(), rejected);
        } else if (p instanceof DeadLetter d) {
            keepIfClaimed(d, d.getRunId(), deadLetters);
        } else if (p instanceof SpecificRecord r && stores.of(r) != null) {
            Row row = row(stores.of(r), r);
            if (isRunId(row.ref().runId())) {
                rows.add(row);
            } else {
                unexpected.add(p);
            }
        } else if (p instanceof Undecodable u) {
            undecodable.add(u);
        } else if (p != null) {
            unexpected.add(p);
        }
    }

    /** A record no run can claim (e.g. an undecodable raw record's dead letter) is set aside, never written. */
    private <T> void keepIfClaimed(T record, String runId, List<T> into) {
        if (isRunId(runId)) {
            into.add(record);
        } else {
            unexpected.add(record);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V extends SpecificRecord> Row row(KindStore<V> store, SpecificRecord record) {
        return new Row(store, record, store.row((V) record));
    }

    /** The kind's records of one type, in arrival order. */
    public <V> List<V> rowsOf(Class<V> type) {
        List<V> out = new ArrayList<>();
        for (Row r : rows) {
            if (type.isInstance(r.record())) {
                out.add(type.cast(r.record()));
            }
        }
        return out;
    }

    /** The rows, grouped by store in application order, each group in arrival order. */
    public Map<KindStore<?>, List<Row>> byStore(Stores stores) {
        Map<KindStore<?>, List<Row>> groups = new LinkedHashMap<>();
        rows.stream().map(Row::store).distinct().sorted(Comparator.comparingInt(stores::rank))
                .forEach(s -> groups.put(s, new ArrayList<>()));
        rows.forEach(r -> groups.get(r.store()).add(r));
        return groups;
    }

    /** Every run this batch touches, in id order. */
    public Set<String> runIds() {
        Set<String> ids = new TreeSet<>();
        started.forEach(s -> ids.add(s.getRunId()));
        ended.forEach(e -> ids.add(e.getRunId()));
        rejected.forEach(r -> ids.add(r.getRunId()));
        deadLetters.forEach(d -> ids.add(d.getRunId()));
        rows.forEach(r -> ids.add(r.ref().runId()));
        return ids;
    }

    /** The source rows of the batch (dead letters and the kinds' rows), in arrival order. */
    public List<RowKey> rowKeys() {
        List<RowKey> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r.ref().key()));
        deadLetters.forEach(d -> keys.add(new RowKey(d.getRunId(), d.getRowNumber())));
        return keys;
    }

    /**
     * The same batch without the rows already recorded, and without a second copy of a row within
     * the batch (an upstream retry can deliver one twice); control records are kept (idempotent).
     */
    public Batch without(Set<RowKey> recorded) {
        Set<RowKey> seen = new HashSet<>(recorded);
        return new Batch(started, ended, rejected,
                keep(deadLetters, d -> seen.add(new RowKey(d.getRunId(), d.getRowNumber()))),
                keep(rows, r -> seen.add(r.ref().key())),
                undecodable, unexpected);
    }

    /** The rows of runs that write (mode COMMIT). */
    public Batch committing() {
        return byMode(false);
    }

    /** The rows of dry runs (mode VALIDATE): classified, then rolled back. */
    public Batch validating() {
        return byMode(true);
    }

    private Batch byMode(boolean validate) {
        return new Batch(List.of(), List.of(), List.of(), List.of(), keep(rows, r -> r.ref().validateOnly() == validate),
                List.of(), List.of());
    }

    /** One batch per record, to isolate a record the database refuses from the rest: markers, rows, dead letters. */
    public List<Batch> singles(Stores stores) {
        List<Batch> singles = new ArrayList<>();
        started.forEach(s -> singles.add(single(s, List.of(), List.of())));
        ended.forEach(e -> singles.add(single(e, List.of(), List.of())));
        rejected.forEach(r -> singles.add(single(r, List.of(), List.of())));
        byStore(stores).values().forEach(group -> group.forEach(r -> singles.add(single(null, List.of(r), List.of()))));
        deadLetters.forEach(d -> singles.add(single(null, List.of(), List.of(d))));
        return singles;
    }

    private static Batch single(Object marker, List<Row> rows, List<DeadLetter> deadLetters) {
        return new Batch(
                marker instanceof RunStarted s ? List.of(s) : List.of(),
                marker instanceof RunEnded e ? List.of(e) : List.of(),
                marker instanceof RunRejected r ? List.of(r) : List.of(),
                deadLetters, rows, List.of(), List.of());
    }

    public int size() {
        return started.size() + ended.size() + rejected.size() + deadLetters.size() + rows.size();
    }

    private static <T> List<T> keep(List<T> rows, Predicate<T> p) {
        return rows.stream().filter(p).toList();
    }
}
