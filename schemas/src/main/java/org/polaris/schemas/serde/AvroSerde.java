package org.polaris.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A typed Kafka serde over {@link AvroCodec}; a null value is a tombstone both ways. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final Class<T> type;

    private AvroSerde(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** The record type this serde reads and writes. */
    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : AvroCodec.get().encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                SpecificRecord record = AvroCodec.get().decode(bytes);
                if (!type.isInstance(record)) {
                    throw new SerializationException("topic " + topic + " carries " + record.getSchema().getFullName()
                            + ", expected " + type.getName());
                }
                return type.cast(record);
            } catch (RuntimeException e) {
                throw e instanceof SerializationException se ? se
                        : new SerializationException("cannot decode record on " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
