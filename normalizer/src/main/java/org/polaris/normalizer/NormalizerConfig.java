package org.polaris.normalizer;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Normalizer settings. */
@ConfigMapping(prefix = "polaris.normalizer")
public interface NormalizerConfig {

    /** Zone in which zone-less dates and times are read (POLARIS_NORMALIZER_ZONE). */
    @WithDefault("America/Chicago")
    ZoneId zone();

    /**
     * Tries of a record that fails on its own (its rules throw), the first included
     * (POLARIS_NORMALIZER_RECORD_ATTEMPTS); then it is dead-lettered with the reason and the partition
     * moves on. A failure that is not the record's (the broker away) is retried for as long as it lasts.
     */
    @WithDefault("5")
    int recordAttempts();

    /** Wait before the second try, doubled for each later one up to a minute (POLARIS_NORMALIZER_RETRY_BACKOFF). */
    @WithDefault("PT0.1S")
    Duration retryBackoff();

    /**
     * How far back before a row to look for its run's start marker when this instance has not seen
     * it (after a restart mid-run) (POLARIS_NORMALIZER_START_MARKER_LOOKBACK). A run is published in one
     * Kafka transaction, so its start marker is at most the ingest transaction timeout (15 minutes)
     * older than its rows; a row whose run has no start marker there is dead-lettered, never written.
     */
    @WithDefault("PT20M")
    Duration startMarkerLookback();
}
