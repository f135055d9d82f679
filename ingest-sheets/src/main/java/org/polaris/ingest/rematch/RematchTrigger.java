package org.polaris.ingest.rematch;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.schemas.avro.RunStatus;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.schemas.kinds.RematchKind;

/**
 * Starts REMATCH runs: after a run that may have added teachers or events completes (any kind but
 * Pathful and REMATCH: a roster, events, virtual sessions, a Salesforce sync step), the pending
 * Pathful rows that would match now are published again, one run per academic year. Reads the final
 * run summaries in its own consumer group, so one replica handles each. A re-match that cannot be
 * published (the broker away) leaves its rows pending for the next run's: nothing is lost.
 */
@ApplicationScoped
public class RematchTrigger {

    public static final String CHANNEL = "rematch-in";
    private static final Logger LOG = Logger.getLogger(RematchTrigger.class);

    @Inject
    PendingRematches pending;

    @Inject
    RunPublisher publisher;

    @Inject
    RematchConfig config;

    @ConfigProperty(name = "polaris.normalizer.zone", defaultValue = "America/Chicago")
    ZoneId zone;

    @Incoming(CHANNEL)
    @Blocking
    public void onSummary(Object payload) {
        if (!(payload instanceof RunSummary s) || !s.getFinalSummary() || s.getStatus() != RunStatus.COMPLETED
                || !config.enabled() || PathfulKind.ID.equals(s.getKind()) || RematchKind.ID.equals(s.getKind())) {
            return;
        }
        try {
            if (!awaitCompleted(s.getRunId(), config.commitWait())) {
                LOG.warnf("run %s did not show as completed within %s: no re-match after it", s.getRunId(),
                        config.commitWait());
                return;
            }
            rematch("after " + s.getKind().toLowerCase(java.util.Locale.ROOT) + " run " + s.getRunId());
        } catch (RuntimeException e) {
            // its rows stay pending: the next completed run tries them again
            LOG.warnf("re-match after run %s failed (%s); its rows stay pending", s.getRunId(), e.getClass().getSimpleName());
        }
    }

    /** Publishes what would match now; returns the runs published. */
    public List<RunReceipt> rematch(String why) {
        List<PendingRematches.Pending> rows = pending.matchable(config.window(), config.maxRows());
        List<RunReceipt> runs = new java.util.ArrayList<>();
        for (Map.Entry<String, List<PendingRematches.Pending>> year : Rematches.byYear(rows).entrySet()) {
            RunReceipt r = Rematches.publish(publisher, why, year.getKey(), year.getValue(), zone);
            LOG.infof("REMATCH run %s: %d unmatched rows of %s published again (%s)", r.runId(), r.rows(), year.getKey(), why);
            runs.add(r);
        }
        // the next summary looks again only once these rows are resolved: never the same row in two runs at once
        for (RunReceipt r : runs) {
            if (!awaitCompleted(r.runId(), config.runWait())) {
                LOG.warnf("REMATCH run %s did not complete within %s; the next re-match may try its rows again",
                        r.runId(), config.runWait());
            }
        }
        return runs;
    }

    /** Whether the run shows as ended within {@code wait} (a final summary is published just before its commit). */
    private boolean awaitCompleted(String runId, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!pending.ended(runId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
