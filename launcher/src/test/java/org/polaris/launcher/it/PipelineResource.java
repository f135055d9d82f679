package org.polaris.launcher.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.polaris.ingest.sheets.FakeGoogle;

/**
 * Points the in-JVM pipeline at the test broker, a fresh PostgreSQL database, and FakeGoogle (the
 * Sheets v4 and OAuth token peer the real Sheets client reads from, with a service-account key).
 */
public class PipelineResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "polaris_it";
    public static final String SALESFORCE_CLIENT_ID = "polaris-it-app";
    public static final String SALESFORCE_CLIENT_SECRET = "polaris-it-secret";

    private FakeGoogle google;
    private Path dir;
    private DatabaseLink link;

    /** Whether the pipeline gets FakeGoogle's service-account key (a test of a pipeline without one says no). */
    protected boolean withSheetsKey() {
        return true;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("polaris-it-");
            google = new FakeGoogle();
            // the pipeline reaches PostgreSQL through a relay a test can cut (DatabaseAwayIT)
            var server = TestDatabase.address();
            link = new DatabaseLink(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
            String database = TestDatabase.fresh(DATABASE);
            String viaLink = "jdbc:postgresql://127.0.0.1:" + link.port() + database.substring(database.lastIndexOf('/'));
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "kafka.bootstrap.servers", TestBroker.bootstrapServers(),
                    "quarkus.datasource.jdbc.url", viaLink,
                    "quarkus.datasource.username", TestDatabase.USER,
                    "quarkus.datasource.password", TestDatabase.PASSWORD,
                    "polaris.data-dir", dir.toString(),
                    "polaris.sheets.root-url", google.rootUrl(),
                    "polaris.sheets.credentials-file", google.writeKeyFile(dir).toString(),
                    "polaris.sheets.initial-backoff", "PT0.05S",
                    // a run without progress for 5 s is stalled (PoisonRecordsIT); it still completes later
                    "polaris.writer.stall-after", "PT5S",
                    "polaris.writer.stall-check", "1s"));
            // the test users (never in the application's own configuration), passwords hashed as in production
            // (bcrypt cost 4: a test does not need the production cost)
            // a small upload limit, so a test can cross it (UploadsIT); production's is 257M
            config.put("quarkus.http.limits.max-body-size", "12M");
            // Salesforce: the pipeline signs in at a login URL where each Salesforce IT starts its FakeSalesforce
            // (the peer's org is the test's to fill and change, so the test starts it, on these ports)
            int login = freePort();
            int instance = freePort();
            config.put("polaris.salesforce.login-url", "http://127.0.0.1:" + login);
            config.put("polaris.it.salesforce-instance-port", String.valueOf(instance));
            config.put("polaris.salesforce.client-id", SALESFORCE_CLIENT_ID);
            config.put("polaris.salesforce.client-secret", SALESFORCE_CLIENT_SECRET);
            // contacts above this count are read with Bulk API 2.0, so both read paths run
            config.put("polaris.salesforce.bulk-threshold", "400");
            config.put("polaris.salesforce.bulk-poll-interval", "PT0.05S");
            config.put("polaris.salesforce.backoff", "PT0.05S");
            config.put("polaris.salesforce.students-chunk-size", "250");
            // no firing during a test run: SalesforceSyncIT fires the schedule's jobs itself
            config.put("polaris.salesforce.schedule.daily", "off");
            config.put("polaris.salesforce.schedule.weekly", "off");
            user(config, "admin", "admin-secret", "admin");
            user(config, "analyst", "analyst-secret", "user");
            user(config, "kck", "kck-secret", "district:KCKPS");
            user(config, "wyco", "wyco-secret", "district:WYCO");
            if (!withSheetsKey()) {
                config.put("polaris.sheets.credentials-file", "");
            }
            return config;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void user(Map<String, String> config, String name, String password, String roles) {
        config.put("polaris.security.users." + name + ".password-hash",
                io.quarkus.elytron.security.common.BcryptUtil.bcryptHash(password, 4));
        config.put("polaris.security.users." + name + ".roles", roles);
    }

    @Override
    public void stop() {
        // the broker stops with the JVM; the database is kept for inspection after a failure
        if (google != null) {
            google.close();
        }
        if (link != null) {
            try {
                link.close();
            } catch (IOException e) {
                // the JVM is ending
            }
        }
        if (dir != null) {
            // the pipeline's data directory (uploads, key file): nothing of a test run is left in /tmp
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }
}
