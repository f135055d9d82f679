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
}
