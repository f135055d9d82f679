package org.polaris.writer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.polaris.schemas.avro.OutcomeKind;
import org.polaris.writer.store.Outcome;
import org.polaris.writer.store.Upsert;
import org.polaris.writer.store.Waves;

/**
 * The write of a store whose rows map to one table: changes applied in waves of distinct keys (the
 * second change to a key sees the first), each wave one statement per change type. Outcomes: a
 * whole record inserted is created, changed is updated, identical is skipped; a partial record that
 * changed something is updated, else skipped (a partial record never creates a row: there is none
 * whole to create); a delete of a row that existed is updated (the entity changed), else skipped.
 */
public final class Changes {

    private Changes() {
    }

    public static <V> List<Outcome> apply(Connection c, Upsert<V> table, List<Change<V>> changes,
            Function<V, RowRef> row, Function<V, List<String>> warnings) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        for (List<Change<V>> wave : Waves.of(changes, ch -> table.keyOf(ch.record()))) {
            Map<String, OutcomeKind> upserted = table.upsert(c, records(wave, Change.Type.UPSERT));
            Set<String> deleted = table.delete(c, records(wave, Change.Type.DELETE));
            Set<String> patchedKeys = new java.util.HashSet<>();
            for (Set<String> fields : wave.stream().filter(ch -> ch.type() == Change.Type.PATCH).map(Change::fields)
                    .distinct().toList()) {
                List<V> same = wave.stream().filter(ch -> ch.type() == Change.Type.PATCH && ch.fields().equals(fields))
                        .map(Change::record).toList();
                patchedKeys.addAll(table.patch(c, same, fields));
            }
            for (Change<V> ch : wave) {
                String key = table.keyOf(ch.record());
                OutcomeKind kind = switch (ch.type()) {
                    case UPSERT -> upserted.getOrDefault(key, OutcomeKind.SKIPPED);
                    case PATCH -> patchedKeys.contains(key) ? OutcomeKind.UPDATED : OutcomeKind.SKIPPED;
                    case DELETE -> deleted.contains(key) ? OutcomeKind.UPDATED : OutcomeKind.SKIPPED;
                };
                RowRef ref = row.apply(ch.record());
                outcomes.add(Outcome.of(ref.runId(), ref.rowNumber(), kind, warnings.apply(ch.record())));
            }
        }
        return outcomes;
    }

    private static <V> List<V> records(List<Change<V>> wave, Change.Type type) {
        return wave.stream().filter(ch -> ch.type() == type).map(Change::record).toList();
    }
}
