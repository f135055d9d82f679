package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polaris.salesforce.SalesforceConfig.ObjectQuery;
import org.polaris.salesforce.TestConfig;
import org.polaris.salesforce.client.SalesforceClient;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.sync.Queries;
import org.polaris.salesforce.sync.Steps;

/**
 * The Salesforce sync benchmark ({@code bin/bench-salesforce}, README "Benchmark"): a generated org
 * served by FakeSalesforce (test code, so this is a test-scope program), synced end to end by the
 * local stack (broker JVM, pipeline JVM, PostgreSQL) with {@code POST /api/salesforce/sync --full}.
 * Next to it, in the same run, the peer's own serving rate: the same queries read by the production
 * client alone, nothing published, so the pipeline's figure is not the peer's.
 *
 * <p>The pipeline JVM signs in at {@code SF_LOGIN_URL} (the script exports it, with the client id and
 * secret the peer accepts); the peer listens there.
 */
public final class SalesforceBench {

    /** Every step of the runner (facts §6). */
    private static final List<String> STEPS = Steps.ORDER;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "100000"));
        int sessions = Integer.parseInt(opts.getOrDefault("sessions", "20000"));
        int participations = Integer.parseInt(opts.getOrDefault("participations", "200000"));
        String db = opts.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/polaris_sfbench");
        String heap = opts.getOrDefault("heap", "2g");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);

        URI login = URI.create(System.getenv("SF_LOGIN_URL"));
        err.printf("Generating an org of %,d contacts, %,d sessions, %,d participations...%n", contacts, sessions,
                participations);
        Org org = new Org();
        GeneratedOrg.fill(org, contacts, sessions, participations, 42);
        try (FakeSalesforce sf = FakeSalesforce.start(org, login.getPort(), login.getPort() + 1)) {
            sf.acceptClient(System.getenv("SF_CLIENT_ID"), System.getenv("SF_CLIENT_SECRET"));
            sf.setApiLimit(1_000_000);

            // the peer alone: the same queries, read by the production client, nothing else done
            TestConfig config = new TestConfig();
            config.loginUrl = login.toString();
            config.clientId = System.getenv("SF_CLIENT_ID");
            config.clientSecret = System.getenv("SF_CLIENT_SECRET");
            SalesforceClient client = new SalesforceClient(config, HttpClient.newHttpClient());
            Map<String, ObjectQuery> queries = queries();
            long peerRecords = 0;
            long t0 = System.nanoTime();
            for (ObjectQuery q : queries.values()) {
                String soql = Queries.select(q, java.util.Optional.empty());
                boolean bulk = q.bulk() || client.count(Queries.count(q)) > 50_000;
                peerRecords += bulk ? client.bulkQuery(soql, true, r -> { }) : client.query(soql, true, r -> { });
            }
            double peerSeconds = (System.nanoTime() - t0) / 1e9;

            BenchCommand.recreate(db);
            Path dir = Files.createTempDirectory("polaris-sfbench-");
            try {
                LocalStack.Settings settings = new LocalStack.Settings(StackOptions.home(), dir.resolve("stack"), 18080, db,
                        19092, 0, false, heap);
                Map<String, Object> sync;
                double seconds;
                long pipelinePeak;
                try (LocalStack stack = LocalStack.start(settings, err)) {
                    ApiClient api = new ApiClient(stack.url(), stack.credentials());
                    err.println("Syncing " + String.join(", ", STEPS) + " (--full) through the pipeline...");
                    long s0 = System.nanoTime();
                    String body = ApiClient.JSON.writeValueAsString(Map.of("full", true, "only", STEPS));
                    String id = (String) api.object(api.post("api/salesforce/sync", body)).get("syncId");
                    long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
                    do {
                        Thread.sleep(250);
                        sync = api.object(api.get("api/salesforce/syncs/" + id));
                    } while (!Boolean.TRUE.equals(sync.get("finished")) && System.nanoTime() < deadline);
                    seconds = (System.nanoTime() - s0) / 1e9;
                    pipelinePeak = BenchCommand.peakRssKb(stack.pipelinePid());
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> steps = (List<Map<String, Object>>) sync.get("steps");
                long records = 0;
                out.printf("Salesforce sync benchmark: an org of %,d contacts, %,d sessions, %,d participations; %d cores%n",
                        contacts, sessions, participations, Runtime.getRuntime().availableProcessors());
                for (Map<String, Object> s : steps) {
                    if (!Steps.LOCAL.contains(s.get("step"))) { // the last step reads no records
                        records += ((Number) s.get("total")).longValue();
                    }
                    out.printf("  %-22s %-10s total %,8d  created %,8d  errors %,6d  deleted %,5d  waiting %,7d  applied %,6d%n",
                            s.get("step"), s.get("status"), s.get("total"), s.get("created"), s.get("errors"),
                            s.get("deleted"), s.get("waiting"), s.get("appliedChildren"));
                }
                out.printf("  pipeline, end to end (sync request to the last run's completion): %,d records in %.1f s = %,.0f records/s%n",
                        records, seconds, records / seconds);
                out.printf("  the peer alone (same queries, production client, nothing published): %,d records in %.1f s = %,.0f records/s%n",
                        peerRecords, peerSeconds, peerRecords / peerSeconds);
                out.printf("  peak memory (RSS): pipeline JVM %,d MB (heap limit %s)%n", pipelinePeak / 1024, heap);
            } finally {
                LocalStack.deleteTree(dir);
            }
        }
    }

    /**
     * The objects the steps read, from the pipeline's own defaults (ingest-salesforce's
     * {@code META-INF/microprofile-config.properties}), so the peer is measured on exactly what the sync reads.
     */
    private static Map<String, ObjectQuery> queries() throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = SalesforceConfig.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        String prefix = "polaris.salesforce.objects.";
        Map<String, ObjectQuery> q = new LinkedHashMap<>();
        for (String step : STEPS) {
            for (String run : Steps.runs(step)) {
                for (String name : Steps.queries(run)) {
                    String sobject = p.getProperty(prefix + name + ".sobject");
                    if (sobject != null) {
                        q.put(name, TestConfig.query(sobject, p.getProperty(prefix + name + ".where"),
                                java.util.Arrays.stream(p.getProperty(prefix + name + ".fields").split(","))
                                        .map(String::strip).toList(),
                                Boolean.parseBoolean(p.getProperty(prefix + name + ".bulk", "false"))));
                    }
                }
            }
        }
        return q;
    }

    private SalesforceBench() {
    }
}
