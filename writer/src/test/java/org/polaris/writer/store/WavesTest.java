package org.polaris.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class WavesTest {

    /** A row: its natural key and a label to follow it. */
    private record R(String key, String label) {
    }

    private static R r(String label) {
        return new R(label.substring(0, 1), label);
    }

    private static List<List<String>> labels(List<List<R>> waves) {
        return waves.stream().map(w -> w.stream().map(R::label).toList()).toList();
    }

    @Test
    void noRowsGiveNoWaves() {
        assertThat(Waves.of(List.<R>of(), R::key)).isEmpty();
    }

    @Test
    void distinctKeysFitInOneWaveInInputOrder() {
        List<List<R>> waves = Waves.of(List.of(r("a1"), r("b1"), r("c1")), R::key);

        assertThat(labels(waves)).containsExactly(List.of("a1", "b1", "c1"));
    }

    @Test
    void repeatedKeyGoesToTheNextWave() {
        List<List<R>> waves = Waves.of(List.of(r("a1"), r("a2"), r("a3")), R::key);

        assertThat(labels(waves)).containsExactly(List.of("a1"), List.of("a2"), List.of("a3"));
    }

    @Test
    void rowsAreSplitSoEachKeyOccursOncePerWaveAndOrderPerKeyIsKept() {
        List<List<R>> waves = Waves.of(List.of(r("a1"), r("b1"), r("a2"), r("c1"), r("a3"), r("b2")), R::key);

        assertThat(labels(waves)).containsExactly(
                List.of("a1", "b1", "c1"),
                List.of("a2", "b2"),
                List.of("a3"));
    }

    @Test
    void repeatedKeyGoesToTheWaveAfterItsLatestOccurrenceNotAfterTheLastWave() {
        // b fills waves 0..2; the second a only needs to follow the first a (wave 0)
        List<List<R>> waves = Waves.of(List.of(r("a1"), r("b1"), r("b2"), r("b3"), r("a2")), R::key);

        assertThat(labels(waves)).containsExactly(
                List.of("a1", "b1"),
                List.of("b2", "a2"),
                List.of("b3"));
    }

    @Test
    void keyIsComparedByEquality() {
        record Row(String email, int n) {
        }
        List<Row> rows = List.of(new Row(new String("x@y.org"), 1), new Row(new String("x@y.org"), 2));

        List<List<Row>> waves = Waves.of(rows, Row::email);

        assertThat(waves).hasSize(2);
        assertThat(waves.get(0)).extracting(Row::n).containsExactly(1);
        assertThat(waves.get(1)).extracting(Row::n).containsExactly(2);
    }

    @Test
    void compositeKeysWork() {
        record Row(String year, String email, int n) {
        }
        List<Row> rows = List.of(new Row("2025-26", "a@x", 1), new Row("2026-27", "a@x", 2), new Row("2025-26", "a@x", 3));

        List<List<Row>> waves = Waves.of(rows, row -> List.of(row.year(), row.email()));

        assertThat(waves).hasSize(2);
        assertThat(waves.get(0)).extracting(Row::n).containsExactly(1, 2);
        assertThat(waves.get(1)).extracting(Row::n).containsExactly(3);
    }

    @Test
    void randomInputKeepsEveryRowUniqueKeysPerWaveAndOrderPerKey() {
        Random random = new Random(42);
        List<R> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(new R("k" + random.nextInt(50), "r" + i));
        }
        Function<R, ?> key = R::key;

        List<List<R>> waves = Waves.of(rows, key);

        // every row appears exactly once
        assertThat(waves.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(rows);
        // keys unique within a wave, rows of one wave in input order
        for (List<R> wave : waves) {
            Set<Object> keys = new HashSet<>();
            for (R row : wave) {
                assertThat(keys.add(key.apply(row))).as("key %s twice in a wave", row.key()).isTrue();
            }
            assertThat(wave).isSortedAccordingTo((x, y) -> Integer.compare(rows.indexOf(x), rows.indexOf(y)));
        }
        // for each key, its rows appear in input order wave after wave
        Map<String, List<R>> perKeyInput = new HashMap<>();
        rows.forEach(row -> perKeyInput.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
        Map<String, List<R>> perKeyWaves = new HashMap<>();
        waves.forEach(w -> w.forEach(row -> perKeyWaves.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row)));
        assertThat(perKeyWaves).isEqualTo(perKeyInput);
        // the number of waves is the largest number of rows any key has
        int maxPerKey = perKeyInput.values().stream().mapToInt(List::size).max().orElseThrow();
        assertThat(waves).hasSize(maxPerKey);
    }
}
