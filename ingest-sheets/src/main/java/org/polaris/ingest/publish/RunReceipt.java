package org.polaris.ingest.publish;

/** A run published whole: its id, how many rows, and where they lie on the raw topic. */
public record RunReceipt(String runId, String kind, int rows, String topic, int partition, Long firstOffset,
        Long lastOffset) {
}
