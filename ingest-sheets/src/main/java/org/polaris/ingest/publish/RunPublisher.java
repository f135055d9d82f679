package org.polaris.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.polaris.ingest.IngestConfig;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.RecordHeaders;
import org.polaris.schemas.RowRanges;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.serde.AvroCodec;

/**
 * Publishes a run to its raw topic: start marker, rows, end marker with N, all keyed by the run
 * id (one partition, in order) and in one Kafka transaction, so the normalizer (read_committed)
 * sees a run whole or not at all. A plain producer rather than a messaging channel, because the
 * end marker must carry the offsets the broker gave the rows, for replays, and the rows it carries.
 *
 * <p>Runs are published concurrently, each on its own transactional producer from a small pool
 * ({@code polaris.ingest.concurrent-runs}): one large upload does not hold up another import. A
 * row too large for Kafka is not sent: its row goes with no cells and the reason, and ends as that
 * row's invalid outcome, so one oversized cell never fails the whole file.
 */
@ApplicationScoped
public class RunPublisher {

    @Inject
    IngestConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** Idle producers; a run takes one and gives it back, a broken one is replaced by a fresh one. */
    private BlockingQueue<Slot> idle;
    /** Raw partitions with a transaction of this instance open, by topic. */
    private final Map<String, java.util.Set<Integer>> busy = new HashMap<>();
    /** Raw partitions of this instance's open rolling runs (a stream's), by topic: a run read ahead avoids them. */
    private final Map<String, java.util.List<Integer>> rolling = new HashMap<>();

    @PostConstruct
    void init() {
        idle = new ArrayBlockingQueue<>(config.concurrentRuns());
        for (int i = 0; i < config.concurrentRuns(); i++) {
            idle.add(new Slot(config.transactionalId() + "-" + i));
        }
    }

    /** Sends one run; waits (at most the transaction timeout) for a free producer when all are busy. */
    public RunReceipt publish(RunRequest request, List<String> header, RowSource rows) {
        return publish(request, header, rows, CommitGate.OPEN);
    }

    /**
     * Sends one run, and commits it only when {@code gate} says so: the rows and the end marker are on
     * the broker, invisible to read_committed consumers, while the gate is waited for. A runner uses it
     * to read the next step of a sync while the step before it is still being applied, and to make it
     * visible only once that step has ended. The gate is waited for at most until
     * {@value #GATE_SHARE_PERCENT} % of the transaction timeout has passed since the run began; then the
     * run is aborted ({@link GateTimedOut}). A refusing gate aborts the run ({@link NotCommitted}).
     * Either way nothing of the run is visible.
     */
    public RunReceipt publish(RunRequest request, List<String> header, RowSource rows, CommitGate gate) {
        return publishRows(request, header, sink -> rows.forEach((n, cells, warnings) -> sink.emit(n, cells, warnings, null)),
                gate);
    }

    /**
     * Publishes rows read back from a raw topic as a new run (a replay): each row as it arrived, with
     * its row number, ingest's warnings and, for a row ingest could not carry, its problem.
     */
    public RunReceipt republish(RunRequest request, List<String> header, RawRows rows) {
        return publishRows(request, header, sink -> rows.forEach(r -> sink.emit(r.getRowNumber(), r.getCells(),
                r.getIngestWarnings(), r.getIngestProblem())), CommitGate.OPEN);
    }

