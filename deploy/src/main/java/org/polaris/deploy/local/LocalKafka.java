package org.polaris.deploy.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka's own broker in KRaft mode (one combined broker + controller node), for the local
 * mode: what the production cluster is, minus replication.
 */
public final class LocalKafka {

    private final Path dir;
    private final int port;
    private final int controllerPort;

    public LocalKafka(Path dataDir, int port, int controllerPort) {
        this.dir = dataDir.toAbsolutePath().resolve("kafka");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Writes server.properties and formats the log directory on first use. */
    public Path prepare() throws IOException, InterruptedException {
        Path logs = dir.resolve("data");
        Files.createDirectories(logs);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logs.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // topics are created by the pipeline with their partitions and retention: a typo must not create one
        p.setProperty("auto.create.topics.enable", "false");
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by polaris local mode");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            // StorageTool exits the JVM when done, so it runs as its own process on this classpath
            Process format = new ProcessBuilder(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()))
                    .redirectErrorStream(true).start();
            String out = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (format.waitFor() != 0) {
                throw new IOException("formatting the Kafka log directory failed:\n" + out);
            }
        }
        return config;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
