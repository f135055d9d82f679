package org.polaris.launcher.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.polaris.launcher.it.TestBroker;
import org.polaris.launcher.it.TestDatabase;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.peer.QueryResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stream's kill tests share: the packaged pipeline started as a child process on the test's
 * broker and database with the stream on, a mixed load of change events published on the peer, and
 * Polaris's teachers compared with the peer's. A failed run leaves the pipelines' logs in
 * {@code target/<name>/}.
 */
final class StreamPipelines {

    static final String CONTACTS = "/data/ContactChangeEvent";
    static final String CLIENT = "polaris-stream-it";

    private final String kafka;
    private final String db;
    private final FakeSalesforce sf;
    private final Path dir;
    private final Path logs;
    private final String password;
    private final String secret;

    StreamPipelines(String kafka, String db, FakeSalesforce sf, Path dir, String logsName, String password,
            String secret) throws IOException {
        this.kafka = kafka;
        this.db = db;
        this.sf = sf;
        this.dir = dir;
        this.logs = Files.createDirectories(Path.of("target", logsName));
        this.password = password;
        this.secret = secret;
        sf.acceptClient(CLIENT, secret);
    }

    /**
     * The pipelines of the test called {@code name} (e.g. {@code stream-kill}), on the shared test
     * broker: its own fresh database ({@code polaris_<name>_it}), logs under {@code target/<name>-it/},
     * and a password and client secret of its own.
     */
    static StreamPipelines named(String name, FakeSalesforce sf, Path dir) throws IOException {
        return new StreamPipelines(TestBroker.bootstrapServers(), TestDatabase.fresh("polaris_" + name.replace('-', '_')
                + "_it"), sf, dir, name + "-it", name + "-" + System.nanoTime(), name + "-secret-" + System.nanoTime());
    }

    /** The teachers of the org whose names are whole (the ones the teachers' rules take). */
    static List<String> teachers(Org org) {
        List<String> teachers = new ArrayList<>();
        QueryResult r = org.query("SELECT Id, FirstName, LastName FROM Contact WHERE Contact_Type__c = 'Teacher'", false);
        for (Object[] row : r.rows()) {
            if (row[1] != null && !row[1].toString().isBlank() && row[2] != null && !row[2].toString().isBlank()) {
                teachers.add(row[0].toString());
            }
        }
        return teachers;
    }

