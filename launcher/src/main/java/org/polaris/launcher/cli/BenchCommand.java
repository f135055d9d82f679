package org.polaris.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polaris bench}: the end-to-end throughput of the pipeline against PostgreSQL, next to
 * its limit measured in the same run: a bare batched JDBC {@code INSERT ... ON CONFLICT} of the
 * same rows into the same table. Reports rows/s, the ratio and the peak memory of each JVM.
 */
@Command(name = "bench", description = "Benchmark: a generated Pathful export through the local stack against "
        + "PostgreSQL, next to a bare batched JDBC upsert of the same rows.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "200000", description = "Pathful rows (default 200000)")
    int rows;

    @Option(names = "--events", defaultValue = "2000", description = "events (default 2000)")
    int events;

    @Option(names = "--teachers", defaultValue = "4000", description = "roster teachers (default 4000)")
    int teachers;

    @Option(names = "--db", defaultValue = "jdbc:postgresql://127.0.0.1:5432/polaris_bench",
            description = "PostgreSQL to run against; the database is dropped and created (default ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--port", defaultValue = "18080", description = "HTTP port of the benchmarked stack")
    int port;

    @Option(names = "--kafka-port", defaultValue = "19092", description = "Kafka port of the benchmarked stack")
    int kafkaPort;

    @Option(names = "--heap", defaultValue = "2g", description = "pipeline JVM heap (default 2g)")
    String heap;

    @Option(names = "--slice", defaultValue = "100000",
            description = "report the rows/s of each slice of this many rows (default ${DEFAULT-VALUE})")
    int slice;

    @Option(names = "--profile", paramLabel = "DIR", description = "record the pipeline JVM with JDK Flight Recorder "
            + "into DIR/pipeline.jfr and print where its CPU went during each timed import, by stage and by library")
    Path profile;

    @Option(names = "--peers", description = "also run the peers on the same number of rows: the Debezium JDBC sink "
            + "on Kafka Connect (the peer kit's 03-peer-connect.sh), and print the pipeline's ratio to each")
    boolean peers;

    @Option(names = "--peers-kit", description = "the peer kit (default $POLARIS_BENCH_PEERS, else ../shared/bench-peers "
            + "beside the checkout); it is copied to a scratch folder and run there")
    Path peersKit;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        // what can be refused is refused before a minute of benchmark, not after it
        String refused = slice < 1 ? "--slice must be at least 1 row (got " + slice + ")"
                : rows < 1 ? "--rows must be at least 1 (got " + rows + ")"
                : peers ? PeerKit.problem(kit()) : null;
        if (refused != null) {
            err.println("polaris: " + refused);
            return 2;
        }
        Path dir = Files.createTempDirectory("polaris-bench-");
        try {
            BenchData data = new BenchData(rows, events, teachers);
            err.println("Generating " + rows + " Pathful rows, " + events + " events, " + teachers + " teachers in " + dir);
            data.writeEvents(dir.resolve("events.csv"));
            data.writeRoster(dir.resolve("roster.csv"));
            data.writePathful(dir.resolve("pathful.csv"));
            data.writePathful(dir.resolve("pathful-changed.csv"), 1);
            recreate(db);

            LocalStack.Settings settings = new LocalStack.Settings(StackOptions.home(), dir.resolve("stack"), port, db,
                    kafkaPort, 0, false, heap);
            Path recording = null;
            if (profile != null) {
                recording = Files.createDirectories(profile).toAbsolutePath().resolve("pipeline.jfr");
                Files.deleteIfExists(recording);
                settings = settings.withPipelineJvmOptions(List.of("-XX:StartFlightRecording=filename=" + recording
                        + ",settings=profile,dumponexit=true"));
            }
            Timed cold;
            Timed warm;
            long pipelinePeak;
            long infraPeak;
            try (LocalStack stack = LocalStack.start(settings, err)) {
                ApiClient api = new ApiClient(stack.url(), stack.credentials());
                importAndWait(api, "events", dir.resolve("events.csv"), err);
                importAndWait(api, "roster", dir.resolve("roster.csv"), err);
                err.println("Importing " + rows + " Pathful rows on the fresh stack (every row new)...");
                cold = timed(stack, api, dir.resolve("pathful.csv"), err);
                err.println("Importing the same " + rows + " rows with every status changed (every row an update)...");
                warm = timed(stack, api, dir.resolve("pathful-changed.csv"), err);
                if (cold == null || warm == null) {
                    return 1;
                }
                pipelinePeak = peakRssKb(stack.pipelinePid());
                infraPeak = stack.infraPids().stream().mapToLong(BenchCommand::peakRssKb).sum();
            }

            err.println("Measuring the bare batched JDBC upsert of the same rows...");
            double bareSeconds = bareUpsert(db, data);
            PeerKit.Results peerResults = null;
            if (peers) {
                err.println("Running the Debezium JDBC sink on Kafka Connect on " + rows + " rows (the peer kit)...");
                peerResults = PeerKit.run(kit(), rows, err);
            }

            double bareRate = rows / bareSeconds;
            out.printf("Polaris benchmark: %,d Pathful rows (%,d events x %,d teachers) against %s, %d cores%n", rows, events,
                    teachers, db, Runtime.getRuntime().availableProcessors());
            out.printf("  end to end = from the upload's first byte to the run's completion in the ledger%n");
            cold.print(out, "pipeline, fresh stack, every row created", bareRate);
            warm.print(out, "pipeline, warm stack, every row updated", bareRate);
            out.printf("  %-42s %7.2f s  %,9.0f rows/s%n", "bare batched JDBC upsert (the limit)", bareSeconds, bareRate);
            out.printf("  peak memory (RSS): pipeline JVM %,d MB; Kafka broker JVM %,d MB%n", pipelinePeak / 1024, infraPeak / 1024);
            if (peerResults != null) {
                peerResults.print(out, cold.rate(), warm.rate());
            }
            if (recording != null) {
                out.printf("  where the pipeline JVM's CPU went (JFR, %s):%n", recording);
                StageProfile.read(recording, cold.began(), cold.ended()).print(out, "fresh import");
                StageProfile.read(recording, warm.began(), warm.ended()).print(out, "warm import");
            }
            out.flush();
            return 0;
        } finally {
            LocalStack.deleteTree(dir); // generated files and the stack's broker data: nothing is left behind
        }
    }

    /** One timed Pathful import: total seconds, of which upload + publish, the run's counts, and its slices' rows/s. */
    record Timed(double seconds, double uploadSeconds, Map<String, Object> run, List<Double> slices, int slice,
            Map<String, Double> cpu, java.time.Instant began, java.time.Instant ended) {
        double rate() {
            return ((Number) run.get("processed")).doubleValue() / seconds;
        }

        void print(java.io.PrintWriter out, String label, double bareRate) {
            double rate = rate();
            out.printf("  %-42s %7.2f s  %,9.0f rows/s  (%.2f of the limit; upload+publish %.2f s)%n", label + ":",
                    seconds, rate, rate / bareRate, uploadSeconds);
            StringBuilder spent = new StringBuilder();
            cpu.forEach((process, seconds) -> spent.append(spent.length() == 0 ? "" : ", ")
                    .append(String.format("%s %.1f", process, seconds)));
            out.printf("    CPU seconds: %s (of %.1f on %d cores)%n", spent, seconds * Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
            if (slices.size() > 1) {
                double min = slices.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = slices.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                StringBuilder line = new StringBuilder();
                slices.forEach(r -> line.append(line.length() == 0 ? "" : " ").append(String.format("%,.0f", r)));
                out.printf("    rows/s of each %,d-row slice after the upload: %s (max/min %.2f)%n", slice, line,
                        min == 0 ? 0 : max / min);
            }
            out.printf("    run %s: processed %s = created %s + updated %s + skipped %s + unmatched %s/%s + invalid %s (%s)%n",
                    run.get("runId"), run.get("processed"), run.get("created"), run.get("updated"), run.get("skipped"),
                    run.get("unmatchedTeacher"), run.get("unmatchedEvent"), run.get("invalid"),
                    Boolean.TRUE.equals(run.get("countsAddUp")) ? "adds up" : "MISMATCH");
        }
    }

    private Timed timed(LocalStack stack, ApiClient api, Path file, java.io.PrintWriter err) throws Exception {
        Map<String, Double> before = CpuSeconds.snapshot(stack.pipelinePid(), stack.infraPids());
        java.time.Instant began = java.time.Instant.now();
        long t0 = System.nanoTime();
        Map<String, Object> receipt = api.upload("pathful", file, Map.of("academicYear", BenchData.YEAR));
        long uploaded = System.nanoTime();
        Slices slices = new Slices(uploaded, slice);
        Map<String, Object> run = RunWaiter.await(api, receipt.get("runId").toString(), Duration.ofMinutes(30), err,
                Duration.ofMillis(100), slices::seen);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> cpu = CpuSeconds.spent(before, CpuSeconds.snapshot(stack.pipelinePid(), stack.infraPids()));
        if (run == null || !"COMPLETED".equals(run.get("status"))) {
            err.println("polaris: the benchmark run did not complete: " + run);
            return null;
        }
        return new Timed(seconds, (uploaded - t0) / 1e9, run, slices.rates(), slice, cpu, began, java.time.Instant.now());
    }

    private Path kit() {
        if (peersKit != null) {
            return peersKit;
        }
        String env = System.getenv("POLARIS_BENCH_PEERS");
        return env != null && !env.isBlank() ? Path.of(env) : StackOptions.home().resolve("../shared/bench-peers").normalize();
    }

    private static void importAndWait(ApiClient api, String kind, Path file, java.io.PrintWriter err) throws Exception {
        Map<String, Object> receipt = api.upload(kind, file, Map.of("academicYear", BenchData.YEAR));
        Map<String, Object> run = RunWaiter.await(api, receipt.get("runId").toString(), Duration.ofMinutes(10), err);
        if (run == null || !"COMPLETED".equals(run.get("status"))) {
            throw new IOException(kind + " import did not complete: " + run);
        }
    }

    /** Same rows, same table, one connection, batches of 1,000 in a transaction each, rewritten into multi-row inserts. */
    private static double bareUpsert(String url, BenchData data) throws SQLException {
        String rewrite = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(rewrite, System.getenv().getOrDefault("POLARIS_DB_USER", "postgres"),
                System.getenv().getOrDefault("POLARIS_DB_PASSWORD", ""))) {
            long[] eventIds = new long[data.events];
            long[] teacherIds = new long[data.teachers];
            try (Statement s = c.createStatement()) {
                s.execute("truncate event_teacher");
                var rs = s.executeQuery("select id, pathful_session_id from event");
                while (rs.next()) {
                    eventIds[Integer.parseInt(rs.getString(2).substring(3)) - 100_000] = rs.getLong(1);
                }
                rs = s.executeQuery("select id, email from teacher_progress");
                while (rs.next()) {
                    String email = rs.getString(2);
                    teacherIds[Integer.parseInt(email.substring(7, email.indexOf('@')))] = rs.getLong(1);
                }
            }
            c.setAutoCommit(false);
            String sql = """
                    insert into event_teacher (event_id, teacher_email, teacher_progress_id, status, session_start,
                        pathful_session_id, participant_type) values (?, ?, ?, ?, ?, ?, 'Volunteer')
                    on conflict (event_id, teacher_email) do update set status = excluded.status,
                        session_start = excluded.session_start, updated_at = now()
                    """;
            String[] statuses = {"attended", "registered", "no_show", "attended", "cancelled"};
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < data.rows; i++) {
                    int e = i % data.events;
                    int t = (i / data.events + e) % data.teachers;
                    ps.setLong(1, eventIds[e]);
                    ps.setString(2, BenchData.email(t));
                    ps.setLong(3, teacherIds[t]);
                    ps.setString(4, statuses[i % statuses.length]);
                    ps.setObject(5, OffsetDateTime.of(2024, 9, 2, 8 + e % 8, 30, 0, 0, ZoneOffset.ofHours(-5)).plusDays(e % 240));
                    ps.setString(6, "S-" + i);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    static void recreate(String url) throws IOException {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        String name = url.substring(slash + 1).replaceFirst("[?].*", "");
        String admin = url.substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, System.getenv().getOrDefault("POLARIS_DB_USER", "postgres"),
                System.getenv().getOrDefault("POLARIS_DB_PASSWORD", "")); Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\" with (force)");
            s.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IOException("cannot recreate the benchmark database " + url + ": " + e.getMessage(), e);
        }
    }

    /** Peak resident set size of a process (VmHWM), in KB; 0 when unknown. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

}
