package org.polaris.writer.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the upserts of a validate-only batch would change, seen before they run (and are undone):
 * per record, the table, the row's key, whether the row exists, and each compared column's current
 * and proposed value as text. While a preview is open on a thread, {@link Upsert#upsert} records into
 * it; stores need not know. Records are matched by identity: the record a store hands to its upsert
 * is the record of the row.
 */
public final class Preview implements AutoCloseable {

    private static final ThreadLocal<Preview> OPEN = new ThreadLocal<>();

    /** A column's value now (null: no row, or null) and the one the upsert would write: old and new in JSON. */
    public record Field(@JsonProperty("old") String current, @JsonProperty("new") String proposed) {
    }

    /** One row of one table a record would write. */
    public record Entry(String table, String key, boolean exists, Map<String, Field> fields) {

        /** The fields whose value would change (every field of a row that does not exist). */
        public Map<String, Field> changed() {
            Map<String, Field> out = new LinkedHashMap<>();
            fields.forEach((name, f) -> {
                if (!exists || !java.util.Objects.equals(f.current(), f.proposed())) {
                    out.put(name, f);
                }
            });
            return out;
        }
    }

    private final Map<Object, List<Entry>> byRecord = new IdentityHashMap<>();
    private final Preview outer;

    private Preview(Preview outer) {
        this.outer = outer;
    }

    /** Opens a preview on this thread, until closed. */
    public static Preview open() {
        Preview p = new Preview(OPEN.get());
        OPEN.set(p);
        return p;
    }

    /** The preview open on this thread, or null. */
    static Preview current() {
        return OPEN.get();
    }

    void add(Object record, Entry entry) {
        byRecord.computeIfAbsent(record, r -> new ArrayList<>()).add(entry);
    }

    /** What this record's upserts would write. */
    public List<Entry> of(Object record) {
        return byRecord.getOrDefault(record, List.of());
    }

    @Override
    public void close() {
        if (outer == null) {
            OPEN.remove();
        } else {
            OPEN.set(outer);
        }
    }
}
