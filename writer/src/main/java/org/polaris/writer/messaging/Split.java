package org.polaris.writer.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.polaris.writer.Batch;
import org.polaris.writer.KindStore;
import org.polaris.writer.Stores;

/**
 * How a poll is split for concurrent transactions: its rows by their Kafka keys (the natural keys), so
 * every change to one entity stays in one part, in order (or by the store's own key,
 * {@link KindStore#splitKey}, where the Kafka key is not the written row's). Only a poll whose rows are all of one kind
 * whose rows are independent ({@link KindStore#independentRows()}) is split, and only into parts of
 * at least {@value #MIN_ROWS} rows: a smaller part costs more in round trips than it saves. The run
 * markers and dead letters go first, in a transaction of their own: a marker locks its run's ledger
 * row from the start of its transaction, which concurrent parts would otherwise wait on (or deadlock
 * with, taking the run's rows in another order).
 */
final class Split {

    static final int MIN_ROWS = 250;

    /** Written in order: {@code first} alone (when not empty), then {@code parts} at once. */
    record Parts(Batch first, List<Batch> parts) {
    }

    private Split() {
    }

    /** The parts; when the poll is not split, one part: the batch itself. */
    static Parts byKey(Batch batch, List<Object> payloads, List<String> keys, Stores stores, int concurrency) {
        Set<KindStore<?>> storesOf = batch.rows().stream().map(Batch.Row::store).collect(Collectors.toSet());
        int n = Math.min(concurrency, batch.rows().size() / MIN_ROWS);
        if (n < 2 || storesOf.size() != 1 || !storesOf.iterator().next().independentRows()) {
            return new Parts(null, List.of(batch));
        }
        List<Object> control = new ArrayList<>();
        List<List<Object>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < payloads.size(); i++) {
            Object p = payloads.get(i);
            Batch one = Batch.of(List.of(p), stores);
            if (one.rows().isEmpty()) {
                control.add(p); // a run marker, a dead letter, or nothing to write
            } else {
                String key = splitKey(one.rows().get(0), keys.get(i));
                groups.get(key == null ? 0 : Math.floorMod(key.hashCode(), n)).add(p);
            }
        }
        Batch first = Batch.of(control, stores);
        List<Batch> parts = new ArrayList<>();
        for (List<Object> group : groups) {
            if (!group.isEmpty()) {
                parts.add(Batch.of(group, stores));
            }
        }
        return new Parts(first.size() == 0 ? null : first, parts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String splitKey(Batch.Row row, String kafkaKey) {
        String own = ((KindStore) row.store()).splitKey(row.record());
        return own != null ? own : kafkaKey;
    }
}
