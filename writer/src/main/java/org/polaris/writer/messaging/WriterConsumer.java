package org.polaris.writer.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.polaris.schemas.RecordHeaders;
import org.polaris.schemas.RecordPlace;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.WorkerStatus;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RunEvent;
import org.polaris.schemas.avro.RunStatus;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;
import org.polaris.writer.Batch;
import org.polaris.writer.BatchWriter;
import org.polaris.writer.BatchWriter.Written;
import org.polaris.writer.Stores;
import org.polaris.writer.WriterConfig;

/**
 * Thin glue: one poll of the writer's topics becomes one batch. The batch commits in the
 * database, its outputs are acknowledged by the broker, and only then does this method return,
 * which acknowledges the input offsets. Every record ends:
 * <ul>
 *   <li>a record that cannot be decoded, or is not what its topic carries, becomes an invalid row of
 *       its run (its headers name the run and row), else a dead letter with its topic, partition and
 *       offset;</li>
 *   <li>a batch the database refuses is split, each record tried {@code record-attempts} times, and a
 *       record still refused is recorded as invalid with the reason (its SQL state, never its data)
 *       and dead-lettered; the rest go through;</li>
 *   <li>a run whose completion keeps failing is marked FAILED after {@code record-attempts} tries;</li>
 *   <li>the database or the broker away is waited for, with backoff, for as long as it lasts:
 *       nothing is acknowledged that is not recorded, readiness says why.</li>
 * </ul>
 */
@ApplicationScoped
public class WriterConsumer {

    public static final String CHANNEL = "writer-in";

    private static final Logger LOG = Logger.getLogger(WriterConsumer.class);
    private static final int BATCH_ATTEMPTS_BEFORE_ISOLATING = 2;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    BatchWriter writer;

    @Inject
    Publisher publisher;

    @Inject
    Stores stores;

    @Inject
    WriterConfig config;

    private final WorkerStatus status = new WorkerStatus();
    private final Map<String, Class<?>> topicTypes = new HashMap<>();

    public WriterConsumer() {
        for (Topic<String, ?> t : Topics.writerInputs()) {
            topicTypes.put(t.name(), t.valueType());
        }
    }

