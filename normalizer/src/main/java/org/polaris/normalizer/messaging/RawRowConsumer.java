package org.polaris.normalizer.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.polaris.normalizer.Normalizer;
import org.polaris.normalizer.Normalizer.Output;
import org.polaris.normalizer.NormalizerConfig;
import org.polaris.schemas.RecordHeaders;
import org.polaris.schemas.RecordPlace;
import org.polaris.schemas.TopicSender;
import org.polaris.schemas.Topics;
import org.polaris.schemas.WorkerStatus;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunStarted;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.serde.AnyAvroDeserializer.Undecodable;

/**
 * Thin glue: one poll of the raw topics is normalized, its outputs are sent, and the poll is
 * acknowledged once the broker has them all. Every record ends:
 * <ul>
 *   <li>a row of a run that never started (no start marker on its partition) is dead-lettered,
 *       attributed to no run, never written;</li>
 *   <li>a record that cannot be decoded, or is not a raw record, becomes an invalid row of its run when
 *       its run can be read (header or key), else a dead letter with its topic, partition and offset;</li>
 *   <li>a row whose rules throw is tried {@code record-attempts} times, then dead-lettered with the reason;</li>
 *   <li>an output Kafka refuses for itself (too large) becomes its row's dead letter; a broker that is
 *       away is waited for, with backoff, for as long as it lasts (readiness says so), nothing lost.</li>
 * </ul>
 */
@ApplicationScoped
public class RawRowConsumer {

    public static final String CHANNEL = "raw-in";

