package org.polaris.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public TopicSender(Map<String, Object> kafkaConfig, String clientId) {
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
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Sends a record whose topic is only known at run time (a source kind's); the caller pairs them right. */
    public void sendAny(Topic<String, ?> topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
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
                    failure.compareAndSet(null, e);
                }
            });
        }
    }

    /** Blocks until everything sent is acknowledged; throws if any of it was not. */
    public void flush() {
        producer.flush();
        Exception e = failure.getAndSet(null);
        if (e != null) {
            throw new SendFailedException(e);
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
