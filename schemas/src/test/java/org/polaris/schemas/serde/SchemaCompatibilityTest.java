package org.polaris.schemas.serde;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay and redelivery read records written long ago: every current topic schema must read
 * every recorded version (backward compatibility, Avro's own checker), and must itself be
 * recorded, so that the next change is checked against it.
 */
class SchemaCompatibilityTest {

    private final SchemaHistory history = SchemaHistory.load();

    @Test
    void everyCurrentSchemaReadsEveryRecordedVersion() {
        for (Class<? extends SpecificRecord> type : RecordTypes.ALL) {
            Schema current = AvroCodec.schemaOf(type);
            List<Schema> versions = history.versionsOf(current.getFullName());
            assertThat(versions).as("recorded versions of %s", current.getFullName()).isNotEmpty();
            for (Schema old : versions) {
                var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
                assertThat(result.getType())
                        .as("%s must read records written with a recorded version: %s",
                                current.getFullName(), result.getDescription())
                        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            }
        }
    }

    @Test
    void everyCurrentSchemaIsRecorded() {
        for (Class<? extends SpecificRecord> type : RecordTypes.ALL) {
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
