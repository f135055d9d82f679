package org.polaris.launcher.it;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the in-JVM pipeline at the test broker and a fresh PostgreSQL database. */
public class PipelineResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "polaris_it";

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "kafka.bootstrap.servers", TestBroker.bootstrapServers(),
                    "quarkus.datasource.jdbc.url", TestDatabase.fresh(DATABASE),
                    "quarkus.datasource.username", TestDatabase.USER,
                    "quarkus.datasource.password", TestDatabase.PASSWORD,
                    "polaris.data-dir", Files.createTempDirectory("polaris-it-").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the broker stops with the JVM; the database is kept for inspection after a failure
    }
}
