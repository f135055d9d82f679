package org.polaris.writer;

import org.apache.avro.specific.SpecificRecord;
import org.polaris.schemas.Topic;

/**
 * A record the writer publishes for another stage: a reference-table row for the matcher (null value
 * = tombstone), sent to the key's partition or, for a small table every partition's consumer needs
 * whole, to every partition.
 */
public record Publication(Topic<String, ?> topic, String key, SpecificRecord value, boolean everyPartition) {

    public static Publication of(Topic<String, ?> topic, String key, SpecificRecord value) {
        return new Publication(topic, key, value, false);
    }

    public static Publication toEveryPartition(Topic<String, ?> topic, String key, SpecificRecord value) {
        return new Publication(topic, key, value, true);
    }
}
