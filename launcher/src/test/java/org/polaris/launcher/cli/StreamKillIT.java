package org.polaris.launcher.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.launcher.it.TestBroker;
import org.polaris.launcher.it.TestDatabase;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.peer.QueryResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 5,000 change events (field updates, deletes, undeletes, creates, events naming several records)
 * published while the pipeline is SIGKILLed and started again twice: Polaris ends in the peer's final
 * state, and the stored replay id is the last event's. Runs in its own JVM with its own broker and database.
 */
class StreamKillIT {

    private static final String CONTACTS = "/data/ContactChangeEvent";
    private static final int EVENTS = 5_000;
    private static final String PASSWORD = "stream-kill-" + System.nanoTime();
    private static final String SECRET = "stream-kill-secret-" + System.nanoTime();

    @TempDir
    Path dir;

    @Test
    void changesPublishedWhileThePipelineIsKilledTwiceEndInSalesforcesState() throws Exception {
        String kafka = TestBroker.bootstrapServers();
        String db = TestDatabase.fresh("polaris_stream_kill_it");
        Org org = new Org();
        GeneratedOrg.fill(org, 2_000, 7);
        List<String> teachers = new ArrayList<>();
        QueryResult r = org.query("SELECT Id, FirstName, LastName FROM Contact WHERE Contact_Type__c = 'Teacher'", false);
        for (Object[] row : r.rows()) {
            if (row[1] != null && !row[1].toString().isBlank() && row[2] != null && !row[2].toString().isBlank()) {
                teachers.add(row[0].toString());
            }
        }
        try (FakeSalesforce sf = FakeSalesforce.start(org)) {
            sf.acceptClient("polaris-stream-kill", SECRET);
            int port = freePort();
            ApiClient api = new ApiClient("http://localhost:" + port, new Credentials("admin", PASSWORD));
            Process pipeline = startPipeline(kafka, db, port, sf, "first");
            try {
                await().atMost(Duration.ofMinutes(3)).until(api::ready);
                await().atMost(Duration.ofMinutes(1)).until(() -> connected(api));
                Set<String> deleted = new HashSet<>();
                int kills = 0;
                for (int i = 0; i < EVENTS; i++) {
                    String t = teachers.get(i % teachers.size());
                    if (i % 50 == 7 && !deleted.contains(t)) {
                        sf.remove("Contact", t);
                        deleted.add(t);
                    } else if (i % 50 == 8 && !deleted.isEmpty()) {
                        String back = deleted.iterator().next();
                        sf.restore("Contact", back);
                        deleted.remove(back);
                    } else if (i % 100 == 9) {
                        teachers.add(sf.create("Contact", Map.of("FirstName", "New", "LastName", "Teacher " + i,
                                "Contact_Type__c", "Teacher", "Department", "v" + i)));
                    } else if (i % 25 == 3) { // one event naming two records
                        String other = teachers.get((i + 1) % teachers.size());
                        org.update("Contact", t, Map.of("Department", "v" + i));
                        org.update("Contact", other, Map.of("Department", "v" + i));
                        sf.streaming().publish(CONTACTS, "Contact", "UPDATE", List.of(t, other),
                                Map.of("Department", "v" + i), List.of(), org.clock());
                    } else if (!deleted.contains(t)) {
                        sf.change("Contact", t, Map.of("Department", "v" + i));
                    }
                    if (i == EVENTS / 3 || i == 2 * EVENTS / 3) {
                        pipeline.destroyForcibly(); // SIGKILL, mid-stream
                        assertThat(pipeline.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        pipeline = startPipeline(kafka, db, port, sf, "restart-" + ++kills);
                    }
                    Thread.sleep(2);
                }
                assertThat(kills).isEqualTo(2);

                // the database ends equal to the peer's state: every teacher's department and deleted flag
                Map<String, String> expected = new HashMap<>();
                QueryResult finalState = org.query("SELECT Id, Department, IsDeleted FROM Contact WHERE "
                        + "Contact_Type__c = 'Teacher' AND LastName != null", true);
                for (Object[] row : finalState.rows()) {
                    if (teachers.contains(row[0].toString())) {
                        expected.put(row[0].toString(), row[1] + "|" + row[2]);
                    }
                }
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(differences(state(db), expected)).isEmpty());
                // the ledger: each teacher created once across the three instances' runs (a change applied again
                // after a restart is an unchanged row, never a second create), no row refused, every run's counts add up
                try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                        "select coalesce(sum(created), 0), coalesce(sum(invalid), 0), count(*), "
                                + "count(*) filter (where created + updated + skipped + invalid + waiting <> processed), "
                                + "(select count(*) from teacher where salesforce_id is not null) "
                                + "from import_run where kind = 'SF_TEACHERS'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("teachers created in the ledger").isEqualTo(rs.getLong(5));
                    assertThat(rs.getLong(2)).as("rows refused").isZero();
                    assertThat(rs.getLong(3)).as("stream runs").isGreaterThanOrEqualTo(2);
                    assertThat(rs.getLong(4)).as("runs whose counts do not add up").isZero();
                }
                long last = sf.streaming().lastReplayId(CONTACTS);
                try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                        "select replay_id from salesforce_stream_state where channel = '" + CONTACTS + "'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(last);
                }
            } finally {
                pipeline.destroy();
                pipeline.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** What Polaris holds that differs from the peer: at most 10 records, and how many in all. */
    private static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new java.util.TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        int n = 0;
        for (String id : ids) {
            if (!java.util.Objects.equals(actual.get(id), expected.get(id))) {
                if (++n <= 10) {
                    out.add(id + ": Polaris " + actual.get(id) + ", Salesforce " + expected.get(id));
                }
            }
        }
        if (n > 10) {
            out.add("... " + n + " records differ in all");
        }
        return out;
    }