    public WorkerStatus status() {
        return status;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, Object> records) {
        List<Object> payloads = new ArrayList<>(records.count());
        List<String> keys = new ArrayList<>(records.count());
        for (ConsumerRecord<String, Object> r : records) {
            payloads.add(checked(r));
            keys.add(r.key());
        }
        // A failure here would stop the channel, and with it the writer: a failure that is nobody's
        // (the broker or the database away) is waited out; a record's own failures end inside process().
        // Anything else is a fault of the writer itself: the poll is tried again (never acknowledged
        // unrecorded), with backoff, and readiness says so.
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                untilItWorks("write a poll of " + payloads.size() + " records", () -> {
                    process(payloads, keys);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                status.waiting("a poll of " + payloads.size() + " records failed: " + Failures.describe(e));
                LOG.errorf("a poll of %d records failed (%s); trying it again in %d s", payloads.size(),
                        Failures.describe(e), backoff.toSeconds());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2));
            }
        }
    }

    /**
     * The record as the batch takes it: itself when it is what its topic carries, else a dead letter
     * for its row (the row is invalid) when its headers say whose it is, else nothing to write (it is
     * dead-lettered with where it was read, and logged).
     */
    Object checked(ConsumerRecord<String, Object> r) {
        Object value = r.value();
        Class<?> expected = topicTypes.get(r.topic());
        boolean fits = value != null && !(value instanceof Undecodable)
                && (expected == null || expected.isInstance(value)
                        || (expected == RunEvent.class && value instanceof RunEvent));
        if (fits) {
            return value;
        }
        RecordPlace where = new RecordPlace(r.topic(), r.partition(), r.offset());
        String what = value instanceof Undecodable u ? "could not be decoded (" + u.size() + " bytes): " + u.reason()
                : value == null ? "is empty" : "is a " + ((SpecificRecord) value).getSchema().getName() + " record, but "
                        + r.topic() + " carries " + (expected == null ? "other" : expected.getSimpleName()) + " records";
        String reason = "the record at " + where + " " + what;
        String runId = RecordHeaders.runOf(r.headers(), r.key());
        int row = RecordHeaders.rowOf(r.headers());
        DeadLetter d = DeadLetter.newBuilder().setRunId(runId == null ? "" : runId).setKind(kindOf(r.topic()))
                .setRowNumber(row > 0 ? row : where.syntheticRow()).setSourceRef("")
                .setStage("writer").setReasons(List.of(reason)).setCells(Map.of())
                .setFailedAt(System.currentTimeMillis()).setSourceTopic(r.topic()).setSourcePartition(r.partition())
                .setSourceOffset(r.offset()).build();
        LOG.warn(reason);
        if (runId == null) {
            // no run can claim it: kept on the dead-letter topic for operators, never written
            untilItWorks("dead-letter a record no run claims", () -> {
                publisher.deadLetter(d);
                return null;
            });
            return null;
        }
        return d;
    }

    private static String kindOf(String topic) {
        return SourceKinds.all().stream().filter(k -> k.writerTopics().stream().anyMatch(t -> t.name().equals(topic)))
                .map(SourceKind::id).findFirst().orElse("UNKNOWN");
    }

    private void process(List<Object> payloads, List<String> keys) {
        Batch batch = Batch.of(payloads, stores);
        batch.undecodable().forEach(u -> LOG.errorf(
                "skipped an undecodable record on %s (%d bytes): %s", u.topic(), u.size(), u.reason()));
        batch.unexpected().forEach(o -> LOG.errorf("skipped a record no run can claim: %s", o.getClass().getSimpleName()));
        if (batch.size() == 0) {
            return;
        }
        Split.Parts split = Split.byKey(batch, payloads, keys, stores, config.concurrency());
        Written written = split.first() == null ? Written.NONE : write(split.first());
        written = written.plus(split.parts().size() == 1 ? write(split.parts().get(0)) : writeAtOnce(split.parts()))
                .latestProgress();
        publisher.publish(written);
        // a second, short transaction, once the batch's reference rows are on the broker
        List<String> complete = written.progress().stream()
                .filter(s -> s.getExpectedRows() != null && s.getProcessed() >= s.getExpectedRows()
                        && (s.getStatus() == RunStatus.RUNNING || s.getStatus() == RunStatus.STALLED))
                .map(RunSummary::getRunId).toList();
        if (!complete.isEmpty()) {
            complete(complete);
        }
    }

    /**
     * Writes the parts of a poll in concurrent transactions and waits for all of them. Each part is
     * recorded whole or not at all, as a poll is: when one fails, the poll is tried again, and the rows
     * the other parts recorded are recognised and not written twice.
     */
    private Written writeAtOnce(List<Batch> parts) {
        List<java.util.concurrent.Future<Written>> futures = new ArrayList<>();
        for (Batch part : parts) {
            futures.add(parallel().submit(() -> write(part)));
        }
        Written all = Written.NONE;
        RuntimeException failed = null;
        for (java.util.concurrent.Future<Written> f : futures) {
            try {
                all = all.plus(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failed = failed != null ? failed : e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        return all;
    }

    private java.util.concurrent.ExecutorService parallel;

    private synchronized java.util.concurrent.ExecutorService parallel() {
        if (parallel == null) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            parallel = java.util.concurrent.Executors.newFixedThreadPool(config.concurrency(), r -> {
                Thread t = new Thread(r, "polaris-writer-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return parallel;
    }

    @jakarta.annotation.PreDestroy
    synchronized void stopParallel() {
        if (parallel != null) {
            parallel.shutdownNow();
        }
    }

    /** Completes runs; a completion that keeps failing on its own marks its runs FAILED, one by one. */
    private void complete(List<String> runIds) {
        RuntimeException last = null;
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; attempt <= config.recordAttempts(); attempt++) {
            try {
                untilItWorks("complete runs", () -> writer.complete(runIds, publisher::completed));
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("completing %d run(s) failed (attempt %d of %d): %s", runIds.size(), attempt,
                        config.recordAttempts(), Failures.describe(e));
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2));
            }
        }
        if (runIds.size() > 1) {
            runIds.forEach(id -> complete(List.of(id)));
            return;
        }
        String reason = "completing the run failed " + config.recordAttempts() + " times (" + Failures.describe(last)
                + "); its rows are recorded, its completion (e.g. a roster replace) was not applied";
        LOG.errorf("run %s: %s", runIds.get(0), reason);
        untilItWorks("mark a run failed", () -> {
            writer.fail(runIds.get(0), reason, publisher::completed);
            return null;
        });
    }

    private Written write(Batch batch) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS_BEFORE_ISOLATING; attempt++) {
            try {
                return committed(writer.write(batch));
            } catch (RuntimeException e) {
                last = e;
                if (Failures.isConflict(e)) {
                    // another writer recorded some of these rows (a rebalance): reload and filter again
                    writer.forget(batch.runIds());
                    continue;
                }
                if (Failures.isTransient(e)) {
                    // the database is away: nothing to isolate, wait for it (never ack what is not recorded)
                    return committed(untilItWorks("write batch", () -> writer.write(batch)));
                }
                LOG.warnf("batch of %d records refused (attempt %d): %s", batch.size(), attempt, Failures.describe(e));
            }
        }
        LOG.warnf("isolating the refused record(s) of a batch of %d: %s", batch.size(), Failures.describe(last));
        Written all = Written.NONE;
        for (Batch single : batch.singles(stores)) {
            all = all.plus(writeSingle(single));
        }
        return all;
    }

    /** One record, tried {@code record-attempts} times; still refused, it is recorded invalid and dead-lettered. */
    private Written writeSingle(Batch single) {
        RuntimeException last = null;
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; attempt <= config.recordAttempts(); attempt++) {
            try {
                return committed(untilItWorks("write record", () -> writer.write(single)));
            } catch (RuntimeException e) {
                last = e;
                writer.forget(single.runIds());
                if (attempt < config.recordAttempts()) {
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2));
                }
            }
        }
        String reason = Failures.describe(last);
        LOG.warnf("a record refused %d times is recorded as invalid: %s", config.recordAttempts(), reason);
        Written refused = committed(untilItWorks("record refused row", () -> writer.writeRefused(single, reason)));
        String kind = single.rows().isEmpty() ? "UNKNOWN" : single.rows().get(0).store().kind();
        single.rowKeys().forEach(k -> untilItWorks("dead-letter a refused row", () -> {
            publisher.deadLetter(DeadLetter.newBuilder()
                    .setRunId(k.runId()).setRowNumber(k.rowNumber()).setKind(kind)
                    .setSourceRef("").setStage("writer").setReasons(List.of("the writer could not store this row: " + reason))
                    .setCells(Map.of()).setFailedAt(System.currentTimeMillis()).build());
            return null;
        }));
        return refused;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Duration min(Duration d) {
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private Written committed(Written written) {
        writer.committed(written);
        return written;
    }

    /** Runs the action until it works or fails for a reason that is not the database's or the broker's absence. */
    private <T> T untilItWorks(String what, Supplier<T> action) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                T result = action.get();
                status.working();
                return result;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                status.waiting(what + ": " + Failures.describe(e));
                LOG.warnf("%s: database or broker unavailable (%s); retrying in %d ms", what, Failures.describe(e),
                        backoff.toMillis());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2));
            }
        }
    }
}
