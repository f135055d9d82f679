package org.polaris.writer.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.polaris.writer.BatchWriter;
import org.polaris.writer.WriterConfig;

/**
 * Every {@code polaris.writer.stall-check}, marks the runs that stopped getting outcomes STALLED
 * (what they miss in their message) and publishes their summaries. Idempotent: every writer instance
 * may run it; a run is marked once.
 */
@ApplicationScoped
public class StallWatch {

    private static final Logger LOG = Logger.getLogger(StallWatch.class);

    @Inject
    BatchWriter writer;

    @Inject
    Publisher publisher;

    @Inject
    WriterConfig config;

    @Scheduled(every = "${polaris.writer.stall-check:60s}", delayed = "${polaris.writer.stall-check:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            var stalled = writer.stall(config.stallAfter());
            if (!stalled.isEmpty()) {
                stalled.forEach(s -> LOG.warnf("run %s: %s", s.getRunId(), s.getMessage()));
                publisher.summaries(stalled);
            }
        } catch (RuntimeException e) {
            // the database away: the next check tries again
            LOG.warnf("the stalled-run check failed: %s", Failures.describe(e));
        }
    }
}
