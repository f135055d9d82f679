package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.polaris.launcher.it.PipelineResource;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.peer.QueryResult;
import org.polaris.salesforce.stream.StreamSync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Near-real-time sync: Change Data Capture events on the peer's Bayeux server, read back and applied
 * through the real broker into PostgreSQL, in rolling runs on the same ledger.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceStreamIT {

    private static final String CONTACTS = "/data/ContactChangeEvent";
    private static FakeSalesforce sf;
    private static List<String> teachers;
    private static final String MARK = "Streamed " + UUID.randomUUID().toString().substring(0, 8);

    @TestHTTPResource("/")
    URL url;

    @Inject
    AgroalDataSource db;

    @Inject
    StreamSync stream;

    @Inject
    org.polaris.salesforce.sync.SyncLedger ledger;

    @BeforeAll
    static void peer() {
        System.setProperty("polaris.user", "admin");
        System.setProperty("polaris.password", "admin-secret");
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        int login = URI.create(config.getValue("polaris.salesforce.login-url", String.class)).getPort();
        int instance = config.getValue("polaris.it.salesforce-instance-port", Integer.class);
        Org org = new Org();
        GeneratedOrg.fill(org, 2_000, 42);
        sf = FakeSalesforce.start(org, login, instance);
        sf.acceptClient(PipelineResource.SALESFORCE_CLIENT_ID, PipelineResource.SALESFORCE_CLIENT_SECRET);
        QueryResult r = org.query("SELECT Id, FirstName, LastName FROM Contact WHERE Contact_Type__c = 'Teacher'", false);
        teachers = new ArrayList<>();
        for (Object[] row : r.rows()) {
            if (row[1] != null && !row[1].toString().isBlank() && row[2] != null && !row[2].toString().isBlank()) {
                teachers.add(row[0].toString());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (sf != null) {
            sf.close();
        }
    }

    @Test
    @Order(0)
    void startsFromNoSalesforceRecords() throws Exception {
        org.polaris.launcher.it.SalesforceTables.reset(db);
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from teacher where salesforce_id is not null")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    @Order(1)
    void changesPublishedOnTheStreamReachPolarisInARollingRun() throws Exception {
        Result sync = run("salesforce", "sync", "--only", "teachers", "--full");
        assertThat(sync.code).as(sync.out + sync.err).isZero();
        stream.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> connected(CONTACTS));

        for (String id : teachers.subList(0, 10)) {
            sf.change("Contact", id, Map.of("Department", MARK));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where department = '"
                + MARK + "'") == 10);
        String gone = teachers.get(10);
        sf.remove("Contact", gone);
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where salesforce_id = '"
                + gone + "' and deleted") == 1);
        sf.restore("Contact", gone);
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where salesforce_id = '"
                + gone + "' and not deleted") == 1);
        String created = sf.create("Contact", Map.of("FirstName", "Nia", "LastName", "O'Connor", "Contact_Type__c", "Teacher",
                "Department", MARK));
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where salesforce_id = '"
                + created + "'") == 1);

        // the position is stored once Kafka has the rows: the channel's last replay id
        long last = sf.streaming().lastReplayId(CONTACTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> scalar("select replay_id from salesforce_stream_state where "
                + "channel = '" + CONTACTS + "'") == last);
        Map<String, Object> status = RestAssured.get("/api/salesforce/stream").then().statusCode(200).extract()
                .jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, String> open = (Map<String, String>) status.get("openRuns");
        String runId = open.get("SF_TEACHERS");
        assertThat(runId).as("the teachers' rolling run").isNotNull();

        // closing the rolling run completes it, with the ledger's counts: 13 records read back, each applied once
        RestAssured.post("/api/salesforce/stream/roll").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from import_run where id = '" + runId
                + "' and status = 'COMPLETED'") == 1);
        assertThat(List.of(scalar("select processed from import_run where id = '" + runId + "'"),
                scalar("select created from import_run where id = '" + runId + "'"),
                scalar("select updated from import_run where id = '" + runId + "'"))).isEqualTo(List.of(13L, 1L, 12L));
        assertThat(scalar("select count(*) from import_run where id = '" + runId + "' and triggered_by = '"
                + StreamSync.TRIGGER + "'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aReplayIdSalesforceNoLongerRetainsIsHealedByAQueryAndTheOperatorSeesIt() throws Exception {
        stream.stop();
        sf.streaming().setRetention(2);
        String mark = MARK + " healed";
        for (String id : teachers.subList(20, 25)) {
            sf.change("Contact", id, Map.of("Department", mark)); // missed: the subscriber is down
        }
        stream.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar("select count(*) from teacher where department = '"
                + mark + "'") == 5);
        assertThat(scalar("select heals from salesforce_stream_state where channel = '" + CONTACTS + "'")).isEqualTo(1);
        assertThat(text("select last_heal from salesforce_stream_state where channel = '" + CONTACTS + "'"))
                .contains("is no longer retained by Salesforce", "healed by an incremental query of Contact");
        // the healing run is a run of its own whose trigger says why (its rows are applied before it completes)
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from import_run where kind = "
                + "'SF_TEACHERS' and triggered_by like '" + StreamSync.TRIGGER + ": heal (replay id %' and status = "
                + "'COMPLETED'") == 1);
        sf.streaming().setRetention(10_000);

        // and the stream goes on from new events
        sf.change("Contact", teachers.get(30), Map.of("Department", mark + " after"));
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where department = '"
                + mark + " after'") == 1);
    }

    @Test
    @Order(3)
    void anUnknownClientIsRecoveredAndEventsFlowAgain() throws Exception {
        sf.streaming().dropSessions(); // the next /meta/connect: 403::Unknown client
        String mark = MARK + " after 403";
        sf.change("Contact", teachers.get(40), Map.of("Department", mark));
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar("select count(*) from teacher where department = '"
                + mark + "'") == 1);
        Result status = run("salesforce", "stream", "status");
        assertThat(status.out).contains("Salesforce stream: running, this replica subscribes", CONTACTS, "yes",
                String.valueOf(sf.streaming().lastReplayId(CONTACTS)));
        stream.stop();
        assertThat(RestAssured.given().auth().preemptive().basic("analyst", "analyst-secret")
                .get("/api/salesforce/stream").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void oneReplicaSubscribesAndAnotherTakesOverWhenItLetsGo() throws Exception {
        try (org.polaris.salesforce.sync.SyncLedger.Lease otherReplica = ledger.lead(StreamSync.LEASE).orElseThrow()) {
            stream.start();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !stream.leader());
            Result status = run("salesforce", "stream", "status");
            assertThat(status.out).contains("running, another replica subscribes",
                    "another replica holds the subscription");
        }
        // the other replica let go (or died, closing its connection): this one takes over and resumes
        await().atMost(Duration.ofSeconds(15)).until(() -> stream.leader() && connected(CONTACTS));
        String mark = MARK + " after takeover";
        sf.change("Contact", teachers.get(50), Map.of("Department", mark));
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where department = '"
                + mark + "'") == 1);

        // the lease's connection is cut (a database restart, a network cut): the holder notices, lets go, and,
        // nobody else holding it, takes it again and resumes; it never subscribes without holding it
        long lost = stream.leasesLost();
        assertThat(scalar("select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory' and granted "
                + "and objid = hashtext('" + StreamSync.LEASE + "')::oid")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.leasesLost() == lost + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.leader() && connected(CONTACTS));
        String again = MARK + " after the lease was lost";
        sf.change("Contact", teachers.get(51), Map.of("Department", again));
        await().atMost(Duration.ofSeconds(20)).until(() -> scalar("select count(*) from teacher where department = '"
                + again + "'") == 1);
        stream.stop();
        assertThat(stream.leader()).isFalse();
    }

    @Test
    @Order(5)
    void aGapOverflowResyncsItsObject() throws Exception {
        stream.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> stream.leader() && connected(CONTACTS));
        String mark = MARK + " overflow";
        for (String id : teachers.subList(60, 63)) {
            sf.org().update("Contact", id, Map.of("Department", mark)); // changed with no event of its own
        }
        sf.streaming().publish(CONTACTS, "Contact", "GAP_OVERFLOW", List.of(), Map.of(), List.of(), sf.org().clock());
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar("select count(*) from teacher where department = '"
                + mark + "'") == 3);
        assertThat(text("select last_heal from salesforce_stream_state where channel = '" + CONTACTS + "'"))
                .startsWith("GAP_OVERFLOW on Contact: Salesforce could not send every change; healed by an "
                        + "incremental resync of Contact");
        assertThat(scalar("select heals from salesforce_stream_state where channel = '" + CONTACTS + "'")).isEqualTo(2);
        stream.stop();
        // every stream and healing run ends before the next test class resets the Salesforce tables
        // (the two heals published a run each for volunteers, teachers and students: six, all ended; a run the
        // writer has not entered in the ledger yet is not RUNNING there, so count the ended ones)
        await().atMost(Duration.ofSeconds(60)).until(() -> scalar("select count(*) from import_run where status = "
                + "'COMPLETED' and triggered_by like '" + StreamSync.TRIGGER + ": heal%'") == 6
                && scalar("select count(*) from import_run where status = 'RUNNING' and triggered_by like '"
                + StreamSync.TRIGGER + "%'") == 0);
    }

    @SuppressWarnings("unchecked")
    private boolean connected(String channel) {
        return stream.status().stream().anyMatch(c -> channel.equals(c.get("channel")) && Boolean.TRUE.equals(c.get("connected")));
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private String text(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--url", url.toString())).toArray(String[]::new);
        int code = PolarisCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(withUrl);
        return new Result(code, out.toString(), err.toString());
    }
}
