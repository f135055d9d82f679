package org.polaris.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SlicesTest {

    private static final long S = 1_000_000_000L;

    @Test
    void aSteadyRunHasEqualSlices() {
        Slices slices = new Slices(10 * S, 100);
        for (int t = 1; t <= 6; t++) {
            slices.seen(10 * S + t * S, t * 50); // 50 rows/s, polled every second
        }
        assertThat(slices.rates()).hasSize(3).allSatisfy(r -> assertThat(r).isCloseTo(50.0, within(1e-9)));
    }

    @Test
    void aSliceEndIsInterpolatedBetweenPolls() {
        Slices slices = new Slices(0, 100);
        slices.seen(1 * S, 0);      // the pipeline fills: nothing processed yet
        slices.seen(2 * S, 150);    // slice 1 ended 2/3 of the way between 1 s and 2 s
        slices.seen(3 * S, 250);    // slice 2 ended half way between 2 s and 3 s
        assertThat(slices.rates()).hasSize(2);
        assertThat(slices.rates().get(0)).isCloseTo(100 / (1 + 2.0 / 3), within(1e-9));
        assertThat(slices.rates().get(1)).isCloseTo(100 / (2.5 - (1 + 2.0 / 3)), within(1e-9));
    }

    @Test
    void onePollCanEndSeveralSlicesAndAPartialSliceIsNotReported() {
        Slices slices = new Slices(0, 100);
        slices.seen(4 * S, 400);
        slices.seen(5 * S, 450);
        slices.seen(5 * S, 460); // same instant: ignored
        slices.seen(6 * S, 440); // a count never goes back: ignored
        assertThat(slices.rates()).containsExactly(100.0, 100.0, 100.0, 100.0);
    }

    @Test
    void aSliceNeedsRows() {
        assertThatThrownBy(() -> new Slices(0, 0)).hasMessageContaining("at least one row");
    }
}
