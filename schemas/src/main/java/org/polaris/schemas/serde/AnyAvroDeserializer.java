package org.polaris.schemas.serde;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializer for messaging channels configured by class name. It never throws: bytes it cannot
 * decode come back as {@link Undecodable}, so the worker dead-letters them with the reason and
 * goes on consuming (a poison record must not stop a worker).
 */
public final class AnyAvroDeserializer implements Deserializer<Object> {

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return AvroCodec.get().decode(bytes);
        } catch (RuntimeException e) {
            return new Undecodable(topic, e.getMessage(), bytes.length);
        }
    }

    /** A record that could not be decoded: where it came from and why. */
    public record Undecodable(String topic, String reason, int size) {
    }
}
