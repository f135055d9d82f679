package org.polaris.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The connection settings of the application's Kafka configuration (bootstrap servers, security,
 * client tuning) that a plain producer or admin client should inherit, so a secured cluster
 * configured once (kafka.* / KAFKA_*) works for every client the pipeline creates itself.
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    public static Map<String, Object> forProducer(Map<String, Object> kafka) {
        return keep(kafka, ProducerConfig.configNames());
    }

    public static Map<String, Object> forConsumer(Map<String, Object> kafka) {
        return keep(kafka, ConsumerConfig.configNames());
    }

    public static Map<String, Object> forAdmin(Map<String, Object> kafka) {
        return keep(kafka, AdminClientConfig.configNames());
    }

    private static Map<String, Object> keep(Map<String, Object> kafka, Set<String> known) {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (known.contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                props.put(k, v);
            }
        });
        return props;
    }
}
