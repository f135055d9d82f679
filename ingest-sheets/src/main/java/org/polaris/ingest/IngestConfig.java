package org.polaris.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ingest settings. */
@ConfigMapping(prefix = "polaris.ingest")
public interface IngestConfig {

    /** Largest file accepted (POLARIS_INGEST_MAX_FILE_BYTES); bigger uploads are refused before a run starts. */
    @WithDefault("268435456")
    long maxFileBytes();

    /**
     * Transactional id prefix of this ingest instance's producers (POLARIS_INGEST_TRANSACTIONAL_ID). Stable
     * across restarts, so a run left open by a crash is aborted at once; unique per running instance.
     */
    @WithDefault("polaris-ingest")
    String transactionalId();

    /** Longest a run's publication may take before the broker aborts it (POLARIS_INGEST_TRANSACTION_TIMEOUT_MS). */
    @WithDefault("900000")
    int transactionTimeoutMs();

    /**
     * How many runs one instance publishes at once (POLARIS_INGEST_CONCURRENT_RUNS): one transactional
     * producer each, with transactional ids {@code <transactional-id>-0 .. n-1}. A further upload waits
     * for a free one.
     */
    @WithDefault("4")
    int concurrentRuns();

    /**
     * Largest encoded row (POLARIS_INGEST_MAX_ROW_BYTES). Below the broker's and the producer's 1 MB
     * message limits (Kafka's defaults), so a larger row is that row's invalid outcome, not a failed file.
     */
    @WithDefault("1000000")
    int maxRowBytes();
}
