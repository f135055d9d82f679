package org.polaris.schemas;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a worker is waiting on something that is not a record's fault (the broker or the database
 * away): while it is, it retries with backoff, loses nothing, and its readiness check answers not
 * ready with the reason. Plain state; each worker's readiness check reads it.
 */
public final class WorkerStatus {

    /** Since when and why a worker waits. */
    public record Waiting(Instant since, String reason) {
    }

    private volatile Waiting waiting;

    /** The worker is waiting: the first call keeps its time, later ones update the reason. */
    public void waiting(String reason) {
        Waiting w = waiting;
        waiting = new Waiting(w == null ? Instant.now() : w.since(), reason);
    }

    public void working() {
        waiting = null;
    }

    public Optional<Waiting> current() {
        return Optional.ofNullable(waiting);
    }
}
