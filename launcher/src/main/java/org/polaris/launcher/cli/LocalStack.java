package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local mode. Starts the infrastructure JVM (deploy module: Kafka KRaft broker
 * and, without {@code --db}, an embedded PostgreSQL), then the pipeline JVM (every worker and the
 * HTTP API), and waits until {@code /q/health/ready} answers 200. Closing stops both, pipeline first.
 */
final class LocalStack implements AutoCloseable {

    /**
     * Where and how to run.
     *
     * @param ephemeral the embedded database is deleted when the stack stops (a demo's)
     */
    record Settings(Path home, Path dataDir, int httpPort, String db, int kafkaPort, int postgresPort,
            boolean pipelineLogsToConsole, String heap, boolean ephemeral, List<String> pipelineJvmOptions) {

        Settings(Path home, Path dataDir, int httpPort, String db, int kafkaPort, int postgresPort,
                boolean pipelineLogsToConsole, String heap) {
            this(home, dataDir, httpPort, db, kafkaPort, postgresPort, pipelineLogsToConsole, heap, false, List.of());
        }

        Settings asEphemeral() {
            return new Settings(home, dataDir, httpPort, db, kafkaPort, postgresPort, pipelineLogsToConsole, heap, true,
                    pipelineJvmOptions);
        }

        /** With more options for the pipeline JVM (a benchmark's flight recording). */
        Settings withPipelineJvmOptions(List<String> options) {
            return new Settings(home, dataDir, httpPort, db, kafkaPort, postgresPort, pipelineLogsToConsole, heap, ephemeral,
                    List.copyOf(options));
        }
    }

    /** More than this many restarts within {@link #RESTART_WINDOW}: the pipeline keeps dying, supervision gives up. */
    private static final int MAX_RESTARTS = 5;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(5);

    private final Settings settings;
    private final PrintWriter err;
    private Process infra;
    private volatile Process pipeline;
    private String jdbcUrl;
    private volatile boolean closing;

    private LocalStack(Settings settings, PrintWriter err) {
        this.settings = settings;
        this.err = err;
    }

