package org.polaris.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.RandomData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay and redelivery read records written long ago: every current topic schema must read
 * every recorded version (backward compatibility: Avro's own checker, or the one upgrade the codec
 * adds, an enum that became a string), records written with each version must decode, and the
 * current schema must itself be recorded, so that the next change is checked against it.
 */
class SchemaCompatibilityTest {

    private final SchemaHistory history = SchemaHistory.load();

    @Test
    void everyCurrentSchemaReadsEveryRecordedVersion() {
        for (Class<? extends SpecificRecord> type : RecordTypes.all()) {
            Schema current = AvroCodec.schemaOf(type);
            List<Schema> versions = history.versionsOf(current.getFullName());
            assertThat(versions).as("recorded versions of %s", current.getFullName()).isNotEmpty();
            for (Schema old : versions) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
                assertThat(result.getType() == SchemaCompatibilityType.COMPATIBLE || Upgrade.possible(old, current))
                        .as("%s must read records written with a recorded version: %s",
                                current.getFullName(), result.getDescription())
                        .isTrue();
            }
        }
    }

    /** Random records of every recorded version, written as an old producer wrote them, decode to the current class. */
    @Test
    void recordsWrittenWithEveryRecordedVersionDecode() throws IOException {
        for (Class<? extends SpecificRecord> type : RecordTypes.all()) {
            Schema current = AvroCodec.schemaOf(type);
            for (Schema old : history.versionsOf(current.getFullName())) {
                for (Object record : new RandomData(old, 20, 20251201L)) {
                    Object read = AvroCodec.get().decode(singleObject(old, record));
                    assertThat(read).as("a %s record written with %s", current.getFullName(), old).isInstanceOf(type);
                }
            }
        }
    }

    @Test
    void anEnumThatBecameAStringIsReadAsItsSymbol() throws IOException {
        Schema old = history.versionsOf(RawRecord.getClassSchema().getFullName()).get(0);
        Schema rowSchema = old.getField("payload").schema().getTypes().stream()
                .filter(s -> s.getName().equals("RawRow")).findFirst().orElseThrow();
        GenericData.Record row = new GenericData.Record(rowSchema);
        row.put("runId", "7d1c2d3e-0000-4000-8000-000000000001");
        row.put("kind", new GenericData.EnumSymbol(rowSchema.getField("kind").schema(), "ROSTER"));
        row.put("rowNumber", 4);
        row.put("sourceRef", "roster.csv");
        row.put("cells", Map.of("Teacher Email", "a@b.org"));
        for (Schema.Field f : rowSchema.getFields()) {
            if (row.get(f.name()) == null && f.hasDefaultValue()) {
                row.put(f.name(), GenericData.get().getDefaultValue(f));
            }
        }
        GenericData.Record raw = new GenericData.Record(old);
        raw.put("payload", row);

        RawRecord read = (RawRecord) AvroCodec.get().decode(singleObject(old, raw));
        RawRow current = (RawRow) read.getPayload();
        assertThat(current.getKind()).isEqualTo("ROSTER");
        assertThat(current.getRowNumber()).isEqualTo(4);
        assertThat(current.getCells()).containsEntry("Teacher Email", "a@b.org");
    }

    @Test
    void theUpgradeRefusesWhatNoRuleCanRead() {
        Schema old = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":{"type":"enum","name":"E","symbols":["X"]}}]}""");
        Schema enumToString = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
        Schema newRequiredField = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""");
        Schema stringToInt = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"int"}]}""");
        assertThat(Upgrade.possible(old, enumToString)).isTrue();
        assertThat(Upgrade.possible(old, newRequiredField)).isFalse();
        assertThat(Upgrade.possible(old, stringToInt)).isFalse();
    }

    private static byte[] singleObject(Schema schema, Object record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        long fp = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fp >>> (8 * i)) & 0xFF);
        }
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<Object>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void everyCurrentSchemaIsRecorded() {
        for (Class<? extends SpecificRecord> type : RecordTypes.all()) {
            Schema current = AvroCodec.schemaOf(type);
            long fingerprint = SchemaNormalization.parsingFingerprint64(current);
            assertThat(history.versionsOf(current.getFullName()))
                    .as("%s changed: record it with SchemaHistorySnapshot (schemas/README.md)", current.getFullName())
                    .anyMatch(v -> SchemaNormalization.parsingFingerprint64(v) == fingerprint);
        }
    }

    @Test
    void anIncompatibleChangeIsCaught() {
        Schema old = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"}]}""");
        Schema newWithRequiredField = new Schema.Parser().parse("""
                {"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":"int"}]}""");
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(newWithRequiredField, old).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
