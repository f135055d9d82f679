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
     * Leadership of a single-active job across every replica (the schedule): held while the lease is
     * open, by one holder at a time; empty when another replica holds it.
     */
    Optional<Lease> lead(String job);

    /** Whether a run was started by this trigger ({@code schedule:daily}) since that instant, on any replica. */
    boolean startedSince(String triggeredBy, Instant since);

    /**
     * The runner's last step (facts §6, "sync unaffiliated events"): the Salesforce events without a
     * district get one from their school or their participants' schools; {@code dryRun} changes nothing.
     */
    Affiliation affiliateEvents(boolean dryRun);

    /**
     * @param unaffiliated live Salesforce events without a District__c
     * @param bySchool affiliated through their school
     * @param byParticipants through the one district their participants' schools share
     * @param still left without a district
     * @param changed whose affiliation was set or changed (or would be, in a dry run)
     */
    record Affiliation(int unaffiliated, int bySchool, int byParticipants, int still, int changed) {
    }

    /** A Streaming API channel's stored position: the replay id to resume after, and the newest commit applied. */
    record StreamPosition(long replayId, Optional<Instant> lastCommit, int heals, String lastHeal) {
    }

    /** The channel's stored position; empty before its first event. */
    Optional<StreamPosition> streamPosition(String channel);

    /** Stores a channel's position once Kafka has committed every event up to {@code replayId}. */
    void saveStreamPosition(String channel, long replayId, Instant lastCommit);

    /** Records that a gap of the channel was healed, and how (shown by the stream's status). */
    void streamHealed(String channel, String how);

    /** A held leadership; closing it (or the holder dying) lets another take it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();

        /**
         * Whether it is still held: false once its connection is gone (a database restart, a network
         * cut), after which another replica may hold it.
         */
        boolean held();
    }

    /**
     * How a run ended, with every count by name (outcomes, warnings and the kind's counters).
     *
     * @param status COMPLETED, FAILED or STALLED
     */
    record RunEnd(String status, Map<String, Integer> counts, String message) {
    }
}
