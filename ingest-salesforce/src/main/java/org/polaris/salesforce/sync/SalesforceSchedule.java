package org.polaris.salesforce.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The runner's schedule (facts §6): {@code --daily --delta} at 02:00 and {@code --full} weekly, in the
 * configured zone (cron settings {@code polaris.salesforce.schedule.daily} / {@code .weekly}; {@code off}
 * turns one off). However many replicas run, one runs each firing: it holds a PostgreSQL advisory
 * lock for the whole sync, and a replica that gets the lock later (its clock behind) sees that a
 * sync of this firing already started and does nothing.
 */
@ApplicationScoped
public class SalesforceSchedule {

    private static final Logger LOG = Logger.getLogger(SalesforceSchedule.class);
    public static final String DAILY = "salesforce-daily";
    public static final String WEEKLY = "salesforce-weekly";
    /** A firing already served by a sync started this recently (another replica, clocks a little apart). */
    static final Duration SAME_FIRING = Duration.ofMinutes(30);

    @Inject
    SalesforceSyncs syncs;

    @Inject
    SyncLedger ledger;

    @Inject
    Scheduler scheduler;

    @Scheduled(identity = DAILY, cron = "{polaris.salesforce.schedule.daily}",
            timeZone = "{polaris.salesforce.schedule.zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        fire("schedule:daily", new Steps.Selection(true, false, false, false, null, null), true);
    }

    @Scheduled(identity = WEEKLY, cron = "{polaris.salesforce.schedule.weekly}",
            timeZone = "{polaris.salesforce.schedule.zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void weekly() {
        fire("schedule:weekly", new Steps.Selection(false, false, true, false, null, null), false);
    }

    /** What a firing did: ran the sync (its id), or why not. */
    public record Firing(Optional<String> syncId, String outcome) {
    }

    /** Runs one firing on this replica if it leads; waits for the sync to end while holding the lease. */
    public Firing fire(String trigger, Steps.Selection selection, boolean delta) {
        Optional<SyncLedger.Lease> lease = ledger.lead("salesforce-schedule");
        if (lease.isEmpty()) {
            LOG.infof("%s: another replica runs the Salesforce schedule", trigger);
            return new Firing(Optional.empty(), "another replica leads");
        }
        try (SyncLedger.Lease held = lease.get()) {
            if (ledger.startedSince(trigger, Instant.now().minus(SAME_FIRING))) {
                LOG.infof("%s: this firing's sync already started on another replica", trigger);
                return new Firing(Optional.empty(), "already run by another replica");
            }
            SyncRun sync;
            try {
                sync = syncs.start(new SalesforceSyncs.Request(selection, delta, false, trigger));
            } catch (SalesforceSyncs.Refused e) {
                LOG.warnf("%s: not started: %s", trigger, e.getMessage());
                return new Firing(Optional.empty(), "not started: " + e.getMessage());
            }
            while (!sync.finished()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            LOG.infof("%s: sync %s ended (%s)", trigger, sync.id, String.join(", ", sync.steps.stream()
                    .map(s -> s.step + " " + s.status).toList()));
            return new Firing(Optional.of(sync.id), "ran");
        }
    }

    /** The schedule as {@code salesforce status} shows it: each job's next firing, or off. */
    public List<String> describe() {
        return List.of(describe(DAILY, "daily --delta"), describe(WEEKLY, "weekly --full"));
    }

    private String describe(String identity, String what) {
        Trigger t = scheduler.getScheduledJob(identity);
        Instant next = t == null ? null : t.getNextFireTime();
        return what + ": " + (next == null ? "off" : "next " + next);
    }
}
