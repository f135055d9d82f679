package org.polaris.ingest.publish;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.polaris.ingest.IngestConfig;
import org.polaris.schemas.KafkaSettings;
import org.polaris.schemas.Topic;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunEnded;
import org.polaris.schemas.avro.RunStarted;

/**
 * Publishes a run to its raw topic: start marker, rows, end marker with N, all keyed by the run
 * id (one partition, in order) and in one Kafka transaction, so the normalizer (read_committed)
 * sees a run whole or not at all. A plain producer rather than a messaging channel, because the
 * end marker must carry the offsets the broker gave the rows, for replays.
 */
@ApplicationScoped
public class RunPublisher {

    @Inject
    IngestConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, RawRecord> producer;

    /** Sends one run. Runs are published one at a time per instance (one transactional producer). */
    public synchronized RunReceipt publish(RunRequest request, List<String> header, RowSource rows) {
        Topic<String, RawRecord> topic = request.kind().rawTopic();
        String runId = UUID.randomUUID().toString();
        KafkaProducer<String, RawRecord> p;
        try {
            p = producer();
            p.beginTransaction();
        } catch (RuntimeException e) {
            reset();
            throw new PublishFailedException(e);
        }
        try {
            send(p, topic, runId, RunStarted.newBuilder().setRunId(runId).setKind(request.kind().id())
                    .setSourceRef(request.sourceRef()).setWindow(request.window()).setDistrict(request.district())
                    .setTriggeredBy(request.triggeredBy())
                    .setMode(request.mode()).setHeader(header).setReplayOf(request.replayOf())
                    .setStartedAt(System.currentTimeMillis()).build());
            AtomicInteger count = new AtomicInteger();
            AtomicReference<Future<RecordMetadata>> first = new AtomicReference<>();
            AtomicReference<Future<RecordMetadata>> last = new AtomicReference<>();
            rows.forEach((rowNumber, cells) -> {
                Future<RecordMetadata> sent = send(p, topic, runId, RawRow.newBuilder().setRunId(runId)
                        .setKind(request.kind().id()).setRowNumber(rowNumber).setSourceRef(request.sourceRef())
                        .setWindow(request.window()).setDistrict(request.district()).setMode(request.mode())
                        .setCells(cells).build());
                first.compareAndSet(null, sent);
                last.set(sent);
                count.incrementAndGet();
            });
            p.flush();
            RecordMetadata firstMeta = first.get() == null ? null : first.get().get();
            RecordMetadata lastMeta = last.get() == null ? null : last.get().get();
            RecordMetadata end = send(p, topic, runId, RunEnded.newBuilder().setRunId(runId).setKind(request.kind().id())
                    .setRowCount(count.get()).setRawTopic(topic.name())
                    .setRawPartition(firstMeta == null ? partitionOf(p, topic, runId) : firstMeta.partition())
                    .setFirstOffset(firstMeta == null ? null : firstMeta.offset())
                    .setLastOffset(lastMeta == null ? null : lastMeta.offset())
                    .setEndedAt(System.currentTimeMillis()).build()).get();
            p.commitTransaction();
            return new RunReceipt(runId, request.kind().id(), count.get(), topic.name(), end.partition(),
                    firstMeta == null ? null : firstMeta.offset(), lastMeta == null ? null : lastMeta.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(p);
            throw new PublishFailedException(e);
        } catch (ExecutionException | RuntimeException e) {
            abort(p);
            if (e instanceof RuntimeException re && !(e instanceof org.apache.kafka.common.KafkaException)) {
                throw re;
            }
            throw new PublishFailedException(e);
        }
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, RawRecord> p, Topic<String, RawRecord> topic,
            String runId, Object payload) {
        return p.send(new ProducerRecord<>(topic.name(), runId, RawRecord.newBuilder().setPayload(payload).build()));
    }

    private static int partitionOf(KafkaProducer<String, RawRecord> p, Topic<String, RawRecord> topic, String runId) {
        int partitions = p.partitionsFor(topic.name()).size();
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(runId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
    }

    private void abort(KafkaProducer<String, RawRecord> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            // the producer is unusable (fenced or broken): start a fresh one next time
            reset();
        }
    }

    private void reset() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                // closing a broken producer: nothing more to do
            }
            producer = null;
        }
    }

    private KafkaProducer<String, RawRecord> producer() {
        if (producer == null) {
            Map<String, Object> props = new java.util.HashMap<>(KafkaSettings.forProducer(kafkaConfig));
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
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

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close();
        }
    }

    /** Rows of a run, in source order. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(RowSink sink);
    }

    /** Receives one row. */
    @FunctionalInterface
    public interface RowSink {
        void accept(int rowNumber, Map<String, String> cells);
    }

    /** The broker did not take the run; nothing of it is visible to consumers. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(Throwable cause) {
            super("the run could not be published to Kafka (nothing of it was kept): " + cause.getMessage(), cause);
        }
    }
}
