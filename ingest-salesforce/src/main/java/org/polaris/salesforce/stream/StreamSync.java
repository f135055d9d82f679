package org.polaris.salesforce.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.SalesforceConfig.ObjectQuery;
import org.polaris.salesforce.client.SalesforceClient;
import org.polaris.salesforce.sync.ObjectSync;
import org.polaris.salesforce.sync.Queries;
import org.polaris.salesforce.sync.SalesforceSyncs;
import org.polaris.salesforce.sync.Steps;
import org.polaris.salesforce.sync.SyncLedger;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;

/**
 * Near-real-time sync: Change Data Capture events from the Streaming API ({@link StreamSubscriber})
 * applied through the same normalizer and writer as the batch runs.
 *
 * <p>An event names records that changed; the records are read back by id (queryAll, so a delete
 * arrives as the record with IsDeleted = true and an undelete as the live record) and published as
 * rows of the kinds whose selection takes them (a Contact is a volunteer, a teacher or a student by
 * its type). Reading back rather than applying the event's fields makes every change, gap event and
 * compound field the record's whole current state: an older event can never overwrite a newer one,
 * and a record that changes three times in a batch is read once. The rows go to a rolling run per
 * kind ({@code polaris.salesforce.stream.run-length}, an hour), one Kafka transaction per batch of
 * events ({@code batch-window}); only when that transaction is committed is each channel's replay id
 * stored, so a restart resumes after the last event that is safe.
 *
 * <p>Gaps: a stored replay id the server no longer retains is healed at once by an incremental query
 * of the channel's objects from the commit time of the last event applied, minus the delta overlap,
 * as runs of their own whose trigger says why; {@code GAP_OVERFLOW} is an incremental resync of its
 * object; the other {@code GAP_*} events name their records, which are read back like any change.
 */
@ApplicationScoped
public class StreamSync {

    private static final Logger LOG = Logger.getLogger(StreamSync.class);
    /** Record ids per read-back query (a SOQL statement stays well inside its length limit). */
    private static final int IDS_PER_QUERY = 200;
    public static final String TRIGGER = "salesforce-stream";

    @Inject
    SalesforceConfig config;

    @Inject
    SalesforceSyncs syncs;

    @Inject
    RunPublisher publisher;

    @Inject
    Instance<SyncLedger> ledger;

    @Inject
    Instance<io.micrometer.core.instrument.MeterRegistry> registry;

    private final java.util.concurrent.atomic.AtomicBoolean metered = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong heals = new AtomicLong();
    private final AtomicLong leasesLost = new AtomicLong();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();
    private volatile StreamSubscriber subscriber;
    private volatile Thread worker;
    private volatile Thread leader;
    private volatile SyncLedger.Lease lease;
    private volatile boolean running;
    /** The lease every replica competes for: one subscriber in a cluster. */
    public static final String LEASE = "salesforce-stream";

    /** An event as the subscriber hands it on. */
    private record Event(String channel, long replayId, Map<String, Object> payload) {
    }

    /** The server refused a channel's stored replay id: heal the gap. */
    private record Refused(String channel, long replayId) {
    }

    /** A kind's rolling run, and when it last had rows. */
    private static final class Open {
        final RunPublisher.OpenRun run;
        final Instant since;
        volatile Instant lastRows;

        Open(RunPublisher.OpenRun run, Instant since) {
            this.run = run;
            this.since = since;
            this.lastRows = since;
        }

        RunPublisher.OpenRun run() {
            return run;
        }

        Instant since() {
            return since;
        }
    }

    /**
     * A rolling run quiet this long is closed early, well before the writer would call it stalled
     * (POLARIS_WRITER_STALL_AFTER, 15 minutes): the next event opens a new one.
     */
    static final Duration QUIET = Duration.ofMinutes(5);