    private static final Logger LOG = Logger.getLogger(RawRowConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    @Inject
    Normalizer normalizer;

    @Inject
    @NormalizerOutput
    TopicSender sender;

    @Inject
    NormalizerConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private final WorkerStatus status = new WorkerStatus();
    private StartedRuns startedRuns;

    @PostConstruct
    void init() {
        startedRuns = new StartedRuns(kafka, config.startMarkerLookback());
    }

    public WorkerStatus status() {
        return status;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, Object> records) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, Object> record : records) {
            RecordPlace source = new RecordPlace(record.topic(), record.partition(), record.offset());
            for (Output out : handle(record, source)) {
                pending.add(new Pending(out, source, rowOf(record)));
            }
        }
        send(pending);
    }

    /** What one raw record becomes. */
    List<Output> handle(ConsumerRecord<String, Object> record, RecordPlace source) {
        Object value = record.value();
        if (!(value instanceof RawRecord raw)) {
            return List.of(notARawRecord(record, source, value));
        }
        Object payload = raw.getPayload();
        if (payload instanceof RunStarted started) {
            startedRuns.started(started.getRunId());
        } else {
            String runId = payload instanceof RawRow row ? row.getRunId() : ((RunEnded) payload).getRunId();
            if (!startedRuns.started(runId, record)) {
                return List.of(unattributed(source, kindOf(record.topic()), "a " + (payload instanceof RawRow
                        ? "row" : "end marker") + " of a run that never started: no start marker of it on "
                        + source + " or before; it is not written (a stray or forged record)"));
            }
        }
        return normalize(raw, source, record.timestamp());
    }

    /** The normalizer's rules on one record, tried {@code record-attempts} times when they throw. */
    private List<Output> normalize(RawRecord raw, RecordPlace source, long timestamp) {
        Duration backoff = config.retryBackoff();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= Math.max(1, config.recordAttempts()); attempt++) {
            try {
                return normalizer.apply(raw, timestamp);
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("the normalizer failed on the record at %s (attempt %d of %d): %s", source, attempt,
                        config.recordAttempts(), e.getClass().getName());
                if (attempt < config.recordAttempts()) {
                    sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                }
            }
        }
        String reason = "the normalizer failed on this row " + config.recordAttempts() + " times ("
                + last.getClass().getSimpleName() + "); it is set aside as invalid";
        if (raw.getPayload() instanceof RawRow row) {
            return List.of(new Output(Topics.DEAD_LETTER, row.getRunId(), deadLetter(row.getRunId(), row.getKind(),
                    row.getRowNumber(), row.getSourceRef(), reason, row.getCells(), source)));
        }
        return List.of(unattributed(source, null, reason));
    }

    /** Bytes that are not a raw record: an invalid row of its run when the run can be read, else a bare dead letter. */
    private Output notARawRecord(ConsumerRecord<String, Object> record, RecordPlace source, Object value) {
        String what = value instanceof Undecodable u ? "could not be decoded (" + u.size() + " bytes): " + u.reason()
                : value == null ? "is empty (a tombstone on a raw topic)"
                : "is a " + ((SpecificRecord) value).getSchema().getName() + " record, not a raw row";
        String reason = "the record at " + source + " " + what;
        String runId = RecordHeaders.runOf(record.headers(), record.key());
        SourceKind<?> kind = kindOf(record.topic());
        if (runId == null || !startedRuns.started(runId, record)) {
            return unattributed(source, kind, reason);
        }
        int row = RecordHeaders.rowOf(record.headers());
        return new Output(Topics.DEAD_LETTER, runId, deadLetter(runId, kind == null ? "UNKNOWN" : kind.id(),
                row > 0 ? row : source.syntheticRow(), "", reason, Map.of(), source));
    }

    /** A dead letter no run can claim: kept on the dead-letter topic for operators, with where it came from. */
    private static Output unattributed(RecordPlace source, SourceKind<?> kind, String reason) {
        LOG.warn(reason);
        return new Output(Topics.DEAD_LETTER, "unknown", deadLetter("", kind == null ? "UNKNOWN" : kind.id(), 0, "",
                reason, Map.of(), source));
    }

    static DeadLetter deadLetter(String runId, String kind, int row, String sourceRef, String reason,
            Map<String, String> cells, RecordPlace source) {
        return DeadLetter.newBuilder().setRunId(runId).setKind(kind).setRowNumber(row).setSourceRef(sourceRef)
                .setStage("normalizer").setReasons(List.of(reason)).setCells(cells)
                .setFailedAt(System.currentTimeMillis()).setSourceTopic(source.topic())
                .setSourcePartition(source.partition()).setSourceOffset(source.offset()).build();
    }

    /**
     * Sends a poll's outputs until the broker has them all. An output Kafka refuses for itself (too
     * large, not serializable) is replaced by its row's dead letter (without the cells, if it was one);
     * the rest that failed are sent again with backoff, for as long as the broker stays away.
     */
    private void send(List<Pending> pending) {
        Duration backoff = Duration.ofSeconds(1);
        List<Pending> todo = pending;
        while (!todo.isEmpty()) {
            List<Future<RecordMetadata>> futures = new ArrayList<>(todo.size());
            for (Pending p : todo) {
                futures.add(sender.sendTracked(p.out().topic(), p.out().key(), p.out().value(),
                        RecordHeaders.of(p.row().runId(), p.row().rowNumber())));
            }
            sender.await();
            List<Pending> again = new ArrayList<>();
            String transientCause = null;
            for (int i = 0; i < todo.size(); i++) {
                Throwable failure = failureOf(futures.get(i));
                if (failure == null) {
                    continue;
                }
                Pending p = todo.get(i);
                if (failure instanceof RecordTooLargeException || failure instanceof SerializationException) {
                    again.add(p.refused(failure));
                } else {
                    again.add(p);
                    transientCause = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                }
            }
            if (transientCause != null) {
                status.waiting("Kafka did not take " + again.size() + " outputs (" + transientCause + ")");
                LOG.errorf("Kafka did not take %d outputs (%s); sending them again in %d s", again.size(),
                        transientCause, backoff.toSeconds());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            }
            todo = again;
        }
        status.working();
    }

    private static Throwable failureOf(Future<RecordMetadata> f) {
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static SourceKind<?> kindOf(String topic) {
        return SourceKinds.all().stream().filter(k -> k.rawTopic().name().equals(topic)).findFirst().orElse(null);
    }

    private static RowRef rowOf(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof RawRecord raw) {
            if (raw.getPayload() instanceof RawRow row) {
                return new RowRef(row.getRunId(), row.getRowNumber());
            }
            if (raw.getPayload() instanceof RunStarted s) {
                return new RowRef(s.getRunId(), 0);
            }
            if (raw.getPayload() instanceof RunEnded e) {
                return new RowRef(e.getRunId(), 0);
            }
        }
        return new RowRef(RecordHeaders.runOf(record.headers(), record.key()), RecordHeaders.rowOf(record.headers()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The run and row an output is of (its headers). */
    record RowRef(String runId, int rowNumber) {
    }

    /** An output to send, and where it came from. */
    private record Pending(Output out, RecordPlace source, RowRef row) {

        /** The dead letter that replaces an output Kafka refused for itself. */
        Pending refused(Throwable failure) {
            String reason = "Kafka refused " + (out.value() instanceof DeadLetter ? "this row's dead letter" : "this row")
                    + " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
            LOG.warnf("%s: the record from %s", reason, source);
            DeadLetter d = out.value() instanceof DeadLetter old ? DeadLetter.newBuilder(old).setCells(Map.of())
                    .setReasons(append(old.getReasons(), reason)).build()
                    : deadLetter(row.runId() == null ? "" : row.runId(), kindOf(source.topic()) == null ? "UNKNOWN"
                            : kindOf(source.topic()).id(), row.rowNumber(), "", reason, Map.of(), source);
            return new Pending(new Output(Topics.DEAD_LETTER, out.key(), d), source, row);
        }

        private static List<String> append(List<String> reasons, String reason) {
            List<String> all = new ArrayList<>(reasons);
            all.add(reason);
            return all;
        }
    }
}
