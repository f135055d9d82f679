package org.polaris.writer.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits rows into waves in which every natural key occurs once, keeping their order. One
 * {@code INSERT ... ON CONFLICT DO UPDATE} may not touch a row twice, and the second change to a
 * key must see the first: so each wave is one statement, applied in order.
 */
public final class Waves {

    private Waves() {
    }

    public static <T> List<List<T>> of(List<T> rows, Function<T, ?> key) {
        List<List<T>> waves = new ArrayList<>();
        List<Set<Object>> keys = new ArrayList<>();
        for (T row : rows) {
            Object k = key.apply(row);
            int wave = 0;
            // a repeated key goes one wave after its latest occurrence, so order per key is kept
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (keys.get(i).contains(k)) {
                    wave = i + 1;
                    break;
                }
            }
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
                keys.add(new HashSet<>());
            }
            waves.get(wave).add(row);
            keys.get(wave).add(k);
        }
        return waves;
    }
}
