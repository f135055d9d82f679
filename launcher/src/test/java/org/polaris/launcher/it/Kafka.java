package org.polaris.launcher.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.DeadLetter;
import org.polaris.schemas.serde.AvroCodec;

import static org.awaitility.Awaitility.await;

/** Test helpers on the test broker: put any bytes on a topic, read the dead-letter topic. */
final class Kafka {

    private Kafka() {
    }

    /** Sends raw bytes (a record, garbage) with a key and headers, and waits for the broker to take them. */
    static void send(String topic, String key, byte[] value, Headers headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(String topic, String key, SpecificRecord value, Headers headers) {
        send(topic, key, AvroCodec.get().encode(value), headers);
    }

    /** The dead letters matching, once at least one is on the topic (deadline 60 s). */
    static List<DeadLetter> deadLetters(Predicate<DeadLetter> matching) {
        return read(Topics.DEAD_LETTER.name(), DeadLetter.class, matching, seen -> !seen.isEmpty());
    }

    /** A run's summaries on polaris.runs.summaries, in order, once its final one is there (deadline 60 s). */
    static List<org.polaris.schemas.avro.RunSummary> summaries(String runId) {
        return read(Topics.RUN_SUMMARIES.name(), org.polaris.schemas.avro.RunSummary.class,
                s -> runId.equals(s.getRunId()), seen -> seen.stream().anyMatch(s -> s.getFinalSummary()));
    }

    private static <T> List<T> read(String topic, Class<T> type, Predicate<T> matching, Predicate<List<T>> enough) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestBroker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dead-letters-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<T> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    Object value = AvroCodec.get().decode(r.value());
                    if (type.isInstance(value) && matching.test(type.cast(value))) {
                        seen.add(type.cast(value));
                    }
                });
                return enough.test(seen);
            });
            return seen;
        }
    }
}
