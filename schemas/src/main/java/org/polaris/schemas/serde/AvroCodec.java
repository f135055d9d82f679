package org.polaris.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding for every record on every topic, without a registry server: the
 * 10-byte header carries the writer schema's fingerprint, and older writer schemas are resolved
 * from {@link SchemaHistory}, so records written before a schema change stay readable.
 */
public final class AvroCodec {

    private static final AvroCodec INSTANCE = new AvroCodec(RecordTypes.all(), SchemaHistory.load());

    private final Map<Class<?>, Writer> writers = new HashMap<>();
    private final Map<Long, Reader> readersByFingerprint = new HashMap<>();
    private final Map<Long, String> namesByFingerprint = new HashMap<>();
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    AvroCodec(List<Class<? extends SpecificRecord>> types, SchemaHistory history) {
        // The generated classes' own encode/decode code (no reflection, no generic lookups): several
        // times faster than Avro's generic path. Schemas avoid logical types so every class has it.
        SpecificData model = new SpecificData(AvroCodec.class.getClassLoader());
        model.setCustomCoders(true);
        // Avro's "fast reader" (on by default) bypasses the generated decoders for its own generic
        // field setters: measured in the benchmark's profile, decoding was then a third of the consumer
        // threads' CPU. Off, every record is read by its class's customDecode, resolving older writer
        // schemas through the same ResolvingDecoder.
        model.setFastReaderEnabled(false);
        for (Class<? extends SpecificRecord> type : types) {
            Schema current = schemaOf(type);
            writers.put(type, new Writer(header(current), new SpecificDatumWriter<>(current, model)));
            register(current, current, model);
            history.versionsOf(current.getFullName()).forEach(old -> register(old, current, model));
        }
    }

    public static AvroCodec get() {
        return INSTANCE;
    }

    /** The 10-byte single-object header (C3 01, fingerprint little-endian), then the Avro binary body. */
    public byte[] encode(SpecificRecord value) {
        Writer writer = writers.get(value.getClass());
        if (writer == null) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not a topic record type");
        }
        Buffers b = buffers.get();
        b.out.reset();
        b.out.write(writer.header(), 0, writer.header().length);
        try {
            b.encoder = EncoderFactory.get().binaryEncoder(b.out, b.encoder);
            writer.datumWriter().write(value, b.encoder);
            b.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.out.toByteArray();
    }

    /** Decodes any topic record; the header's fingerprint says which type and which writer schema. */
    public SpecificRecord decode(byte[] bytes) {
        long fingerprint = fingerprintOf(bytes);
        Reader reader = readersByFingerprint.get(fingerprint);
        if (reader == null) {
            throw new UnknownSchemaException(fingerprint);
        }
        Buffers b = buffers.get();
        try {
            b.decoder = DecoderFactory.get().binaryDecoder(bytes, 10, bytes.length - 10, b.decoder);
            return reader.read(b.decoder);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("corrupt " + namesByFingerprint.get(fingerprint) + " record: " + e, e);
        }
    }

    static long fingerprintOf(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new NotAvroException();
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /**
     * Records written with {@code writerSchema} are read into the current class, resolving differences;
     * a version Avro cannot resolve (an enum that became a string) is read and then upgraded.
     */
    private void register(Schema writerSchema, Schema current, SpecificData model) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(writerSchema);
        boolean resolvable = SchemaCompatibility.checkReaderWriterCompatibility(current, writerSchema).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        Reader reader;
        if (resolvable) {
            SpecificDatumReader<SpecificRecord> specific = new SpecificDatumReader<>(writerSchema, current, model);
            reader = decoder -> specific.read(null, decoder);
        } else {
            GenericDatumReader<Object> generic = new GenericDatumReader<>(writerSchema, writerSchema);
            reader = decoder -> (SpecificRecord) Upgrade.convert(generic.read(null, decoder), writerSchema, current, model);
        }
        readersByFingerprint.put(fingerprint, reader);
        namesByFingerprint.put(fingerprint, writerSchema.getFullName());
    }

    /** Reads one record body into the current class. */
    @FunctionalInterface
    private interface Reader {
        SpecificRecord read(BinaryDecoder decoder) throws IOException;
    }

    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint);
        return b.array();
    }

    private record Writer(byte[] header, SpecificDatumWriter<SpecificRecord> datumWriter) {
    }

    /** Per-thread buffer and Avro coders, reused: encoding allocates only the returned array. */
    private static final class Buffers {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
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
