package org.polaris.salesforce.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.SalesforceConfig.ObjectQuery;
import org.polaris.salesforce.client.SalesforceClient;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.salesforce.SalesforceKind;

/**
 * One object sync: reads the step's records from Salesforce (REST {@code queryAll}, or Bulk API 2.0
 * for a large object) and publishes them as one run of the step's kind, the records as rows in the
 * order they came (record n is row n + 1, as under a header). {@code queryAll} also returns deleted
 * records, so a delete reaches Polaris as the record with IsDeleted = true. The run is published in
 * one Kafka transaction: a query that fails half-way publishes nothing.
 */
public final class ObjectSync {

    private static final Logger LOG = Logger.getLogger(ObjectSync.class);

    private final SalesforceConfig config;
    private final SalesforceClient client;
    private final RunPublisher publisher;

    public ObjectSync(SalesforceConfig config, SalesforceClient client, RunPublisher publisher) {
        this.config = config;
        this.client = client;
        this.publisher = publisher;
    }

    /** A run's header: the fields of every object it reads (and {@value Steps#SOBJECT} when they are several). */
    public static List<String> header(SalesforceKind<?> kind, List<ObjectQuery> queries) {
        Set<String> columns = new LinkedHashSet<>();
        if (Steps.readsSeveral(kind.step())) {
            columns.add(Steps.SOBJECT);
        }
        queries.forEach(q -> columns.addAll(Queries.fields(q)));
        return new ArrayList<>(columns);
    }

    private record Read(ObjectQuery query, String soql, boolean bulk) {
    }

    /** What was published, and how it was read. */
    public record Published(RunReceipt receipt, String window, boolean bulk, String soqlObject, int chunks) {
    }

    /**
     * @param queries the objects the run reads, in order (one, except for a step that reads several)
     * @param watermark the kind's watermark; empty, or {@code full}: the whole object
     */
    public Published run(SalesforceKind<?> kind, List<ObjectQuery> queries, Optional<Instant> watermark, boolean full,
            RunMode mode, String triggeredBy) {
        return run(kind, queries, watermark, full, mode, triggeredBy, RunPublisher.CommitGate.OPEN);
    }

    /** As {@link #run(SalesforceKind, List, Optional, boolean, RunMode, String)}, the run committed once {@code gate} opens. */
    public Published run(SalesforceKind<?> kind, List<ObjectQuery> queries, Optional<Instant> watermark, boolean full,
            RunMode mode, String triggeredBy, RunPublisher.CommitGate gate) {
        Optional<Instant> since = full ? Optional.empty() : watermark.map(w -> w.minus(config.deltaOverlap()));
        boolean tagged = Steps.readsSeveral(kind.step());
        List<Read> reads = new ArrayList<>();
        for (ObjectQuery q : queries) {
            reads.add(new Read(q, Queries.select(q, since), q.bulk() || client.count(Queries.count(q)) > config.bulkThreshold()));
        }
        boolean bulk = reads.stream().anyMatch(Read::bulk);
        String window = since.map(s -> "since " + Queries.literal(s)).orElse("full");
        String sourceRef = "Salesforce " + String.join(" + ", reads.stream().map(r -> r.query().sobject()
                + r.query().where().map(w -> " where " + w).orElse("") + (r.bulk() ? " (Bulk API 2.0)" : "")).toList())
                + ", " + window;
        List<String> header = header(kind, queries);
        AtomicInteger read = new AtomicInteger();
        boolean chunked = Steps.CHUNKED.contains(kind.step());
        int chunkSize = Math.max(1, config.studentsChunkSize());
        long started = System.nanoTime();
        RunReceipt receipt = publisher.publish(new RunRequest(kind, sourceRef, window, null, triggeredBy, mode, null),
                header, sink -> {
                    for (Read r : reads) {
                        java.util.function.Consumer<Map<String, String>> each = cells -> {
                            int n = read.incrementAndGet();
                            if (tagged) {
                                cells = new java.util.HashMap<>(cells);
                                cells.put(Steps.SOBJECT, r.query().sobject());
                            }
                            sink.accept(n + 1, cells, List.of());
                            if (chunked && n % chunkSize == 0) {
                                LOG.infof("%s: chunk %,d read (%,d records)", kind.id(), n / chunkSize, n);
                            } else if (n % 50_000 == 0) {
                                LOG.infof("%s: %,d records read", kind.id(), n);
                            }
                        };
                        if (r.bulk()) {
                            client.bulkQuery(r.soql(), true, each);
                        } else {
                            client.query(r.soql(), true, each);
                        }
                    }
                }, gate);
        LOG.infof("%s: run %s published, %,d records (%s, %s) in %d ms", kind.id(), receipt.runId(), read.get(), window,
                bulk ? "Bulk API 2.0" : "REST", Duration.ofNanos(System.nanoTime() - started).toMillis());
        int chunks = chunked ? (read.get() + chunkSize - 1) / chunkSize : 0;
        return new Published(receipt, window, bulk, String.join(", ", reads.stream().map(r -> r.query().sobject()).toList()),
                chunks);
    }
}
