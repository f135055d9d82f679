package org.polaris.ingest.publish;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.ingest.IngestConfig;
import org.polaris.schemas.avro.RawRow;

import static org.assertj.core.api.Assertions.assertThat;

class RunPublisherTest {

    private final RunPublisher publisher = new RunPublisher();

    RunPublisherTest() {
        publisher.config = new IngestConfig() {
            @Override
            public long maxFileBytes() {
                return 268_435_456L;
            }

            @Override
            public String transactionalId() {
                return "t";
            }

            @Override
            public int transactionTimeoutMs() {
                return 900_000;
            }

            @Override
            public int concurrentRuns() {
                return 1;
            }

            @Override
            public int maxRowBytes() {
                return 1_000_000;
            }
        };
    }

    private static RawRow row(String note) {
        return RawRow.newBuilder().setRunId("7d1c2d3e-0000-4000-8000-000000000001").setKind("EVENTS").setRowNumber(7)
                .setSourceRef("big.csv").setCells(Map.of("Session ID", "PS-1", "Notes", note))
                .setIngestWarnings(List.of()).build();
    }

    @Test
    void anOrdinaryRowTravelsAsItIs() {
        RawRow small = row("short");
        assertThat(publisher.fitted(small)).isSameAs(small);
    }

    @Test
    void aRowTooLargeForKafkaTravelsWithoutItsValuesAndWithItsSize() {
        RawRow fitted = publisher.fitted(row("x".repeat(5 * 1024 * 1024)));

        assertThat(fitted.getCells()).containsOnlyKeys("Session ID", "Notes").containsValues("", "");
        assertThat(fitted.getIngestProblem()).startsWith("the row is 5,242,")
                .contains("bytes, more than the 1,000,000 bytes a row may be (polaris.ingest.max-row-bytes)");
        assertThat(fitted.getRowNumber()).isEqualTo(7);
    }

    @Test
    void aRunGoesToItsHomePartitionUnlessThisInstanceHasATransactionOrAStreamThere() {
        assertThat(RunPublisher.choose(1, 3, java.util.Set.of(), List.of())).isEqualTo(1);
        assertThat(RunPublisher.choose(1, 3, java.util.Set.of(1), List.of())).isEqualTo(2);
        // a stream's rolling run on 2: a run published ahead of its turn would hold its changes back
        assertThat(RunPublisher.choose(1, 3, java.util.Set.of(1), List.of(2))).isEqualTo(0);
        assertThat(RunPublisher.choose(2, 3, java.util.Set.of(), List.of(2, 0))).isEqualTo(1);
        // nothing free of both: a stream's partition rather than another transaction's
        assertThat(RunPublisher.choose(0, 3, java.util.Set.of(0, 1), List.of(2))).isEqualTo(2);
        // every partition has a transaction: home (the later run waits)
        assertThat(RunPublisher.choose(2, 3, java.util.Set.of(0, 1, 2), List.of())).isEqualTo(2);
    }
}
