package org.polaris.launcher.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options of the commands that start a local stack (up, demo, bench). */
final class StackOptions {

    @Option(names = "--data-dir", description = "where the broker, database and logs live (default: .polaris in the checkout)")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the API (default 8080)")
    int port;

    @Option(names = "--db", description = "a PostgreSQL JDBC URL to use instead of the embedded database "
            + "(created if missing; user $POLARIS_DB_USER, default postgres; password $POLARIS_DB_PASSWORD)")
    String db;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "port of the local Kafka broker (default 9092; "
            + "its controller takes the next one)")
    int kafkaPort;

    @Option(names = "--postgres-port", defaultValue = "54329", description = "port of the embedded PostgreSQL (default 54329)")
    int postgresPort;

    static Path home() {
        return Path.of(System.getProperty("polaris.home", ".")).toAbsolutePath().normalize();
    }

    LocalStack.Settings settings(Path defaultDataDir, boolean logsToConsole, String heap) {
        Path dir = dataDir != null ? dataDir.toAbsolutePath() : defaultDataDir;
        return new LocalStack.Settings(home(), dir, port, db, kafkaPort, postgresPort, logsToConsole, heap);
    }
}
