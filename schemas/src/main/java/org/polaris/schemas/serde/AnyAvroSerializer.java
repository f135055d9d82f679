package org.polaris.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer for messaging channels configured by class name: any topic record type. */
public final class AnyAvroSerializer implements Serializer<SpecificRecord> {

    @Override
    public byte[] serialize(String topic, SpecificRecord value) {
        return value == null ? null : AvroCodec.get().encode(value);
    }
}
