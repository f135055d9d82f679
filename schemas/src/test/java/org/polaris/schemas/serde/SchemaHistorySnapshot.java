package org.polaris.schemas.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * Records the current version of every topic schema that is not yet in {@code avro-history}
 * (run it after a compatible schema change; see schemas/README.md):
 * from the {@code schemas} directory (it writes to {@code src/main/resources/avro-history} there):
 * {@code cd schemas && mvn test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.polaris.schemas.serde.SchemaHistorySnapshot}
 */
public final class SchemaHistorySnapshot {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/avro-history");
        Files.createDirectories(dir);
        Path index = dir.resolve("index.txt");
        List<String> lines = Files.exists(index) ? new ArrayList<>(Files.readAllLines(index)) : new ArrayList<>();
        SchemaHistory history = SchemaHistory.load();
        for (Class<? extends SpecificRecord> type : RecordTypes.all()) {
            Schema current = AvroCodec.schemaOf(type);
            List<Schema> versions = history.versionsOf(current.getFullName());
            long fp = SchemaNormalization.parsingFingerprint64(current);
            if (versions.stream().anyMatch(v -> SchemaNormalization.parsingFingerprint64(v) == fp)) {
                continue;
            }
            String file = current.getName() + ".v" + (versions.size() + 1) + ".avsc";
            Files.writeString(dir.resolve(file), current.toString(true) + "\n", StandardCharsets.UTF_8);
            lines.add(file);
            System.out.println("recorded " + file);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("#")) {
            lines.add(0, "# Every published version of every topic schema. Append, never edit or remove.");
        }
        Files.write(index, lines, StandardCharsets.UTF_8);
    }
}