    private RunReceipt publishRows(RunRequest request, List<String> header, Rows rows, CommitGate gate) {
        Slot slot;
        try {
            slot = idle.poll(config.transactionTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(e);
        }
        if (slot == null) {
            throw new PublishFailedException(new IllegalStateException("every producer stayed busy with other runs"));
        }
        try {
            return publish(slot, request, header, rows, gate);
        } finally {
            idle.add(slot);
        }
    }

    private RunReceipt publish(Slot slot, RunRequest request, List<String> header, Rows rows, CommitGate gate) {
        Topic<String, RawRecord> topic = request.kind().rawTopic();
        String runId = UUID.randomUUID().toString();
        KafkaProducer<String, RawRecord> p;
        int partition;
        try {
            p = slot.producer();
            partition = claimPartition(p, topic, runId);
        } catch (RuntimeException e) {
            slot.reset();
            throw new PublishFailedException(e);
        }
        try {
            return publish(p, slot, topic, partition, runId, request, header, rows, gate);
        } finally {
            releasePartition(topic, partition);
        }
    }

    /**
     * The partition a run goes to: its id's, unless another run of this instance has a transaction
     * open there. A read_committed consumer reads a partition only up to its oldest open transaction,
     * so a run behind a long upload on the same partition would wait for it; on another partition it
     * does not. A partition an open rolling run (a stream's) appends to is avoided too, when another is
     * free: a run published ahead of its turn (a sync's next step) keeps its transaction open for as
     * long as the step before it takes, and the stream's changes behind it would wait as long. (Two
     * instances can still meet on one partition: then the later run waits.)
     */
    private synchronized int claimPartition(KafkaProducer<String, RawRecord> p, Topic<String, RawRecord> topic,
            String runId) {
        int partitions = p.partitionsFor(topic.name()).size();
        int home = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                runId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        java.util.Set<Integer> taken = busy.computeIfAbsent(topic.name(), t -> new java.util.HashSet<>());
        int chosen = choose(home, partitions, taken, rolling.getOrDefault(topic.name(), java.util.List.of()));
        taken.add(chosen);
        return chosen;
    }

    /**
     * Of the partitions from {@code home} on: the first with neither a transaction ({@code taken}) nor a
     * rolling run ({@code streams}) of this instance, else the first without a transaction, else home.
     */
    static int choose(int home, int partitions, java.util.Collection<Integer> taken, java.util.Collection<Integer> streams) {
        for (int i = 0; i < partitions; i++) {
            int candidate = (home + i) % partitions;
            if (!taken.contains(candidate) && !streams.contains(candidate)) {
                return candidate;
            }
        }
        for (int i = 0; i < partitions; i++) {
            int candidate = (home + i) % partitions;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        return home;
    }

    /** A rolling run's partition: its id's, or the next one without a transaction of this instance open. */
    private synchronized int rollingOpened(String topic, String runId, int partitions) {
        int home = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                runId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        int chosen = choose(home, partitions, busy.getOrDefault(topic, java.util.Set.of()), java.util.List.of());
        rolling.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).add(chosen);
        return chosen;
    }

    private synchronized void rollingClosed(String topic, int partition) {
        java.util.List<Integer> open = rolling.get(topic);
        if (open != null) {
            open.remove(Integer.valueOf(partition));
        }
    }

    private synchronized void releasePartition(Topic<String, RawRecord> topic, int partition) {
        busy.getOrDefault(topic.name(), new java.util.HashSet<>()).remove(partition);
    }

    private RunReceipt publish(KafkaProducer<String, RawRecord> p, Slot slot, Topic<String, RawRecord> topic,
            int partition, String runId, RunRequest request, List<String> header, Rows rows, CommitGate gate) {
        long began = System.nanoTime();
        try {
            p.beginTransaction();
        } catch (RuntimeException e) {
            slot.reset();
            throw new PublishFailedException(e);
        }
        try {
            send(p, topic, partition, runId, 0, RunStarted.newBuilder().setRunId(runId).setKind(request.kind().id())
                    .setSourceRef(request.sourceRef()).setWindow(request.window()).setDistrict(request.district())
                    .setTriggeredBy(request.triggeredBy())
                    .setMode(request.mode()).setHeader(header).setReplayOf(request.replayOf())
                    .setStartedAt(System.currentTimeMillis()).build());
            AtomicInteger count = new AtomicInteger();
            AtomicReference<Future<RecordMetadata>> first = new AtomicReference<>();
            AtomicReference<Future<RecordMetadata>> last = new AtomicReference<>();
            RowRanges.Builder ranges = new RowRanges.Builder();
            rows.forEach((rowNumber, cells, warnings, problem) -> {
                RawRow row = RawRow.newBuilder().setRunId(runId)
                        .setKind(request.kind().id()).setRowNumber(rowNumber).setSourceRef(request.sourceRef())
                        .setWindow(request.window()).setDistrict(request.district()).setMode(request.mode())
                        .setCells(cells).setIngestWarnings(warnings).setIngestProblem(problem).build();
                Future<RecordMetadata> sent = send(p, topic, partition, runId, rowNumber,
                        problem == null ? fitted(row) : row);
                first.compareAndSet(null, sent);
                last.set(sent);
                count.incrementAndGet();
                ranges.add(rowNumber);
            });
            p.flush();
            RecordMetadata firstMeta = first.get() == null ? null : first.get().get();
            RecordMetadata lastMeta = last.get() == null ? null : last.get().get();
            RecordMetadata end = send(p, topic, partition, runId, 0, RunEnded.newBuilder().setRunId(runId).setKind(request.kind().id())
                    .setRowCount(count.get()).setRawTopic(topic.name())
                    .setRawPartition(partition)
                    .setFirstOffset(firstMeta == null ? null : firstMeta.offset())
                    .setLastOffset(lastMeta == null ? null : lastMeta.offset())
                    .setRowRanges(ranges.build())
                    .setEndedAt(System.currentTimeMillis()).build()).get();
            long left = config.transactionTimeoutMs() * GATE_SHARE_PERCENT / 100
                    - Duration.ofNanos(System.nanoTime() - began).toMillis();
            Optional<Boolean> commit = gate.await(Duration.ofMillis(Math.max(0, left)));
            if (commit.isEmpty()) {
                abort(slot, p);
                throw new GateTimedOut(runId);
            }
            if (!commit.get()) {
                abort(slot, p);
                throw new NotCommitted(runId);
            }
            p.commitTransaction();
            return new RunReceipt(runId, request.kind().id(), count.get(), topic.name(), end.partition(),
                    firstMeta == null ? null : firstMeta.offset(), lastMeta == null ? null : lastMeta.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(slot, p);
            throw new PublishFailedException(e);
        } catch (ExecutionException | RuntimeException e) {
            if (!(e instanceof GateTimedOut || e instanceof NotCommitted)) {
                abort(slot, p);
            }
            if (e instanceof RuntimeException re && !(e instanceof KafkaException)) {
                throw re;
            }
            throw new PublishFailedException(e);
        }
    }

    /**
     * Opens a run whose rows arrive over time (a stream's rolling run): its start marker is committed
     * now, each {@link OpenRun#append} is a transaction of its own (visible to the normalizer once it
     * returns), and {@link OpenRun#close} commits the end marker with every row's count and offsets.
     * The run has a transactional producer of its own ({@code <transactional-id>-open-<name>}), so its
     * appends never wait for a file's upload; {@code name} must be stable for the run's source (a new
     * producer with the same id fences an older one after a restart).
     */
    public OpenRun open(RunRequest request, List<String> header, String name) {
        return new OpenRun(request, header, config.transactionalId() + "-open-" + name);
    }

    /**
     * As {@link #open}, with a transactional id of the caller's, not this instance's: for a source one
     * instance of a cluster writes at a time (a stream, under a lease), so the next writer fences the
     * last one whichever instance it ran on.
     */
    public OpenRun openAs(RunRequest request, List<String> header, String transactionalId) {
        return new OpenRun(request, header, transactionalId);
    }

    /** A run open for appends; not thread-safe: one writer at a time. */
    public final class OpenRun implements AutoCloseable {
        private final RunRequest request;
        private final Topic<String, RawRecord> topic;
        private final String runId = UUID.randomUUID().toString();
        private final Slot slot;
        private final int partition;
        private final RowRanges.Builder ranges = new RowRanges.Builder();
        private int rows;
        private Long firstOffset;
        private Long lastOffset;
        private boolean closed;

        private OpenRun(RunRequest request, List<String> header, String transactionalId) {
            this.request = request;
            this.topic = request.kind().rawTopic();
            this.slot = new Slot(transactionalId);
            KafkaProducer<String, RawRecord> p = slot.producer();
            this.partition = rollingOpened(topic.name(), runId, p.partitionsFor(topic.name()).size());
            transaction(() -> send(p, topic, partition, runId, 0, RunStarted.newBuilder().setRunId(runId)
                    .setKind(request.kind().id()).setSourceRef(request.sourceRef()).setWindow(request.window())
                    .setDistrict(request.district()).setTriggeredBy(request.triggeredBy()).setMode(request.mode())
                    .setHeader(header).setReplayOf(request.replayOf()).setStartedAt(System.currentTimeMillis()).build()));
        }

        public String runId() {
            return runId;
        }

        /** Rows so far. */
        public int rows() {
            return rows;
        }

        /** The next row's number (rows are numbered on from 2, as under a header). */
        public int nextRowNumber() {
            return rows + 2;
        }

        /** Sends these rows in one transaction; returns once Kafka has committed them (or throws, nothing kept). */
        public void append(RowSource source) {
            KafkaProducer<String, RawRecord> p = slot.producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            transaction(() -> {
                source.forEach((rowNumber, cells, warnings) -> {
                    RawRow row = RawRow.newBuilder().setRunId(runId).setKind(request.kind().id()).setRowNumber(rowNumber)
                            .setSourceRef(request.sourceRef()).setWindow(request.window()).setDistrict(request.district())
                            .setMode(request.mode()).setCells(cells).setIngestWarnings(warnings).build();
                    sent.add(send(p, topic, partition, runId, rowNumber, fitted(row)));
                    numbers.add(rowNumber);
                });
                p.flush();
                return sent.isEmpty() ? null : sent.get(sent.size() - 1);
            });
            try {
                for (Future<RecordMetadata> f : sent) {
                    long offset = f.get().offset();
                    if (firstOffset == null) {
                        firstOffset = offset;
                    }
                    lastOffset = offset;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException(e);
            } catch (ExecutionException e) {
                throw new PublishFailedException(e);
            }
            numbers.forEach(ranges::add);
            rows += numbers.size();
        }

        /** Commits the end marker: the run can complete once its rows' outcomes are in. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                KafkaProducer<String, RawRecord> p = slot.producer();
                transaction(() -> send(p, topic, partition, runId, 0, RunEnded.newBuilder().setRunId(runId)
                        .setKind(request.kind().id()).setRowCount(rows).setRawTopic(topic.name()).setRawPartition(partition)
                        .setFirstOffset(firstOffset).setLastOffset(lastOffset).setRowRanges(ranges.build())
                        .setEndedAt(System.currentTimeMillis()).build()));
            } finally {
                rollingClosed(topic.name(), partition);
                slot.reset();
            }
        }

        private void transaction(java.util.function.Supplier<Future<RecordMetadata>> body) {
            KafkaProducer<String, RawRecord> p = slot.producer();
            try {
                p.beginTransaction();
                Future<RecordMetadata> last = body.get();
                if (last != null) {
                    last.get();
                }
                p.commitTransaction();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(slot, p);
                throw new PublishFailedException(e);
            } catch (ExecutionException | RuntimeException e) {
                abort(slot, p);
                throw e instanceof PublishFailedException pf ? pf : new PublishFailedException(e);
            }
        }
    }

    /**
     * The row as it can travel: itself, or, when its encoding is larger than a row may be, the row
     * with empty cells and the reason (the cells' sizes are summed first, so only a row that
     * may be too large is encoded twice).
     */
    RawRow fitted(RawRow row) {
        long chars = 0;
        for (Map.Entry<String, String> c : row.getCells().entrySet()) {
            chars += c.getKey().length() + c.getValue().length();
        }
        // at most 3 bytes a UTF-16 char in UTF-8, plus the record's other fields
        if (chars * 3 + 4096 <= config.maxRowBytes()) {
            return row;
        }
        int size = AvroCodec.get().encode(RawRecord.newBuilder().setPayload(row).build()).length;
        if (size <= config.maxRowBytes()) {
            return row;
        }
        // the cells' values are left out, their columns kept (the normalizer checks every row's header)
        Map<String, String> columnsOnly = new java.util.LinkedHashMap<>();
        row.getCells().keySet().forEach(k -> columnsOnly.put(k, ""));
        // a new builder, not a copy of the row's: Avro's copy goes through a model that may be another class loader's
        return RawRow.newBuilder().setRunId(row.getRunId()).setKind(row.getKind()).setRowNumber(row.getRowNumber())
                .setSourceRef(row.getSourceRef()).setWindow(row.getWindow()).setDistrict(row.getDistrict())
                .setMode(row.getMode()).setIngestWarnings(row.getIngestWarnings())
                .setCells(columnsOnly).setIngestProblem(String.format(
                "the row is %,d bytes, more than the %,d bytes a row may be (polaris.ingest.max-row-bytes): "
                        + "split or shorten its largest cells", size, config.maxRowBytes())).build();
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, RawRecord> p, Topic<String, RawRecord> topic,
            int partition, String runId, int rowNumber, Object payload) {
        Headers headers = RecordHeaders.of(runId, rowNumber);
        return p.send(new ProducerRecord<>(topic.name(), partition, runId,
                RawRecord.newBuilder().setPayload(payload).build(), headers));
    }

    private static void abort(Slot slot, KafkaProducer<String, RawRecord> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            // the producer is unusable (fenced or broken): start a fresh one next time
            slot.reset();
        }
    }

    void close(@Observes ShutdownEvent event) {
        idle.forEach(Slot::reset);
    }

    /** One transactional producer, made on first use; its transactional id is stable across restarts. */
    private final class Slot {
        private final String transactionalId;
        private KafkaProducer<String, RawRecord> producer;

        Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        KafkaProducer<String, RawRecord> producer() {
            if (producer == null) {
                Map<String, Object> props = new HashMap<>(KafkaSettings.forProducer(kafkaConfig));
                props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
                props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, config.transactionTimeoutMs());
                props.put(ProducerConfig.ACKS_CONFIG, "all");
                // big files: fill 512 KB batches, waiting at most 10 ms for one to fill
                props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
                props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
                KafkaProducer<String, RawRecord> p = new KafkaProducer<>(props,
                        Topics.RAW_PATHFUL.keySerde().serializer(), Topics.RAW_PATHFUL.valueSerde().serializer());
                p.initTransactions();
                producer = p;
            }
            return producer;
        }

        void reset() {
            if (producer != null) {
                try {
                    producer.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    // closing a broken producer: nothing more to do
                }
                producer = null;
            }
        }
    }

    /** Of the transaction timeout, the share a run may spend waiting for its gate (the rest is for its rows and commit). */
    static final int GATE_SHARE_PERCENT = 80;

    /** Says whether a run whose rows are sent may commit. */
    @FunctionalInterface
    public interface CommitGate {
        /** Commits at once. */
        CommitGate OPEN = timeout -> Optional.of(true);

        /** Waits at most {@code timeout}: true commits, false aborts, empty (undecided in time) aborts too. */
        Optional<Boolean> await(Duration timeout) throws InterruptedException;
    }

    /** Rows of a run, in source order. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(RowSink sink);
    }

    /** Rows read back from a raw topic, in their order there. */
    @FunctionalInterface
    public interface RawRows {
        void forEach(java.util.function.Consumer<RawRow> row);
    }

    /** The rows of a run as the publishing loop takes them, from a source or from a raw topic. */
    @FunctionalInterface
    private interface Rows {
        void forEach(RowEmitter sink);
    }

    @FunctionalInterface
    private interface RowEmitter {
        void emit(int rowNumber, Map<String, String> cells, List<String> warnings, String problem);
    }

    /** Receives one row, with what ingest noticed about it. */
    @FunctionalInterface
    public interface RowSink {
        void accept(int rowNumber, Map<String, String> cells, List<String> warnings);
    }

    /** The gate refused the run: it was aborted, nothing of it is visible. */
    public static final class NotCommitted extends RuntimeException {
        NotCommitted(String runId) {
            super("the run " + runId + " was not committed (its gate refused it); nothing of it was kept");
        }
    }

    /** The gate did not decide before the transaction would have timed out: the run was aborted, nothing is visible. */
    public static final class GateTimedOut extends RuntimeException {
        GateTimedOut(String runId) {
            super("the run " + runId + " waited for its gate longer than its transaction may stay open; it was aborted");
        }
    }

    /** The broker did not take the run; nothing of it is visible to consumers. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("the run could not be published to Kafka (nothing of it was kept): " + cause.getMessage(), cause);
        }
    }
}
