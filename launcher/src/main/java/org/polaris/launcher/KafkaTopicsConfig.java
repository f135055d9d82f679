package org.polaris.launcher;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the pipeline's topics are created when missing (production may own them in Strimzi instead). */
@ConfigMapping(prefix = "polaris.kafka")
public interface KafkaTopicsConfig {

    /** Create missing topics at start-up (POLARIS_KAFKA_CREATE_TOPICS). */
    @WithDefault("true")
    boolean createTopics();

    /**
     * Partitions of every topic (POLARIS_KAFKA_PARTITIONS). One number for all: the matcher joins
     * co-partitioned topics, which must have the same count.
     */
    @WithDefault("3")
    int partitions();

    /** Replication factor; -1 = the broker's default (POLARIS_KAFKA_REPLICATION_FACTOR). */
    @WithDefault("-1")
    short replicationFactor();

    /** How long raw topics keep what arrived, for replays (POLARIS_KAFKA_RAW_RETENTION). */
    @WithDefault("P30D")
    Duration rawRetention();

    /** How long working topics between stages keep records (POLARIS_KAFKA_TRANSIENT_RETENTION). */
    @WithDefault("P7D")
    Duration transientRetention();
}
