package org.polaris.schemas;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordHeadersTest {

    private static final String RUN = "3f0958e2-5c1e-4a43-9d61-0c2b7f3e9a10";

    @Test
    void oneHeaderCarriesTheRunAndTheRow() {
        Headers h = RecordHeaders.of(RUN, 17);

        assertThat(h.toArray()).hasSize(1);
        assertThat(new String(h.lastHeader("polaris-origin").value(), StandardCharsets.UTF_8)).isEqualTo(RUN + "/17");
        assertThat(RecordHeaders.runOf(h, "2024-2025|someone")).isEqualTo(RUN);
        assertThat(RecordHeaders.rowOf(h)).isEqualTo(17);
    }

    @Test
    void aRunsMarkersNameTheRunOnly() {
        Headers h = RecordHeaders.of(RUN, 0);

        assertThat(RecordHeaders.runOf(h, null)).isEqualTo(RUN);
        assertThat(RecordHeaders.rowOf(h)).isZero();
    }

    @Test
    void withoutAHeaderARunIdKeyNamesTheRunAndNothingElseDoes() {
        Headers none = new org.apache.kafka.common.header.internals.RecordHeaders();

        assertThat(RecordHeaders.runOf(none, RUN)).isEqualTo(RUN);
        assertThat(RecordHeaders.runOf(none, "2024-2025|someone")).isNull();
        assertThat(RecordHeaders.rowOf(none)).isZero();
        Headers forged = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add("polaris-origin", "not-a-run/x".getBytes(StandardCharsets.UTF_8));
        assertThat(RecordHeaders.runOf(forged, null)).isNull();
        assertThat(RecordHeaders.rowOf(forged)).isZero();
    }

    @Test
    void theFirstVersionsTwoHeadersAreStillRead() {
        Headers old = new org.apache.kafka.common.header.internals.RecordHeaders()
                .add("polaris-run", RUN.getBytes(StandardCharsets.UTF_8))
                .add("polaris-row", "5".getBytes(StandardCharsets.UTF_8));

        assertThat(RecordHeaders.runOf(old, null)).isEqualTo(RUN);
        assertThat(RecordHeaders.rowOf(old)).isEqualTo(5);
    }
}
