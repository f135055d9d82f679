package org.polaris.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding for every record on every topic, without a registry server: the
 * 10-byte header carries the writer schema's fingerprint, and older writer schemas are resolved
 * from {@link SchemaHistory}, so records written before a schema change stay readable.
 */
public final class AvroCodec {

    private static final AvroCodec INSTANCE = new AvroCodec(RecordTypes.ALL, SchemaHistory.load());

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
    private final Map<Long, BinaryMessageDecoder<SpecificRecord>> decodersByFingerprint = new HashMap<>();
    private final Map<Long, String> namesByFingerprint = new HashMap<>();

    AvroCodec(List<Class<? extends SpecificRecord>> types, SchemaHistory history) {
        // The generated classes' own encode/decode code (no reflection, no generic lookups): several
        // times faster than Avro's generic path. Schemas avoid logical types so every class has it.
        SpecificData model = new SpecificData(AvroCodec.class.getClassLoader());
        model.setCustomCoders(true);
        for (Class<? extends SpecificRecord> type : types) {
            Schema current = schemaOf(type);
            encoders.put(type, new BinaryMessageEncoder<>(model, current));
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, current);
            List<Schema> versions = history.versionsOf(current.getFullName());
            versions.forEach(decoder::addSchema);
            register(current, decoder);
            versions.forEach(old -> register(old, decoder));
        }
    }

    public static AvroCodec get() {
        return INSTANCE;
    }

    public byte[] encode(SpecificRecord value) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(value.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a topic record type");
        }
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes any topic record; the header's fingerprint says which type and which writer schema. */
    public SpecificRecord decode(byte[] bytes) {
        long fingerprint = fingerprintOf(bytes);
        BinaryMessageDecoder<SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new UnknownSchemaException(fingerprint);
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + namesByFingerprint.get(fingerprint) + " record", e);
        }
    }

    static long fingerprintOf(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new NotAvroException();
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void register(Schema schema, BinaryMessageDecoder<SpecificRecord> decoder) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        decodersByFingerprint.put(fingerprint, decoder);
        namesByFingerprint.put(fingerprint, schema.getFullName());
    }

    static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return schemaOfClass(type);
    }

    static Schema schemaOfClass(Class<?> type) {
        try {
            return (Schema) type.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " is not an Avro-generated record", e);
        }
    }

    /** The bytes are not Avro single-object encoded (wrong producer, or garbage). */
    public static final class NotAvroException extends RuntimeException {
        NotAvroException() {
            super("not an Avro single-object encoded record (missing C3 01 header)");
        }
    }

    /** Written with a schema this build does not know: a newer producer, or a missing history entry. */
    public static final class UnknownSchemaException extends RuntimeException {
        UnknownSchemaException(long fingerprint) {
            super("unknown Avro schema fingerprint " + Long.toHexString(fingerprint)
                    + ": written by a newer schema version, or its version is missing from avro-history");
        }
    }
}
