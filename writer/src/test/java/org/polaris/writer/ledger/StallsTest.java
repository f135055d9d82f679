package org.polaris.writer.ledger;

import java.time.Duration;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StallsTest {

    @Test
    void aStalledRunSaysHowManyRowsItMissesAndWhich() {
        BitSet recorded = new BitSet();
        recorded.set(2, 9001);
        assertThat(Stalls.message(10_000, 8_999, "2-9000,9002-10001", recorded, Duration.ofMinutes(15)))
                .isEqualTo("stalled: 1001 of 10000 rows have no outcome after 15 minutes without progress "
                        + "(rows 9002-10001)");
    }

    @Test
    void aRunWithoutItsEndMarkerSaysSo() {
        assertThat(Stalls.message(null, 42, null, null, Duration.ofSeconds(5)))
                .isEqualTo("stalled: the run's end marker has not arrived after 5 seconds without progress (42 rows recorded)");
    }

    @Test
    void aRunOfOlderIngestWithoutRowRangesSaysOnlyHowMany() {
        assertThat(Stalls.message(3, 1, null, null, Duration.ofMinutes(1)))
                .isEqualTo("stalled: 2 of 3 rows have no outcome after 1 minute without progress");
    }
}
