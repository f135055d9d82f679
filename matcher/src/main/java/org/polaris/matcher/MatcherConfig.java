package org.polaris.matcher;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka Streams settings of the matcher. */
@ConfigMapping(prefix = "polaris.matcher")
public interface MatcherConfig {

    /** Consumer group and internal-topic prefix of the matcher (POLARIS_MATCHER_APPLICATION_ID). */
    @WithDefault("polaris-matcher")
    String applicationId();

    /** Where the RocksDB stores of the roster and event tables live (POLARIS_MATCHER_STATE_DIR). */
    @WithDefault("${polaris.data-dir:target/polaris-data}/kafka-streams")
    String stateDir();

    /** Replication of the matcher's internal topics; -1 = the broker's default (POLARIS_MATCHER_REPLICATION_FACTOR). */
    @WithDefault("-1")
    int replicationFactor();

    /** How often processed offsets are committed; redelivered rows are deduplicated by the writer. */
    @WithDefault("1000")
    long commitIntervalMs();

    /** Any other Kafka Streams property, e.g. polaris.matcher.streams."num.stream.threads"=2. */
    Map<String, String> streams();
}
