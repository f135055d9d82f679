package org.polaris.launcher.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.launcher.it.TestBroker;
import org.polaris.launcher.it.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The writer is killed (SIGKILL, its JVM gone mid-batch) while a run is being written, then
 * started again: the run finishes with exactly the counts of an undisturbed run, and the tables
 * hold each row once. Redelivered rows (processed but not yet acknowledged when the JVM died)
 * must not be counted twice. Runs in its own JVM with its own broker and database.
 */
class WriterKillIT {

    private static final String YEAR = BenchData.YEAR;
    private static final int ROWS = 60_000;
    private static final int BAD_EACH = 10;
    /** Late enough that several batches are committed while their offsets may not be (throttled commits). */
    private static final int KILL_AFTER = 5_000;
    private static final String PASSWORD = "kill-test-" + System.nanoTime();

    @TempDir
    Path dir;

    @Test
    void aRunWhoseWriterIsKilledFinishesWithTheCountsOfAnUndisturbedRun() throws Exception {
        String kafka = TestBroker.bootstrapServers();
        String db = TestDatabase.fresh("polaris_kill_it");
        BenchData data = new BenchData(ROWS, 300, 2_000);
        data.writeEvents(dir.resolve("events.csv"));
        data.writeRoster(dir.resolve("roster.csv"));
        Path pathful = dir.resolve("pathful.csv");
        data.writePathful(pathful);
        appendBadRows(pathful);
        int total = ROWS + 3 * BAD_EACH;

        int port = freePort();
        ApiClient api = new ApiClient("http://localhost:" + port, new Credentials("admin", PASSWORD));
        Process first = startPipeline(kafka, db, port, "first");
        String runId;
        int processedAtKill;
        try {
            await().atMost(Duration.ofMinutes(3)).until(api::ready);
            assertThat(completed(api, api.upload("events", dir.resolve("events.csv"), Map.of()))).isTrue();
            assertThat(completed(api, api.upload("roster", dir.resolve("roster.csv"), Map.of("academicYear", YEAR)))).isTrue();

            runId = api.upload("pathful", pathful, Map.of("academicYear", YEAR)).get("runId").toString();
            processedAtKill = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> processed(api, runId), p -> p >= KILL_AFTER);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        assertThat(processedAtKill).as("the writer was killed mid-run").isBetween(1, total - 1);
        System.out.printf("killed the pipeline JVM with %d of %d rows recorded%n", processedAtKill, total);

        Process second = startPipeline(kafka, db, port, "second");
        try {
            Map<String, Object> run = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(() -> api.run(runId), r -> !"RUNNING".equals(r.get("status")));

            assertThat(run.get("status")).isEqualTo("COMPLETED");
            // processed, created, updated, skipped, unmatched teacher, unmatched event, invalid
            assertThat(List.of(run.get("processed"), run.get("created"), run.get("updated"), run.get("skipped"),
                    run.get("unmatchedTeacher"), run.get("unmatchedEvent"), run.get("invalid")))
                    .containsExactly(total, ROWS, 0, 0, BAD_EACH, BAD_EACH, BAD_EACH);
            try (Connection c = TestDatabase.connect(db)) {
                assertThat(count(c, "select count(*) from row_outcome where run_id = '" + runId + "'")).isEqualTo(total);
                assertThat(count(c, "select count(*) from event_teacher where first_run_id = '" + runId + "'")).isEqualTo(ROWS);
                assertThat(count(c, "select count(*) from pathful_unmatched_record where run_id = '" + runId + "'"))
                        .isEqualTo(2 * BAD_EACH);
            }
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Rows that end unmatched (unknown teacher, unknown event) and invalid (unknown status). */
    private static void appendBadRows(Path pathful) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < BAD_EACH; i++) {
            b.append("X-T").append(i).append(",").append(BenchData.eventId(0)).append(",nobody").append(i)
                    .append("@elsewhere.org,2024-09-02T08:30:00-05:00,Attended,\n");
            b.append("X-E").append(i).append(",PS-UNKNOWN-").append(i).append(",").append(BenchData.email(i))
                    .append(",2024-09-02T08:30:00-05:00,Attended,\n");
            b.append("X-I").append(i).append(",").append(BenchData.eventId(1)).append(",").append(BenchData.email(i))
                    .append(",2024-09-02T08:30:00-05:00,maybe,\n");
        }
        Files.writeString(pathful, b, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private Process startPipeline(String kafka, String db, int port, String name) throws IOException {
        String jar = System.getProperty("polaris.app.jar", "target/quarkus-app/quarkus-run.jar");
        Path log = dir.resolve(name + ".log");
        Path security = dir.resolve("security.properties");
        Files.writeString(security, "polaris.security.users.admin.password-hash="
                + io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(PASSWORD, 4)
                + "\npolaris.security.users.admin.roles=admin\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.config.locations=" + security.toUri(),
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.datasource.jdbc.url=" + db, "-Dpolaris.data-dir=" + dir.resolve("data"),
                "-jar", jar));
        // the tests' database account (a password, if any, in the environment, not on the command line)
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user());
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.password());
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean completed(ApiClient api, Map<String, Object> receipt) throws Exception {
        Map<String, Object> run = RunWaiter.await(api, receipt.get("runId").toString(), Duration.ofMinutes(2),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return run != null && "COMPLETED".equals(run.get("status"));
    }

    private static int processed(ApiClient api, String runId) {
        try {
            return Reports.num(api.run(runId), "processed");
        } catch (Exception e) {
            return 0; // not in the ledger yet
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
