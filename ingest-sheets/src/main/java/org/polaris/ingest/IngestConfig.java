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
     * Transactional id of this ingest instance's producer (POLARIS_INGEST_TRANSACTIONAL_ID). Stable across
     * restarts, so a run left open by a crash is aborted at once; unique per running instance.
     */
    @WithDefault("polaris-ingest")
    String transactionalId();

    /** Longest a run's publication may take before the broker aborts it (POLARIS_INGEST_TRANSACTION_TIMEOUT_MS). */
    @WithDefault("900000")
    int transactionTimeoutMs();
}