    private static Map<String, String> state(String db) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "select salesforce_id, department, deleted from teacher where salesforce_id is not null")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + "|" + rs.getBoolean(3));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean connected(ApiClient api) {
        try {
            Map<String, Object> s = api.object(api.get("api/salesforce/stream"));
            return ((List<Map<String, Object>>) s.get("channels")).stream()
                    .anyMatch(ch -> CONTACTS.equals(ch.get("channel")) && Boolean.TRUE.equals(ch.get("connected")));
        } catch (Exception e) {
            return false;
        }
    }

    private Process startPipeline(String kafka, String db, int port, FakeSalesforce sf, String name) throws IOException {
        String jar = System.getProperty("polaris.app.jar", "target/quarkus-app/quarkus-run.jar");
        Path logs = Files.createDirectories(Path.of("target", "stream-kill-it"));
        Path log = logs.resolve(name + ".log"); // kept under target/ for a failed run's diagnosis
        Path security = dir.resolve("security.properties");
        Files.writeString(security, "polaris.security.users.admin.password-hash="
                + io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(PASSWORD, 4)
                + "\npolaris.security.users.admin.roles=admin\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.config.locations=" + security.toUri(),
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.datasource.jdbc.url=" + db, "-Dpolaris.data-dir=" + dir.resolve("data")));
        cmd.addAll(LocalStack.restartFast()); // as the local stack: a restarted instance takes the killed one's place
        cmd.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user());
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.password());
        pb.environment().put("SF_LOGIN_URL", sf.loginUrl());
        pb.environment().put("SF_CLIENT_ID", "polaris-stream-kill");
        pb.environment().put("SF_CLIENT_SECRET", SECRET);
        pb.environment().put("SF_STREAM_ENABLED", "true");
        pb.environment().put("SF_STREAM_CHANNELS", CONTACTS);
        pb.environment().put("SF_SCHEDULE_DAILY", "off");
        pb.environment().put("SF_SCHEDULE_WEEKLY", "off");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
