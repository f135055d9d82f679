package org.polaris.salesforce.sync;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.SalesforceConfig.ObjectQuery;
import org.polaris.salesforce.client.SalesforceClient;
import org.polaris.salesforce.client.SalesforceException;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;

/**
 * The runner (facts §6): a sync is its steps in order, each one object sync whose run goes through
 * the normalizer and the writer like any run; the next step starts when the run before it has
 * ended, so parents are in Polaris before their children are read. One sync at a time per instance.
 * A refusal (credentials, settings) or the API request limit stops the sync, the steps after it
 * reported as not run; a step that failed otherwise does not stop the ones after it.
 */
@ApplicationScoped
public class SalesforceSyncs {

    private static final Logger LOG = Logger.getLogger(SalesforceSyncs.class);

    @Inject
    SalesforceConfig config;

    @Inject
    RunPublisher publisher;

    @Inject
    Instance<SyncLedger> ledger;

    @Inject
    Instance<MeterRegistry> registry;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "salesforce-sync");
        t.setDaemon(true);
        return t;
    });
    /** Reads the next steps ahead while the runner waits for the current one's run to end. */
    private final ExecutorService reader = Executors.newFixedThreadPool(READ_AHEAD, r -> {
        Thread t = new Thread(r, "salesforce-read-ahead");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, SyncRun> syncs = new LinkedHashMap<>();
    private volatile SalesforceClient client;
    private volatile SyncRun active;

    /** A request: which steps, full or delta, commit or validate. */
    public record Request(Steps.Selection selection, boolean delta, boolean validateOnly, String triggeredBy) {
    }

    /** Thrown for a request that cannot start (unknown step, nothing to run, a sync already running). */
    public static class Refused extends RuntimeException {
        public final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    public synchronized SyncRun start(Request request) {
        if (active != null && !active.finished()) {
            throw new Refused(409, "a Salesforce sync is running (" + active.id + "); wait for it to end");
        }
        List<String> chosen;
        try {
            chosen = Steps.select(request.selection());
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        }
        List<StepResult> steps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String chosenStep : chosen) {
            for (String step : Steps.runs(chosenStep)) {
                if (Steps.LOCAL.contains(step)) {
                    steps.add(new StepResult(step, StepResult.LOCAL));
                    continue;
                }
                Optional<SalesforceKind<?>> kind = Steps.kind(step);
                if (kind.isPresent() && config.objects().containsKey(step)) {
                    steps.add(new StepResult(step, kind.get().id()));
                } else {
                    missing.add(step);
                }
            }
        }
        boolean explicit = request.selection().only() != null && !request.selection().only().isEmpty();
        if (explicit && !missing.isEmpty()) {
            throw new Refused(400, "this build has no Salesforce import for " + String.join(", ", missing)
                    + " (available: " + String.join(", ", available()) + ")");
        }
        if (steps.isEmpty()) {
            throw new Refused(400, "the flags select no step this build can run (available: "
                    + String.join(", ", available()) + ")");
        }
        SyncRun sync = new SyncRun(UUID.randomUUID().toString(), request.triggeredBy(), request.delta(),
                request.validateOnly(), List.copyOf(steps), List.copyOf(missing));
        syncs.put(sync.id, sync);
        active = sync;
        runner.submit(() -> run(sync));
        return sync;
    }

    /** The steps this build can run, in order. */
    public List<String> available() {
        return Steps.ORDER.stream().flatMap(s -> Steps.runs(s).stream())
                .filter(s -> Steps.LOCAL.contains(s) || Steps.kind(s).isPresent() && config.objects().containsKey(s))
                .toList();
    }

    public synchronized Optional<SyncRun> sync(String id) {
        return Optional.ofNullable(syncs.get(id));
    }

    public Optional<SyncRun> last() {
        return Optional.ofNullable(active);
    }

    /** The org's API usage as Salesforce last reported it ("unknown" before the first call). */
    public String apiUsage() {
        SalesforceClient c = client;
        return c == null ? "unknown" : c.limits().text();
    }

    /** The client, made on first use (so an instance without credentials starts, and says so when asked to sync). */
    public SalesforceClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    SalesforceClient c = new SalesforceClient(config, HttpClient.newBuilder()
                            .connectTimeout(config.requestTimeout()).version(HttpClient.Version.HTTP_1_1).build());
                    if (registry.isResolvable()) {
                        Gauge.builder("polaris.salesforce.api.usage", c.limits(), l -> l.used().orElse(-1))
                                .description("API requests the org used in the last 24 hours (Sforce-Limit-Info)")
                                .register(registry.get());
                        Gauge.builder("polaris.salesforce.api.limit", c.limits(), l -> l.max().orElse(-1))
                                .description("The org's 24-hour API request limit (Sforce-Limit-Info)")
                                .register(registry.get());
                    }
                    client = c;
                }
            }
        }
        return client;
    }

    /**
     * Runs the steps in order. While a step's run is applied downstream, the next {@value #READ_AHEAD}
     * steps are already read from Salesforce and sent, each in its own transaction kept uncommitted
     * (invisible to the normalizer) until the step before it has ended: the steps still apply in order,
     * parents before children, and reading no longer waits for the pipeline (nor the pipeline for reading).
     * A read ahead stops at a step that reads nothing (it must see the steps before it applied).
     */
    private void run(SyncRun sync) {
        String stop = null;
        java.util.ArrayDeque<Ahead> ahead = new java.util.ArrayDeque<>();
        try {
            for (int i = 0; i < sync.steps.size(); i++) {
                StepResult step = sync.steps.get(i);
                if (stop != null) {
                    step.status = "NOT_RUN";
                    step.message = stop;
                    continue;
                }
                step.status = "RUNNING";
                if (Steps.LOCAL.contains(step.step)) {
                    stop = runLocal(sync, step);
                    continue;
                }
                Ahead mine = !ahead.isEmpty() && ahead.peekFirst().step == step ? ahead.pollFirst() : null;
                try {
                    ObjectSync.Published published = published(sync, step, mine);
                    readAhead(sync, i, ahead);
                    stop = finish(sync, step, published);
                } catch (SalesforceException e) {
                    stop = failed(sync, step, e);
                }
                if (stop != null) {
                    ahead.forEach(a -> a.gate.refuse());
                    ahead.clear();
                } else if (!ahead.isEmpty()) {
                    ahead.peekFirst().gate.open(); // the step after this one may now become visible
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf("Salesforce sync %s stopped: %s", sync.id, e.getClass().getName());
        } finally {
            ahead.forEach(a -> a.gate.refuse());
            sync.steps.stream().filter(s -> !s.finished()).forEach(s -> {
                s.status = "FAILED";
                s.message = s.message == null ? "the sync stopped before this step ended" : s.message;
            });
            sync.endedAt = Instant.now();
        }
    }

    /** Steps read ahead of the one being applied. */
    static final int READ_AHEAD = 2;

    /** Tops up the steps read ahead of step {@code current}: the next ones that read Salesforce, up to {@link #READ_AHEAD}. */
    private void readAhead(SyncRun sync, int current, java.util.Deque<Ahead> ahead) {
        int next = ahead.isEmpty() ? current + 1 : sync.steps.indexOf(ahead.peekLast().step) + 1;
        while (ahead.size() < READ_AHEAD && next < sync.steps.size() && !Steps.LOCAL.contains(sync.steps.get(next).step)) {
            StepResult step = sync.steps.get(next++);
            StepGate gate = new StepGate();
            ahead.addLast(new Ahead(step, reader.submit(() -> read(sync, step, gate)), gate));
        }
    }

    /** A step being read ahead: its read (which returns once its run is committed), and its gate. */
    private record Ahead(StepResult step, Future<ObjectSync.Published> read, StepGate gate) {
    }

    /**
     * The step's committed run: the one read ahead for it, or, when there was none or it could not
     * wait for its gate (the step before took longer than a transaction may stay open), one read now.
     */
    private ObjectSync.Published published(SyncRun sync, StepResult step, Ahead ahead) {
        if (ahead == null) {
            return read(sync, step, RunPublisher.CommitGate.OPEN);
        }
        try {
            return ahead.read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunPublisher.GateTimedOut) {
                LOG.infof("Salesforce sync %s, step %s: read again (the step before outlasted its transaction)", sync.id,
                        step.step);
                return read(sync, step, RunPublisher.CommitGate.OPEN);
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads the step's records from Salesforce and publishes them as its run, committed once {@code gate} opens. */
    private ObjectSync.Published read(SyncRun sync, StepResult step, RunPublisher.CommitGate gate) {
        SalesforceKind<?> kind = Steps.kind(step.step).orElseThrow();
        return new ObjectSync(config, client(), publisher).run(kind, Steps.objectQueries(config, step.step),
                ledger.get().watermark(kind.id()), !sync.delta, sync.validateOnly ? RunMode.VALIDATE : RunMode.COMMIT,
                sync.triggeredBy, gate);
    }

    /** Waits for the step's run to end and fills in its result; returns why the sync must stop after it, or null. */
    private String finish(SyncRun sync, StepResult step, ObjectSync.Published p) {
        SyncLedger ledger = this.ledger.get();
        step.runId = p.receipt().runId();
        step.window = p.window();
        step.bulk = p.bulk();
        step.chunks = p.chunks();
        SyncLedger.RunEnd end = awaitEnd(ledger, step.runId);
        step.counts = end.counts();
        if (!"COMPLETED".equals(end.status())) {
            step.status = "FAILED";
            step.message = "the run " + end.status().toLowerCase() + (end.message() == null ? "" : ": " + end.message());
            return null;
        }
        SalesforceClient sf = client();
        if (!sync.delta && !sync.validateOnly) {
            int source = 0;
            for (ObjectQuery q : Steps.objectQueries(config, step.step)) {
                source += sf.count(Queries.count(q));
            }
            step.sourceCount = source;
            step.polarisCount = ledger.liveCount(Steps.kind(step.step).orElseThrow().id()).orElse(-1);
        }
        step.apiUsage = sf.limits().text();
        step.status = "COMPLETED";
        return null;
    }

    /** A step Salesforce failed, refused or limited; returns why the sync must stop after it, or null. */
    private static String failed(SyncRun sync, StepResult step, SalesforceException e) {
        step.message = e.getMessage();
        step.status = switch (e.reason()) {
            case REFUSED -> "REFUSED";
            case LIMITED -> "LIMITED";
            case FAILED -> "FAILED";
        };
        LOG.warnf("Salesforce sync %s, step %s: %s", sync.id, step.step, step.status);
        return e.reason() == SalesforceException.Reason.FAILED ? null
                : "not run: the " + step.step + " step was " + step.status.toLowerCase() + " (" + e.getMessage() + ")";
    }

    /** The unaffiliated events step: one statement over what the earlier steps imported (a dry run under --validate-only). */
    private String runLocal(SyncRun sync, StepResult step) {
        try {
            SyncLedger.Affiliation a = ledger.get().affiliateEvents(sync.validateOnly);
            step.affiliation = a;
            step.counts = Map.of(org.polaris.schemas.kinds.RunCounts.PROCESSED, a.unaffiliated(),
                    org.polaris.schemas.kinds.RunCounts.UPDATED, a.changed(),
                    org.polaris.schemas.kinds.RunCounts.SKIPPED, a.unaffiliated() - a.changed());
            step.status = "COMPLETED";
        } catch (RuntimeException e) {
            step.status = "FAILED";
            step.message = e.getMessage();
        }
        return null;
    }

    private SyncLedger.RunEnd awaitEnd(SyncLedger ledger, String runId) {
        Instant deadline = Instant.now().plus(config.stepTimeout());
        while (true) {
            Optional<SyncLedger.RunEnd> end = ledger.ended(runId);
            if (end.isPresent()) {
                return end.get();
            }
            if (Instant.now().isAfter(deadline)) {
                return new SyncLedger.RunEnd("STALLED", Map.of(), "it did not end within "
                        + config.stepTimeout() + " (polaris.salesforce.step-timeout); see bin/polaris run " + runId);
            }
            try {
                Thread.sleep(Duration.ofMillis(50).toMillis()); // the next step waits at its gate for this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
        reader.shutdownNow();
    }
}
