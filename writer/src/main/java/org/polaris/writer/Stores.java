package org.polaris.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * Every kind's stores, by the record type they take and by kind. Stores are applied in the order
 * the kinds are registered (a batch's roster rows before its virtual sessions, which look teachers up
 * by name on that roster).
 */
public final class Stores {

    private final List<KindStore<?>> ordered;
    private final Map<Class<?>, KindStore<?>> byType = new HashMap<>();
    private final Map<String, List<KindStore<?>>> byKind = new LinkedHashMap<>();

    private Stores(Collection<? extends KindStore<?>> stores) {
        List<String> kinds = SourceKinds.all().stream().map(SourceKind::id).toList();
        List<KindStore<?>> sorted = new ArrayList<>(stores);
        sorted.sort(Comparator.<KindStore<?>>comparingInt(s -> rank(kinds, s.kind()))
                .thenComparing(s -> s.getClass().getName()));
        this.ordered = List.copyOf(sorted);
        for (KindStore<?> s : ordered) {
            KindStore<?> other = byType.putIfAbsent(s.recordType(), s);
            if (other != null) {
                throw new IllegalStateException(s.getClass().getName() + " and " + other.getClass().getName()
                        + " both store " + s.recordType().getSimpleName() + " records");
            }
            for (String kind : s.kinds()) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(s);
            }
        }
    }

    public static Stores of(Collection<? extends KindStore<?>> stores) {
        return new Stores(stores);
    }

    /** The store of a record, or null when no kind stores its type. */
    @SuppressWarnings("unchecked")
    public <V extends SpecificRecord> KindStore<V> of(V record) {
        return (KindStore<V>) byType.get(record.getClass());
    }

    /** The stores of one kind, in order (empty for a kind no store belongs to). */
    public List<KindStore<?>> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Every store, in application order. */
    public List<KindStore<?>> all() {
        return ordered;
    }

    /** The position of a store in application order. */
    public int rank(KindStore<?> store) {
        return ordered.indexOf(store);
    }

    private static int rank(List<String> kinds, String kind) {
        int i = kinds.indexOf(kind);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
