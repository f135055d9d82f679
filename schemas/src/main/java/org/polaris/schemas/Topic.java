package org.polaris.schemas;

import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the pipeline: its name, how its keys and values are (de)serialized, and how the
 * broker keeps it. Every module reaches a topic through {@link Topics}; nobody spells a topic name.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Retention retention) {

    /** The record type the topic's values are (null when its value serde is not an Avro one). */
    public Class<?> valueType() {
        return valueSerde instanceof org.polaris.schemas.serde.AvroSerde<?> avro ? avro.type() : null;
    }

    /** How long the broker keeps the topic's records. */
    public enum Retention {
        /** Kept for replay: retention is {@code polaris.kafka.raw-retention} (default 30 days). */
        REPLAYABLE,
        /** Latest value per key kept forever: reference tables. */
        COMPACTED,
        /** Working topic between two stages: a week is plenty to ride out an outage. */
        TRANSIENT
    }
}
