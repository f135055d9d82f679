package org.polaris.ingest.rematch;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The re-match of unmatched Pathful rows (issue 10). */
@ConfigMapping(prefix = "polaris.rematch")
public interface RematchConfig {

    /** Re-match after every run that completes (POLARIS_REMATCH_ENABLED). */
    @WithDefault("true")
    boolean enabled();

    /** How long an unmatched row is tried again (POLARIS_REMATCH_WINDOW): older ones stay pending for review. */
    @WithDefault("P90D")
    Duration window();

    /** Rows one re-match publishes at most (POLARIS_REMATCH_MAX_ROWS); the rest go with the next one. */
    @WithDefault("100000")
    int maxRows();

    /** How long to wait for the triggering run's completion to be committed (POLARIS_REMATCH_COMMIT_WAIT). */
    @WithDefault("PT30S")
    Duration commitWait();

    /**
     * How long a re-match waits for its REMATCH runs to complete before it handles the next summary
     * (POLARIS_REMATCH_RUN_WAIT), so one row is never in two REMATCH runs at once.
     */
    @WithDefault("PT2M")
    Duration runWait();
}