    /**
     * Starts the packaged pipeline with the stream on. {@code instance} names its log, data directory,
     * transactional ids and static group membership: a restart under the same name takes the killed
     * one's place at once; two names are two replicas.
     */
    Process start(String instance, String logName, int port) throws IOException {
        String jar = System.getProperty("polaris.app.jar", "target/quarkus-app/quarkus-run.jar");
        Path security = dir.resolve("security.properties");
        Files.writeString(security, "polaris.security.users.admin.password-hash="
                + io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password, 4)
                + "\npolaris.security.users.admin.roles=admin\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.config.locations=" + security.toUri(),
                "-Dquarkus.http.port=" + port, "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.datasource.jdbc.url=" + db, "-Dpolaris.data-dir=" + dir.resolve("data-" + instance)));
        for (String p : LocalStack.restartFast()) { // the local stack's static membership, one member id per instance
            cmd.add(p.replace("polaris-local-", "polaris-" + instance + "-"));
        }
        cmd.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user());
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", TestDatabase.password());
        pb.environment().put("POLARIS_INGEST_TRANSACTIONAL_ID", "polaris-ingest-" + instance);
        pb.environment().put("SF_LOGIN_URL", sf.loginUrl());
        pb.environment().put("SF_CLIENT_ID", CLIENT);
        pb.environment().put("SF_CLIENT_SECRET", secret);
        pb.environment().put("SF_STREAM_ENABLED", "true");
        pb.environment().put("SF_STREAM_CHANNELS", CONTACTS);
        pb.environment().put("SF_SCHEDULE_DAILY", "off");
        pb.environment().put("SF_SCHEDULE_WEEKLY", "off");
        return pb.redirectErrorStream(true).redirectOutput(logs.resolve(logName + ".log").toFile()).start();
    }

    ApiClient api(int port) {
        return new ApiClient("http://localhost:" + port, new Credentials("admin", password));
    }

    /** Whether the instance behind this API holds the subscription and is subscribed. */
    @SuppressWarnings("unchecked")
    static boolean connected(ApiClient api) {
        try {
            Map<String, Object> s = api.object(api.get("api/salesforce/stream"));
            return ((List<Map<String, Object>>) s.get("channels")).stream()
                    .anyMatch(ch -> CONTACTS.equals(ch.get("channel")) && Boolean.TRUE.equals(ch.get("connected")));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Event {@code i} of a mixed load over the teachers: every 50th a delete, the next an undelete, every
     * 100th a create (added to {@code teachers}), every 25th one event naming two records, else a field update.
     */
    void publish(int i, Org org, List<String> teachers, Set<String> deleted) {
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
        } else if (i % 25 == 3) {
            String other = teachers.get((i + 1) % teachers.size());
            org.update("Contact", t, Map.of("Department", "v" + i));
            org.update("Contact", other, Map.of("Department", "v" + i));
            sf.streaming().publish(CONTACTS, "Contact", "UPDATE", List.of(t, other), Map.of("Department", "v" + i),
                    List.of(), org.clock());
        } else if (!deleted.contains(t)) {
            sf.change("Contact", t, Map.of("Department", "v" + i));
        }
    }

    /** The peer's final state of these teachers: department and deleted flag. */
    static Map<String, String> expected(Org org, List<String> teachers) {
        Set<String> ours = new HashSet<>(teachers);
        Map<String, String> expected = new HashMap<>();
        QueryResult finalState = org.query("SELECT Id, Department, IsDeleted FROM Contact WHERE "
                + "Contact_Type__c = 'Teacher' AND LastName != null", true);
        for (Object[] row : finalState.rows()) {
            if (ours.contains(row[0].toString())) {
                expected.put(row[0].toString(), row[1] + "|" + row[2]);
            }
        }
        return expected;
    }

    /** Polaris's teachers: department and deleted flag. */
    Map<String, String> state() throws Exception {
        Map<String, String> out = new HashMap<>();
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "select salesforce_id, department, deleted from teacher where salesforce_id is not null")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + "|" + rs.getBoolean(3));
            }
        }
        return out;
    }

    /** What Polaris holds that differs from the peer: at most 10 records, and how many in all. */
    static List<String> differences(Map<String, String> actual, Map<String, String> expected) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        int n = 0;
        for (String id : ids) {
            if (!Objects.equals(actual.get(id), expected.get(id))) {
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

    /**
     * The ledger after the load: each teacher created once across the instances' runs (a change applied
     * again after a restart or a takeover is an unchanged row, never a second create), no row refused,
     * every run's counts add up; and the stored replay id is the channel's last.
     */
    void assertLedger(int minRuns) throws Exception {
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "select coalesce(sum(created), 0), coalesce(sum(invalid), 0), count(*), "
                        + "count(*) filter (where created + updated + skipped + invalid + waiting <> processed), "
                        + "(select count(*) from teacher where salesforce_id is not null) "
                        + "from import_run where kind = 'SF_TEACHERS'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("teachers created in the ledger").isEqualTo(rs.getLong(5));
            assertThat(rs.getLong(2)).as("rows refused").isZero();
            assertThat(rs.getLong(3)).as("stream runs").isGreaterThanOrEqualTo(minRuns);
            assertThat(rs.getLong(4)).as("runs whose counts do not add up").isZero();
        }
        long last = sf.streaming().lastReplayId(CONTACTS);
        try (Connection c = TestDatabase.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "select replay_id from salesforce_stream_state where channel = '" + CONTACTS + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the stored replay id").isEqualTo(last);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
