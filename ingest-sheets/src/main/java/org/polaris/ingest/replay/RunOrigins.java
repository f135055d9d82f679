package org.polaris.ingest.replay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a replay finds a past run: what it was and where its rows lie on its raw topic. The run
 * ledger holds this (the writer records it from the run's markers); the application that assembles
 * the services provides this port.
 */
public interface RunOrigins {

    Optional<Origin> byId(String runId);

    /**
     * A run as a replay needs it.
     *
     * @param header      the header as it arrived (null for runs recorded before headers were kept)
     * @param firstOffset the offset of its first row (null: the run had no rows, or its end marker never arrived)
     * @param endedAt     when its end marker was written (null: it never was)
     */
    record Origin(String runId, String kind, String status, String sourceRef, String window, String district,
            String mode, List<String> header, Integer expectedRows, String rawTopic, Integer rawPartition, Long firstOffset,
            Long lastOffset, Instant endedAt) {
    }
}
