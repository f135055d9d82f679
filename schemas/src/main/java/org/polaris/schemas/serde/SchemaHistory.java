package org.polaris.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * Every published version of every topic schema, kept in {@code avro-history/} (one file per
 * version, listed in {@code avro-history/index.txt}). The codec reads records written under any
 * of them; {@code SchemaCompatibilityTest} proves the current schema can read them all and that
 * the current schema itself is recorded, so the next change cannot orphan data already on a topic.
 */
public final class SchemaHistory {

    static final String DIR = "avro-history/";

    private final Map<String, List<Schema>> versions;

    SchemaHistory(Map<String, List<Schema>> versions) {
        this.versions = versions;
    }

    public static SchemaHistory load() {
        Map<String, List<Schema>> versions = new LinkedHashMap<>();
        for (String file : index()) {
            try (InputStream in = resource(DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("avro-history/index.txt lists missing file " + file);
                }
                Schema schema = new Schema.Parser().parse(in);
                versions.computeIfAbsent(schema.getFullName(), k -> new ArrayList<>()).add(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SchemaHistory(versions);
    }

    public List<Schema> versionsOf(String fullName) {
        return versions.getOrDefault(fullName, List.of());
    }

    public Map<String, List<Schema>> all() {
        return versions;
    }

    private static InputStream resource(String path) {
        return SchemaHistory.class.getClassLoader().getResourceAsStream(path);
    }

    static List<String> index() {
        InputStream in = resource(DIR + "index.txt");
        if (in == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