    void onStart(@Observes StartupEvent event) {
        if (config.stream().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Subscribes and starts applying events (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::work, "salesforce-stream-sync");
        t.setDaemon(true);
        worker = t;
        t.start();
        Thread l = new Thread(this::lead, "salesforce-stream-leader");
        l.setDaemon(true);
        leader = l;
        l.start();
    }

    /**
     * One subscriber in a cluster: the replica holding the lease (a PostgreSQL advisory lock on a
     * connection of its own, lost with the replica) subscribes; the others try again every
     * {@code takeover-interval} and the first to get it resumes from the stored replay ids. The holder
     * checks its lease as often: one it has lost (its connection cut) is given up at once, so two
     * replicas never subscribe for long (and the rolling runs' shared transactional ids fence the one
     * that lost it, should it still write).
     */
    private void lead() {
        while (running) {
            SyncLedger.Lease held = lease;
            if (held != null && !held.held()) {
                letGo();
            } else if (held == null) {
                try {
                    Optional<SyncLedger.Lease> got = ledger.get().lead(LEASE);
                    if (got.isPresent()) {
                        synchronized (this) {
                            if (!running) {
                                got.get().close();
                                return;
                            }
                            lease = got.get();
                            LOG.info("this replica holds the Salesforce stream: subscribing");
                            subscribe();
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("taking the Salesforce stream lease failed: %s", e.getMessage());
                }
            }
            try {
                Thread.sleep(config.stream().takeoverInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The lease was lost: unsubscribe; what was received and not stored is sent again to the next holder. */
    private synchronized void letGo() {
        LOG.warn("this replica lost the Salesforce stream lease (its database connection): unsubscribing");
        leasesLost.incrementAndGet();
        StreamSubscriber s = subscriber;
        subscriber = null;
        if (s != null) {
            s.close();
        }
        queue.clear();
        try {
            closeRuns(true);
        } catch (RuntimeException e) {
            // a holder after this one fenced its runs' producer: its runs are left for the stall check
            LOG.warnf("closing the stream's runs after losing the lease failed: %s", e.getClass().getSimpleName());
        }
        SyncLedger.Lease old = lease;
        lease = null;
        if (old != null) {
            old.close();
        }
    }

    /** Times this replica lost the lease while subscribed (its database connection cut). */
    public long leasesLost() {
        return leasesLost.get();
    }

    /** Whether this replica holds the subscription. */
    public boolean leader() {
        return lease != null;
    }

    /** Events per channel, lag, reconnects and gap heals, as Prometheus metrics (registered once). */
    private void meters() {
        if (!registry.isResolvable() || !metered.compareAndSet(false, true)) {
            return;
        }
        io.micrometer.core.instrument.MeterRegistry r = registry.get();
        for (String channel : config.stream().channels()) {
            io.micrometer.core.instrument.Gauge.builder("polaris.salesforce.stream.events", events,
                    e -> e.getOrDefault(channel, new AtomicLong()).get())
                    .description("Change events applied since this instance started").tag("channel", channel).register(r);
            io.micrometer.core.instrument.Gauge.builder("polaris.salesforce.stream.lag.seconds", this,
                    s -> s.ledger.get().streamPosition(channel).flatMap(SyncLedger.StreamPosition::lastCommit)
                            .map(t -> (double) Duration.between(t, Instant.now()).toSeconds()).orElse(-1.0))
                    .description("Now minus the commit time of the newest change applied").tag("channel", channel).register(r);
        }
        io.micrometer.core.instrument.Gauge.builder("polaris.salesforce.stream.reconnects", this,
                s -> s.subscriber == null ? 0 : s.subscriber.restarts() + Math.max(0, s.subscriber.handshakes() - 1))
                .description("Re-handshakes and restarts of the Streaming API client").register(r);
        io.micrometer.core.instrument.Gauge.builder("polaris.salesforce.stream.heals", heals, AtomicLong::get)
                .description("Gaps healed by a query (expired replay ids, GAP_OVERFLOW)").register(r);
        io.micrometer.core.instrument.Gauge.builder("polaris.salesforce.stream.leases.lost", leasesLost, AtomicLong::get)
                .description("Times this replica lost the subscription's lease (its database connection) and let go").register(r);
    }

    private void subscribe() {
        meters();
        subscriber = new StreamSubscriber(syncs.client(), config.stream().channels(),
                channel -> ledger.get().streamPosition(channel).map(p -> OptionalLong.of(p.replayId()))
                        .orElse(OptionalLong.empty()),
                new StreamSubscriber.Listener() {
                    @Override
                    public void onEvent(String channel, long replayId, Map<String, Object> payload) {
                        queue.add(new Event(channel, replayId, payload));
                    }

                    @Override
                    public void onReplayRefused(String channel, long refusedReplayId, String error) {
                        queue.add(new Refused(channel, refusedReplayId));
                    }
                }, config.stream().healthTimeout(), config.stream().maxMessageBytes());
        subscriber.start();
    }

    /** Unsubscribes, applies what was received, and closes the rolling runs. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
        Thread l = leader;
        if (l != null) {
            l.interrupt();
        }
        Thread t = worker;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeRuns(true);
        SyncLedger.Lease held = lease;
        lease = null;
        if (held != null) {
            held.close();
        }
    }

    public boolean running() {
        return running;
    }

    /** Per channel: subscribed or not and why, stored replay id, last commit, events handed on, lag, last heal. */
    public List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        StreamSubscriber s = subscriber;
        for (String channel : config.stream().channels()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("channel", channel);
            Optional<StreamSubscriber.ChannelStatus> live = s == null ? Optional.empty()
                    : s.status().stream().filter(x -> x.channel().equals(channel)).findFirst();
            c.put("connected", running && live.map(StreamSubscriber.ChannelStatus::subscribed).orElse(false));
            c.put("why", !running ? "the stream is not started (SF_STREAM_ENABLED)"
                    : lease == null ? "another replica holds the subscription (this one takes over if it stops)"
                    : live.map(StreamSubscriber.ChannelStatus::lastError).orElse(null));
            Optional<SyncLedger.StreamPosition> p = ledger.get().streamPosition(channel);
            c.put("replayId", p.map(SyncLedger.StreamPosition::replayId).orElse(null));
            Instant commit = p.flatMap(SyncLedger.StreamPosition::lastCommit).orElse(null);
            c.put("lastCommit", commit == null ? null : commit.toString());
            c.put("lagSeconds", commit == null ? null : Duration.between(commit, Instant.now()).toSeconds());
            c.put("events", events.getOrDefault(channel, new AtomicLong()).get());
            c.put("heals", p.map(SyncLedger.StreamPosition::heals).orElse(0));
            c.put("lastHeal", p.map(SyncLedger.StreamPosition::lastHeal).orElse(null));
            out.add(c);
        }
        return out;
    }

    /** The rolling runs open now, by kind: their run ids. */
    public Map<String, String> openRuns() {
        Map<String, String> out = new LinkedHashMap<>();
        open.forEach((kind, o) -> out.put(kind, o.run().runId()));
        return out;
    }

    /** Closes every rolling run now (their runs complete); the next events open new ones. */
    public void rollRuns() {
        queue.add(Roll.NOW);
    }

    private enum Roll { NOW }

    private void work() {
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    closeRuns(false);
                    continue;
                }
                List<Object> batch = new ArrayList<>(List.of(first));
                long until = System.nanoTime() + config.stream().batchWindow().toNanos();
                while (batch.size() < 5_000) {
                    long left = until - System.nanoTime();
                    Object next = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                apply(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // nothing of the batch was stored as applied: the subscription resumes from the stored ids
                LOG.errorf("applying Salesforce stream events failed (%s): restarting the subscription from the "
                        + "stored replay ids", e.getMessage());
                restartSubscription();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void apply(List<Object> batch) {
        Map<String, Set<String>> toRead = new LinkedHashMap<>();
        Map<String, String> overflow = new LinkedHashMap<>(); // entity -> the channel that said so
        Map<String, Long> replay = new LinkedHashMap<>();
        Map<String, Instant> commits = new LinkedHashMap<>();
        for (Object o : batch) {
            if (o == Roll.NOW) {
                closeRuns(true);
            } else if (o instanceof Refused r) {
                heal(r.channel(), "replay id " + r.replayId() + " of " + r.channel() + " is no longer retained by Salesforce");
            } else if (o instanceof Event e) {
                Map<String, Object> header = (Map<String, Object>) e.payload().get("ChangeEventHeader");
                String entity = String.valueOf(header.get("entityName"));
                String type = String.valueOf(header.get("changeType"));
                if ("GAP_OVERFLOW".equals(type)) {
                    overflow.put(entity, e.channel());
                } else {
                    toRead.computeIfAbsent(entity, x -> new LinkedHashSet<>())
                            .addAll((List<String>) header.getOrDefault("recordIds", List.of()));
                }
                replay.merge(e.channel(), e.replayId(), Math::max);
                if (header.get("commitTimestamp") instanceof Number t) {
                    commits.merge(e.channel(), Instant.ofEpochMilli(t.longValue()), (a, b) -> a.isAfter(b) ? a : b);
                }
                events.computeIfAbsent(e.channel(), x -> new AtomicLong()).incrementAndGet();
            }
        }
        SalesforceClient client = syncs.client();
        for (Map.Entry<String, Set<String>> entity : toRead.entrySet()) {
            for (Target t : targets(entity.getKey())) {
                readBack(client, t, new ArrayList<>(entity.getValue()));
            }
        }
        for (Map.Entry<String, String> o : overflow.entrySet()) {
            String why = "GAP_OVERFLOW on " + o.getKey() + ": Salesforce could not send every change";
            resync(o.getKey(), why);
            ledger.get().streamHealed(o.getValue(), why + "; healed by an incremental resync of " + o.getKey());
            heals.incrementAndGet();
        }
        // every row of the batch is committed: now the replay ids are safe to resume after
        replay.forEach((channel, id) -> ledger.get().saveStreamPosition(channel, id, commits.get(channel)));
        closeRuns(false);
    }

    /** A kind whose selection may take records of an entity, and the object query that reads them. */
    private record Target(SalesforceKind<?> kind, List<ObjectQuery> queries, ObjectQuery query) {
    }

    /** The kinds an entity's records may belong to (every step's run with a query of that SObject). */
    private List<Target> targets(String entity) {
        List<Target> out = new ArrayList<>();
        for (String step : Steps.ORDER) {
            for (String run : Steps.runs(step)) {
                Optional<SalesforceKind<?>> kind = Steps.kind(run);
                if (kind.isEmpty()) {
                    continue;
                }
                List<ObjectQuery> queries = Steps.objectQueries(config, run);
                for (ObjectQuery q : queries) {
                    if (q.sobject().equals(entity)) {
                        out.add(new Target(kind.get(), queries, q));
                    }
                }
            }
        }
        return out;
    }

    private void readBack(SalesforceClient client, Target t, List<String> ids) {
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            client.query(Queries.selectIds(t.query(), ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))), true,
                    records::add);
        }
        if (records.isEmpty()) {
            return;
        }
        RunPublisher.OpenRun run = open(t);
        open.get(t.kind().id()).lastRows = Instant.now();
        boolean tagged = Steps.readsSeveral(t.kind().step());
        int first = run.nextRowNumber();
        run.append(sink -> {
            int n = first;
            for (Map<String, String> cells : records) {
                Map<String, String> row = cells;
                if (tagged) {
                    row = new java.util.HashMap<>(cells);
                    row.put(Steps.SOBJECT, t.query().sobject());
                }
                sink.accept(n++, row, List.of());
            }
        });
    }

    private RunPublisher.OpenRun open(Target t) {
        Open o = open.get(t.kind().id());
        if (o == null) {
            String sourceRef = "Salesforce Streaming API (Change Data Capture), " + t.kind().noun() + " read back by id";
            // one transactional id per kind for the whole cluster: the next holder of the lease fences a
            // holder that died mid-batch, aborting its open transaction at once instead of after its timeout
            RunPublisher.OpenRun run = publisher.openAs(new RunRequest(t.kind(), sourceRef, "stream since "
                    + Instant.now(), null, TRIGGER, RunMode.COMMIT, null), ObjectSync.header(t.kind(), t.queries()),
                    config.stream().transactionalId() + "-" + t.kind().step());
            o = new Open(run, Instant.now());
            open.put(t.kind().id(), o);
            LOG.infof("%s: stream run %s opened", t.kind().id(), run.runId());
        }
        return o.run();
    }

    /** Closes the rolling runs older than the run length (all of them when {@code all}). */
    private void closeRuns(boolean all) {
        Instant cut = Instant.now().minus(config.stream().runLength());
        Instant quiet = Instant.now().minus(QUIET);
        for (Map.Entry<String, Open> e : new ArrayList<>(open.entrySet())) {
            if (all || e.getValue().since().isBefore(cut) || e.getValue().lastRows.isBefore(quiet)) {
                open.remove(e.getKey());
                e.getValue().run().close();
                LOG.infof("%s: stream run %s closed with %,d records", e.getKey(), e.getValue().run().runId(),
                        e.getValue().run().rows());
            }
        }
    }

    /** A refused replay id: the channel's objects are read back from the last commit applied, minus the overlap. */
    private void heal(String channel, String why) {
        List<String> entities = entities(channel);
        for (String entity : entities) {
            resync(entity, why);
        }
        ledger.get().streamHealed(channel, why + "; healed by an incremental query of " + String.join(", ", entities));
        heals.incrementAndGet();
    }

    /** An incremental query of an entity's kinds since the newest commit any channel applied (or a full read). */
    private void resync(String entity, String why) {
        Optional<Instant> since = config.stream().channels().stream()
                .flatMap(ch -> ledger.get().streamPosition(ch).flatMap(SyncLedger.StreamPosition::lastCommit).stream())
                .max(Instant::compareTo);
        SalesforceClient client = syncs.client();
        for (Target t : targets(entity)) {
            if (!t.query().equals(t.queries().get(0))) {
                continue; // a run that reads several objects is resynced once, by its first
            }
            ObjectSync.Published p = new ObjectSync(config, client, publisher).run(t.kind(), t.queries(), since,
                    since.isEmpty(), RunMode.COMMIT, TRIGGER + ": heal (" + why + ")");
            LOG.infof("%s: healed by run %s (%s)", t.kind().id(), p.receipt().runId(), why);
        }
    }

    /** The SObjects a channel carries: /data/ContactChangeEvent → Contact, /data/X__ChangeEvent → X__c, /data/ChangeEvents → all. */
    List<String> entities(String channel) {
        if (channel.equals("/data/ChangeEvents")) {
            Set<String> all = new LinkedHashSet<>();
            config.objects().values().forEach(q -> all.add(q.sobject()));
            return new ArrayList<>(all);
        }
        return List.of(entity(channel));
    }

    static String entity(String channel) {
        String name = channel.substring(channel.lastIndexOf('/') + 1);
        if (name.endsWith("__ChangeEvent")) {
            return name.substring(0, name.length() - "__ChangeEvent".length()) + "__c";
        }
        return name.endsWith("ChangeEvent") ? name.substring(0, name.length() - "ChangeEvent".length()) : name;
    }

    /** After a failed batch: the events after the stored replay ids are delivered again by a new subscription. */
    private synchronized void restartSubscription() {
        if (!running || lease == null) {
            return;
        }
        StreamSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
        queue.clear();
        closeRuns(true);
        subscribe();
    }
}
