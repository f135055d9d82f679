package org.polaris.writer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Writer settings. */
@ConfigMapping(prefix = "polaris.writer")
public interface WriterConfig {

    /**
     * Tries of a record the database refuses, the first included (POLARIS_WRITER_RECORD_ATTEMPTS);
     * then it is recorded as invalid with the reason, dead-lettered, and the partition moves on. The
     * same bound applies to a run whose completion fails (it is then marked FAILED). A database or
     * broker that is away is waited for as long as it lasts.
     */
    @WithDefault("5")
    int recordAttempts();

    /** Wait before the second try, doubled for each later one up to 30 s (POLARIS_WRITER_RETRY_BACKOFF). */
    @WithDefault("PT0.1S")
    Duration retryBackoff();

    /**
     * A run that has not received all its outcomes, and no new one for this long, is marked STALLED
     * with the rows it misses (POLARIS_WRITER_STALL_AFTER); it completes normally if they arrive later.
     */
    @WithDefault("PT15M")
    Duration stallAfter();

    /**
     * Transactions a poll of one kind is split into, by key, and written at once (POLARIS_WRITER_CONCURRENCY),
     * for kinds whose rows are independent ({@link KindStore#independentRows()}: the Salesforce objects).
     * The database then works on several batches while the writer prepares the next statement; measured
     * on two cores, the writer's time was three quarters waiting for PostgreSQL. 1 writes every poll in
     * one transaction.
     */
    @WithDefault("2")
    int concurrency();

    /** How often runs are checked for a stall (POLARIS_WRITER_STALL_CHECK). */
    @WithDefault("60s")
    String stallCheck();
}
