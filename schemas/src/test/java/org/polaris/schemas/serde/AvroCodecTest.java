package org.polaris.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RawRecord;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.avro.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroCodecTest {

    @Test
    void roundTripsThroughTheTopicSerde() {
        RawRecord raw = RawRecord.newBuilder().setPayload(RawRow.newBuilder()
                .setRunId("r1").setKind("PATHFUL").setRowNumber(2).setSourceRef("f.csv")
                .setCells(Map.of("TeacherEmail", " A@B.org ")).build()).build();
        var serde = Topics.RAW_PATHFUL.valueSerde();
        byte[] bytes = serde.serializer().serialize("t", raw);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(raw);
    }

    @Test
    void readsARecordWrittenWithAnOlderRecordedVersion() throws IOException {
        // a "v0" of RunSummary without the fields added later (warnings, waiting, counters, message)
        Schema current = RunSummary.getClassSchema();
        String v0Json = current.toString()
                .replaceAll("\\{\"name\":\"warnings\",\"type\":\"int\",(\"doc\":\"[^\"]*\",)?\"default\":0},", "")
                .replaceAll("\\{\"name\":\"waiting\",\"type\":\"int\",(\"doc\":\"[^\"]*\",)?\"default\":0},", "")
                .replaceAll("\\{\"name\":\"counters\".*?\"default\":\\{}},", "")
                .replace("{\"name\":\"message\",\"type\":[\"null\",\"string\"],\"default\":null},", "");
        Schema v0 = new Schema.Parser().parse(v0Json);
        assertThat(v0.getField("warnings")).isNull();
        assertThat(v0.getField("counters")).isNull();

        GenericRecord old = new GenericData.Record(v0);
        old.put("runId", "r9");
        old.put("kind", "PATHFUL");
        old.put("status", new GenericData.EnumSymbol(v0.getField("status").schema(), "COMPLETED"));
        old.put("finalSummary", true);
        old.put("expectedRows", 3);
        for (String f : List.of("processed", "created", "updated", "skipped", "unmatchedTeacher", "unmatchedEvent", "invalid")) {
            old.put(f, f.equals("processed") ? 3 : f.equals("created") ? 3 : 0);
        }
        old.put("updatedAt", 1_700_000_000_000L);
        byte[] bytes = singleObject(v0, old);

        AvroCodec codec = new AvroCodec(RecordTypes.all(), new SchemaHistory(Map.of(current.getFullName(), List.of(v0, current))));
        RunSummary read = (RunSummary) codec.decode(bytes);
        assertThat(read.getRunId()).isEqualTo("r9");
        assertThat(read.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(read.getCreated()).isEqualTo(3);
        assertThat(read.getWarnings()).isZero();
        assertThat(read.getWaiting()).isZero();
        assertThat(read.getCounters()).isEmpty();
        assertThat(read.getUpdatedAt()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void rejectsBytesThatAreNotPolarisRecords() {
        assertThatThrownBy(() -> AvroCodec.get().decode("{\"json\":true}".getBytes()))
                .isInstanceOf(AvroCodec.NotAvroException.class);
        byte[] unknown = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> AvroCodec.get().decode(unknown))
                .isInstanceOf(AvroCodec.UnknownSchemaException.class)
                .hasMessageContaining("unknown Avro schema fingerprint");
        Object undecodable = new AnyAvroDeserializer().deserialize("polaris.raw.pathful", unknown);
        assertThat(undecodable).isInstanceOf(AnyAvroDeserializer.Undecodable.class);
    }

    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC3);
        out.write(0x01);
        long fp = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fp >>> (8 * i)) & 0xFF);
        }
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
