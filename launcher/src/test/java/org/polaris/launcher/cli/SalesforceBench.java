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
import org.polaris.salesforce.sync.Queries;

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

    private static final List<String> STEPS = List.of("organizations", "volunteers", "affiliations", "events", "schools",
            "teachers", "student_participations", "students");

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
                    records += ((Number) s.get("total")).longValue();
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

    /** The objects the benchmarked steps read, as the pipeline's defaults name them. */
    private static Map<String, ObjectQuery> queries() {
        Map<String, ObjectQuery> q = new LinkedHashMap<>();
        q.put("organizations", TestConfig.query("Account", "Type = null OR Type NOT IN ('School', 'School District')",
                List.of("Name", "Type", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "Phone", "Website"),
                false));
        q.put("volunteers", TestConfig.query("Contact", "Contact_Type__c = 'Volunteer' OR Contact_Type__c = null",
                List.of("FirstName", "LastName", "MiddleName", "Email", "npe01__Preferred_Email__c", "npe01__WorkEmail__c",
                        "Phone", "MobilePhone", "MailingStreet", "MailingCity", "MailingState", "MailingPostalCode", "Title",
                        "Department", "Gender__c", "Racial_Ethnic_Background__c", "Highest_Level_of_Educational__c",
                        "Age_Group__c", "Volunteer_Skills__c", "First_Volunteer_Date__c", "Last_Volunteer_Date__c",
                        "DoNotCall", "npsp__Do_Not_Contact__c", "HasOptedOutOfEmail", "EmailBouncedDate",
                        "npsp__Primary_Affiliation__c", "AccountId"), false));
        q.put("affiliations", TestConfig.query("npe5__Affiliation__c", null,
                List.of("npe5__Contact__c", "npe5__Organization__c", "npe5__Status__c", "npe5__Primary__c"), false));
        q.put("events", TestConfig.query("Session__c",
                "Session_Status__c != 'Draft' AND Session_Type__c != 'Connector Session'",
                List.of("Name", "Session_Type__c", "Session_Status__c", "Start_Date_and_Time__c", "End_Date_and_Time__c",
                        "Format__c", "District__c", "School__c", "Pathful_Session_Id__c"), false));
        q.put("event_participations", TestConfig.query("Session_Participant__c",
                "Participant_Type__c IN ('Volunteer', 'Teacher')",
                List.of("Session__c", "Contact__c", "Status__c", "Participant_Type__c", "Delivery_Hours__c", "Age_Group__c"),
                false));
        q.put("schools", TestConfig.query("Account", "Type IN ('School', 'School District')",
                List.of("Name", "Type", "ParentId", "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode"), false));
        q.put("teachers", TestConfig.query("Contact", "Contact_Type__c = 'Teacher'",
                List.of("FirstName", "LastName", "Email", "Phone", "Department", "Gender__c", "npsp__Primary_Affiliation__c"),
                false));
        q.put("student_participations", TestConfig.query("Session_Participant__c", "Participant_Type__c = 'Student'",
                List.of("Session__c", "Contact__c", "Status__c", "Participant_Type__c", "Delivery_Hours__c", "Age_Group__c"),
                true));
        q.put("students", TestConfig.query("Contact", "Contact_Type__c = 'Student'",
                List.of("FirstName", "LastName", "MiddleName", "Email", "Gender__c", "Racial_Ethnic_Background__c",
                        "Age_Group__c", "npsp__Primary_Affiliation__c"), false));
        return q;
    }

    private SalesforceBench() {
    }
}
