package org.polaris.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.polaris.schemas.serde.AnyAvroSerializer;

/**
 * Sends a worker's outputs to catalogue topics, batched, and makes them durable on
 * {@link #flush()}: a worker sends everything a poll produced, flushes, and only then
 * acknowledges the poll. One idempotent producer per worker; records of one key stay in order.
 * (Measured: a messaging emitter per record cost more CPU than the rest of the normalizer.)
 */
public final class TopicSender implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final java.util.Queue<Exception> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static final System.Logger LOG = System.getLogger(TopicSender.class.getName());

    private final String clientId;

    public TopicSender(Map<String, Object> kafkaConfig, String clientId) {
        this.clientId = clientId;
        Map<String, Object> props = new HashMap<>(KafkaSettings.forProducer(kafkaConfig));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // a poll's outputs leave in few large requests
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer = new KafkaProducer<>(props, new StringSerializer(), new AnyAvroSerializer());
    }

    public <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, e) -> {
            if (e != null) {
                failures.add(e);
            }
        });
    }

    /** Sends a record whose topic is only known at run time (a source kind's); the caller pairs them right. */
    public void sendAny(Topic<String, ?> topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, e) -> {
            if (e != null) {
                failures.add(e);
            }
        });
    }

    /**
     * Sends a record and hands back its future, for a caller that tells each record's failure apart
     * (one too large for Kafka is that record's fault; the broker away is nobody's): see {@link #await()}.
     */
    public Future<RecordMetadata> sendTracked(Topic<String, ?> topic, String key, SpecificRecord value, Headers headers) {
        return producer.send(new ProducerRecord<>(topic.name(), null, key, value, headers));
    }

    /** Blocks until every record sent is acknowledged or failed; the futures say which. */
    public void await() {
        producer.flush();
    }

    /**
     * Sends the record to every partition of the topic: for small reference tables that every
     * partition's consumer must see in full (the matcher's event-session table).
     */
    public void sendToAllPartitions(Topic<String, ?> topic, String key, SpecificRecord value) {
        int partitions = producer.partitionsFor(topic.name()).size();
        for (int p = 0; p < partitions; p++) {
            producer.send(new ProducerRecord<>(topic.name(), p, key, value), (metadata, e) -> {
                if (e != null) {
                    failures.add(e);
                }
            });
        }
    }

    /**
     * Blocks until everything sent is acknowledged; throws if any of it was not. A record Kafka
     * refuses for itself (too large, not serializable: sending it again cannot help) is logged by its
     * topic and dropped; any other failure (the broker away) throws, with that failure as the cause,
     * so the caller sends the lot again.
     */
    public void flush() {
        producer.flush();
        Exception retriable = null;
        for (Exception e; (e = failures.poll()) != null; ) {
            if (e instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || e instanceof org.apache.kafka.common.errors.SerializationException) {
                LOG.log(System.Logger.Level.ERROR, "Kafka refused an output of " + clientId
                        + " for itself and it is dropped: " + e.getClass().getSimpleName());
            } else if (retriable == null) {
                retriable = e;
            }
        }
        if (retriable != null) {
            throw new SendFailedException(retriable);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not acknowledge an output: the input must not be acknowledged either. */
    public static final class SendFailedException extends RuntimeException {
        SendFailedException(Exception cause) {
            super("output not acknowledged by Kafka: " + cause.getMessage(), cause);
        }
    }
}
