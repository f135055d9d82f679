package org.polaris.writer;

import java.util.Set;

/**
 * What one record asks of its store: a whole record to create or update, a partial one (only the
 * named fields change; a Salesforce change event carries only what changed), or a delete.
 *
 * @param fields for a patch, the columns it carries; empty otherwise
 */
public record Change<V>(Type type, V record, Set<String> fields) {

    public enum Type {
        UPSERT, PATCH, DELETE
    }

    public static <V> Change<V> upsert(V record) {
        return new Change<>(Type.UPSERT, record, Set.of());
    }

    public static <V> Change<V> patch(V record, Set<String> fields) {
        return new Change<>(Type.PATCH, record, Set.copyOf(fields));
    }

    public static <V> Change<V> delete(V record) {
        return new Change<>(Type.DELETE, record, Set.of());
    }
}
