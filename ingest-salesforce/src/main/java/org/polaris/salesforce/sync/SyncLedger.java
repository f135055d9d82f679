package org.polaris.salesforce.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the sync needs to know of Polaris, which the writer owns: an object's watermark, a run's end,
 * and how many live records Polaris holds of a kind (the source count check). The launcher provides
 * it over the writer's tables; ingest never writes them.
 */
public interface SyncLedger {

    /** The newest SystemModstamp a completed run of the kind applied; empty: never synced (a full sync). */
    Optional<Instant> watermark(String kindId);

    /** A run once it has ended (completed, failed or stalled); empty while it runs. */
    Optional<RunEnd> ended(String runId);

    /** Live (not deleted) records of the kind in Polaris. */
    OptionalInt liveCount(String kindId);

    /**
     * How a run ended, with every count by name (outcomes, warnings and the kind's counters).
     *
     * @param status COMPLETED, FAILED or STALLED
     */
    record RunEnd(String status, Map<String, Integer> counts, String message) {
    }
}