    static LocalStack start(Settings s, PrintWriter err) throws IOException, InterruptedException {
        LocalStack stack = new LocalStack(s, err);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::closeQuietly, "polaris-local-stop"));
        stack.startInfra();
        stack.startPipeline();
        return stack;
    }

    String url() {
        return "http://localhost:" + settings.httpPort();
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String kafka() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    long pipelinePid() {
        return pipeline.pid();
    }

    /** The infrastructure JVM (Kafka broker; the embedded PostgreSQL runs as its child processes). */
    List<Long> infraPids() {
        List<Long> pids = new ArrayList<>();
        pids.add(infra.pid());
        return pids;
    }

    /** Blocks until the pipeline exits (Ctrl-C stops everything through the shutdown hook). */
    int waitForPipeline() throws InterruptedException {
        return pipeline.waitFor();
    }

    /**
     * Watches the two JVMs until the stack is stopped. When the pipeline JVM dies it says so, with its
     * exit code (137: killed) and the end of its log, and starts it again, unless {@code restart} is
     * false or it has already been started again 5 times in the last 5 minutes (its 6th death): then it
     * returns the JVM's exit code (1 if that was 0). When the broker and
     * database JVM dies the stack cannot go on: it stops the pipeline and returns non-zero.
     */
    int supervise(boolean restart) throws InterruptedException, IOException {
        ArrayDeque<Instant> restarts = new ArrayDeque<>();
        while (true) {
            Thread.sleep(500);
            if (closing) {
                return 0;
            }
            if (!infra.isAlive()) {
                err.println("polaris: the Kafka/database JVM exited with code " + infra.exitValue() + why(infra.exitValue())
                        + "; the pipeline cannot go on without it. Its log: "
                        + settings.dataDir().resolve("logs/infra.log"));
                err.flush();
                return 1;
            }
            if (pipeline.isAlive()) {
                continue;
            }
            int code = pipeline.exitValue();
            if (closing) {
                return 0;
            }
            err.println("polaris: the pipeline JVM exited with code " + code + why(code) + pipelineLogTail());
            Instant now = Instant.now();
            while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) {
                restarts.pollFirst();
            }
            if (!restart || restarts.size() >= MAX_RESTARTS) {
                err.println(restart ? "polaris: it died " + (restarts.size() + 1) + " times in " + RESTART_WINDOW.toMinutes()
                        + " minutes (started again " + restarts.size() + " times); stopping" : "polaris: stopping (--no-restart)");
                err.flush();
                return code == 0 ? 1 : code;
            }
            restarts.addLast(now);
            err.println("polaris: starting the pipeline again");
            err.flush();
            long begin = System.nanoTime();
            startPipeline();
            err.printf("polaris: the pipeline is ready again after %.1f s%n", (System.nanoTime() - begin) / 1e9);
            err.flush();
        }
    }

    private static String why(int code) {
        return switch (code) {
            case 137 -> " (killed: SIGKILL, e.g. out of memory or kill -9)";
            case 143 -> " (stopped: SIGTERM)";
            case 134 -> " (aborted: the JVM crashed)";
            default -> "";
        };
    }

    private String pipelineLogTail() {
        if (settings.pipelineLogsToConsole()) {
            return " (its last lines are above)";
        }
        Path log = settings.dataDir().resolve("logs/polaris.log");
        try {
            return "; " + log + " ends with:\n" + tail(Files.readString(log));
        } catch (IOException e) {
            return "; see " + log;
        }
    }

    private void startInfra() throws IOException, InterruptedException {
        requireFree(settings.httpPort(), "HTTP (--port)");
        requireFree(settings.kafkaPort(), "Kafka (--kafka-port)");
        requireFree(settings.kafkaPort() + 1, "the Kafka controller (--kafka-port + 1)");
        Path logs = Files.createDirectories(settings.dataDir().resolve("logs"));
        Path infraLog = logs.resolve("infra.log");
        Path deploy = settings.home().resolve("deploy/target");
        // C1 only: measured on 2 cores, the broker's request path is as fast as with C2 while C2's
        // compilations alone took as much CPU as serving the requests
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", deployJar(deploy) + ":" + deploy.resolve("lib") + "/*",
                "org.polaris.deploy.local.LocalInfra", "--data-dir", settings.dataDir().toString(),
                "--kafka-port", Integer.toString(settings.kafkaPort())));
        if (settings.db() != null) {
            cmd.add("--no-postgres");
        } else {
            if (settings.ephemeral()) {
                cmd.add("--ephemeral");
            }
            requireFree(settings.postgresPort(), "the embedded PostgreSQL (--postgres-port)");
            cmd.addAll(List.of("--postgres-port", Integer.toString(settings.postgresPort())));
        }
        err.println("Starting Kafka (KRaft, 127.0.0.1:" + settings.kafkaPort() + ")"
                + (settings.db() == null ? " and the embedded PostgreSQL (127.0.0.1:" + settings.postgresPort() + ")" : "")
                + "; log: " + infraLog);
        err.flush();
        infra = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(infraLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.exists(infraLog) ? Files.readString(infraLog) : "";
            int ready = log.indexOf("POLARIS-INFRA READY");
            if (ready >= 0) {
                String line = log.substring(ready).lines().findFirst().orElse("");
                String embedded = line.replaceFirst(".*jdbc=", "").strip();
                jdbcUrl = settings.db() != null ? settings.db() : embedded;
                if (settings.db() != null) {
                    ensureDatabase(settings.db());
                }
                return;
            }
            if (!infra.isAlive() || log.contains("POLARIS-INFRA FAILED")) {
                throw new IOException("the local broker/database did not start; " + infraLog + " ends with:\n"
                        + tail(log));
            }
            Thread.sleep(200);
        }
        throw new IOException("the local broker/database did not start within 3 minutes; see " + infraLog);
    }

    /**
     * The local stack's administrator, kept across restarts: the pipeline's users file holds only its
     * password's bcrypt hash ({@code security.properties}), the CLI's file its password
     * ({@code cli-credentials.properties}); both readable by their owner only, from the first byte. A
     * data directory of an older build (the password in plain text in security.properties) is converted.
     */
    private Path securityFile() throws IOException {
        Path server = settings.dataDir().resolve("security.properties");
        Path cli = settings.dataDir().resolve(Credentials.FILE);
        Credentials existing = Credentials.fromFile(Files.exists(cli) ? cli : server);
        boolean hashed = Files.exists(server) && Files.readString(server).contains("password-hash=");
        if (existing != null && hashed) {
            return server;
        }
        String password = existing != null ? existing.password() : randomPassword();
        ownerOnly(cli, "# written by bin/polaris: the local stack's administrator, for the CLI\nuser=admin\npassword="
                + password + "\n");
        ownerOnly(server, "# written by bin/polaris for the local stack in this directory (the CLI's password is in "
                + Credentials.FILE + ")\npolaris.security.users.admin.password-hash="
                + io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password) + "\n"
                + "polaris.security.users.admin.roles=admin\n");
        return server;
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Writes a file no one but its owner can read, from its first byte (written aside, then moved into place). */
    static void ownerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system: the directory's permissions apply
        }
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    Credentials credentials() throws IOException {
        securityFile();
        return Credentials.fromFile(settings.dataDir().resolve(Credentials.FILE));
    }

    private void startPipeline() throws IOException, InterruptedException {
        Path app = settings.home().resolve("launcher/target/quarkus-app/quarkus-run.jar");
        Path log = settings.dataDir().resolve("logs/polaris.log");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + settings.heap(), "-XX:+UseParallelGC"));
        // The local stack shares two cores between the pipeline, the broker and PostgreSQL. Measured
        // (bin/polaris bench, 200k rows): C2's compilations took more CPU than any worker during the
        // first imports, and C1-compiled code moved rows 45% faster on a fresh stack and as fast once
        // warm. POLARIS_JAVA_OPTS replaces this choice (e.g. "-XX:TieredStopAtLevel=4" for C2).
        String extra = System.getenv("POLARIS_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        } else {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(settings.pipelineJvmOptions());
        cmd.addAll(restartFast());
        cmd.addAll(List.of("-Dquarkus.config.locations=" + securityFile().toUri(),
                "-Dquarkus.http.port=" + settings.httpPort(),
                "-Dkafka.bootstrap.servers=" + kafka(),
                "-Dpolaris.data-dir=" + settings.dataDir().toAbsolutePath(),
                "-jar", app.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        pb.environment().putIfAbsent("QUARKUS_DATASOURCE_USERNAME",
                System.getenv().getOrDefault("POLARIS_DB_USER", "postgres"));
        if (System.getenv("POLARIS_DB_PASSWORD") != null) {
            pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", System.getenv("POLARIS_DB_PASSWORD"));
        }
        if (settings.pipelineLogsToConsole()) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // a restart appends
        }
        err.println("Starting the pipeline on " + url() + (settings.pipelineLogsToConsole() ? "" : "; log: " + log));
        err.flush();
        pipeline = pb.start();
        ApiClient api = new ApiClient(url(), null);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!pipeline.isAlive()) {
                throw new IOException("the pipeline exited at start (code " + pipeline.exitValue() + ")"
                        + (settings.pipelineLogsToConsole() ? "" : "; " + log + " ends with:\n" + tail(Files.readString(log))));
            }
            if (api.ready()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IOException("the pipeline was not ready within 3 minutes (GET " + url() + "/q/health/ready)");
    }

    /**
     * The local stack's consumers keep their place in their groups across a restart: static group
     * membership (a restarted pipeline takes its old members' places at once, instead of waiting out
     * their sessions, which kept readiness at REBALANCING for 35-45 s) and a 10 s session for a member
     * that does not come back. One stack per broker, so fixed member ids are unique.
     */
    static List<String> restartFast() {
        List<String> props = new ArrayList<>();
        for (String channel : List.of("raw-in", "writer-in", "run-summaries-in", "rematch-in")) {
            props.add("-Dmp.messaging.incoming." + channel + ".group.instance.id=polaris-local-" + channel);
            props.add("-Dmp.messaging.incoming." + channel + ".session.timeout.ms=10000");
        }
        props.add("-Dpolaris.matcher.streams.\"main.consumer.group.instance.id\"=polaris-local-matcher");
        props.add("-Dpolaris.matcher.streams.\"main.consumer.session.timeout.ms\"=10000");
        return props;
    }

    /** Deletes a directory and everything in it (a demo's or a benchmark's data directory). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Creates the database named in a PostgreSQL JDBC URL when it does not exist yet. */
    static void ensureDatabase(String url) throws IOException {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new IOException("--db must be a PostgreSQL JDBC URL like jdbc:postgresql://127.0.0.1:5432/polaris");
        }
        String rest = url.substring(slash + 1);
        String name = rest.replaceFirst("[?].*", "");
        String admin = url.substring(0, slash + 1) + "postgres" + (rest.contains("?") ? rest.substring(rest.indexOf('?')) : "");
        String user = System.getenv().getOrDefault("POLARIS_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("POLARIS_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(admin, user, password);
             var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, name);
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot reach or prepare the database " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private synchronized void closeQuietly() {
        closing = true;
        stop(pipeline);
        pipeline = null;
        stop(infra);
        infra = null;
    }

    private static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(45, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path deployJar(Path target) throws IOException {
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().matches("deploy-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no deploy jar in " + target + ": run bin/polaris build"));
        }
    }

    private static void requireFree(int port, String what) throws IOException {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " for " + what + " is in use: is Polaris already running? "
                    + "Pick another one with the option named.");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
