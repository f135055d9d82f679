package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.launcher.it.PipelineResource;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.peer.QueryResult;
import org.polaris.salesforce.sync.SalesforceSchedule;
import org.polaris.salesforce.sync.Steps;
import org.polaris.salesforce.sync.SyncLedger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Playbook D end to end: the runner reads a generated org of 5,000 contacts (messy on purpose) from
 * FakeSalesforce over HTTP (OAuth client credentials, REST queryAll paging, Bulk API 2.0 above the
 * configured count), the runs go through the real broker, the normalizer and the writer into
 * PostgreSQL, and the CLI prints Playbook D's summaries. Every expected count is computed from the
 * peer's own records with the same selection the sync uses.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesforceSyncIT {

    private static final String TEACHERS = "Contact_Type__c = 'Teacher'";
    private static final String EVENTS = "Session_Status__c != 'Draft' AND Session_Type__c != 'Connector Session'";
    private static final String ORGANIZATIONS = "Type = null OR Type NOT IN ('School', 'School District')";
    private static final String SCHOOLS = "Type IN ('School', 'School District')";
    private static final String PARTICIPATIONS = "Participant_Type__c IN ('Volunteer', 'Teacher')";
    private static final String VOLUNTEERS = "Contact_Type__c = 'Volunteer' OR Contact_Type__c = null";

    private static FakeSalesforce sf;

    @TestHTTPResource("/")
    URL url;

    @Inject
    AgroalDataSource db;

    @Inject
    SalesforceSchedule schedule;

    @Inject
    SyncLedger ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void peer() {
        System.setProperty("polaris.user", "admin");
        System.setProperty("polaris.password", "admin-secret");
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        int login = URI.create(config.getValue("polaris.salesforce.login-url", String.class)).getPort();
        int instance = config.getValue("polaris.it.salesforce-instance-port", Integer.class);
        Org org = new Org();
        GeneratedOrg.fill(org, 5_000, 42);
        sf = FakeSalesforce.start(org, login, instance);
        sf.acceptClient(PipelineResource.SALESFORCE_CLIENT_ID, PipelineResource.SALESFORCE_CLIENT_SECRET);
        sf.setPageSize(500);
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
    void onlyGlobalAdministratorsMaySyncAndSalesforceKindsTakeNoUploads() throws Exception {
        RestAssured.given().auth().none().contentType("application/json").body("{}").post("/api/salesforce/sync")
                .then().statusCode(401);
        for (String user : List.of("analyst", "kck")) {
            RestAssured.given().auth().preemptive().basic(user, user + "-secret").contentType("application/json")
                    .body("{}").post("/api/salesforce/sync").then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user, user + "-secret").get("/api/salesforce/status")
                    .then().statusCode(403);
        }
        Path csv = Files.writeString(dir.resolve("teachers.csv"), "Id,FirstName,LastName\n003000000000000001,A,B\n");
        RestAssured.given().multiPart("file", csv.toFile(), "text/csv").post("/api/imports/salesforce-teachers")
                .then().statusCode(404).body("error", containsString("come from their sync (bin/polaris salesforce sync)"));
        Result badFlags = run("salesforce", "sync", "--only", "contacts");
        assertThat(badFlags.code).isEqualTo(2);
        assertThat(badFlags.err).contains("no step contacts (steps: organizations, volunteers");
    }

    @Test
    @Order(2)
    void aFullSyncImportsEveryObjectWithPlaybookDsCountsAndTheTablesHoldThem() throws Exception {
        Result result = run("salesforce", "sync", "--only", "organizations,volunteers,affiliations,events,schools,classes,teachers",
                "--full",
                "--json");
        assertThat(result.code).as(result.err).isZero();
        Map<String, Map<String, Object>> steps = steps(result.out);
        // the runner's order (facts §6): the events step's second run reads the participations, before the teachers
        assertThat(steps.keySet()).containsExactly("organizations", "volunteers", "affiliations", "events",
                "event_participations", "schools", "classes", "teachers");

        Expected organizations = expected("Account", ORGANIZATIONS, "Name");
        Expected schools = expected("Account", SCHOOLS, "Name");
        Expected teachers = expected("Contact", TEACHERS, "FirstName", "LastName");
        Expected events = expected("Session__c", EVENTS, "Name", "Start_Date_and_Time__c");
        Expected volunteers = expected("Contact", VOLUNTEERS, "FirstName", "LastName");
        assertFirstSync(steps.get("volunteers"), volunteers);
        assertThat(steps.get("volunteers").get("bulk")).as("over the bulk threshold").isEqualTo(true);
        assertThat(scalar("select count(*) from volunteer")).isEqualTo(volunteers.created());
        assertThat(scalar("select count(*) from volunteer_email where is_primary")).as("one primary email each")
                .isEqualTo(scalar("select count(distinct volunteer_id) from volunteer_email"));
        assertThat(scalar("select count(*) from volunteer_skill")).isPositive();
        assertThat(scalar("select count(*) from skill")).isEqualTo(5);
        assertThat(scalar("select count(*) from volunteer_email where email <> lower(trim(email))")).isZero();

        // affiliations come after both sides; those whose volunteer or organization is not in Polaris wait
        Expected affiliations = expected("npe5__Affiliation__c", "Id != null", "npe5__Contact__c", "npe5__Organization__c");
        java.util.Set<String> volunteerIds = ids("select salesforce_individual_id from volunteer");
        java.util.Set<String> organizationIds = ids("select salesforce_id from organization");
        long linked = sf.org().query("SELECT npe5__Contact__c, npe5__Organization__c FROM npe5__Affiliation__c", true)
                .rows().stream().filter(row -> row[0] != null && row[1] != null && volunteerIds.contains(row[0].toString())
                        && organizationIds.contains(row[1].toString())).count();
        Map<String, Object> a = steps.get("affiliations");
        assertThat(List.of(a.get("status"), a.get("total"), a.get("created"), a.get("errors"), a.get("waiting")))
                .isEqualTo(List.of("COMPLETED", affiliations.total, (int) linked, affiliations.invalid,
                        affiliations.created() - (int) linked));
        assertThat(affiliations.created() - linked).as("the org has affiliations of missing contacts").isPositive();
        assertThat(scalar("select count(*) from volunteer_organization")).isEqualTo(linked);
        assertFirstSync(steps.get("organizations"), organizations);
        assertFirstSync(steps.get("schools"), schools);
        assertFirstSync(steps.get("teachers"), teachers);
        assertFirstSync(steps.get("events"), events);
        Expected participations = expected("Session_Participant__c", PARTICIPATIONS, "Session__c", "Contact__c",
                "Participant_Type__c");
        Map<String, Object> participationStep = steps.get("event_participations");
        // volunteers came before the participations; teachers come after them
        long withVolunteer = applicable("Volunteer", "select salesforce_individual_id from volunteer");
        assertThat(withVolunteer).isPositive();
        assertThat(List.of(participationStep.get("status"), participationStep.get("total"), participationStep.get("created"),
                participationStep.get("errors"), participationStep.get("waiting"))).as("participations")
                .isEqualTo(List.of("COMPLETED", participations.total, (int) withVolunteer, participations.invalid,
                        participations.created() - (int) withVolunteer));
        assertThat(teachers.invalid).as("the generated org has teachers without a LastName").isPositive();
        assertThat(teachers.deleted).as("and deleted teachers").isPositive();
        assertThat(steps.get("teachers").get("bulk")).as("over the bulk threshold").isEqualTo(true);
        assertThat(steps.get("organizations").get("bulk")).isEqualTo(false);

        // the breakdowns are the org's own, over the events imported
        assertThat(steps.get("events").get("statusBreakdown")).isEqualTo(breakdown("Session_Status__c"));
        assertThat(steps.get("events").get("typeBreakdown")).isEqualTo(breakdown("Session_Type__c"));

        // a full sync checks the object's count in Salesforce against the live records Polaris holds
        assertThat(steps.get("teachers").get("sourceCount")).isEqualTo(sf.org().query(
                "SELECT COUNT() FROM Contact WHERE " + TEACHERS, false).totalSize());
        assertThat(steps.get("teachers").get("polarisCount")).isEqualTo(teachers.created() - teachers.deleted);

        assertThat(scalar("select count(*) from teacher where salesforce_id is not null")).isEqualTo(teachers.created());
        assertThat(scalar("select count(*) from teacher where salesforce_id is not null and deleted"))
                .isEqualTo(teachers.deleted);
        assertThat(scalar("select count(*) from organization")).isEqualTo(organizations.created());
        assertThat(scalar("select count(*) from organization where name like '%''%'")).as("names with apostrophes")
                .isPositive();
        assertThat(scalar("select count(*) from school") + scalar("select count(*) from district"))
                .isEqualTo(schools.created());
        assertThat(scalar("select count(*) from district")).isEqualTo(5);
        assertThat(scalar("select count(*) from event where salesforce_id is not null")).isEqualTo(events.created());
        assertThat(scalar("select count(*) from salesforce_sync_state where watermark is not null")).isEqualTo(8);

        // a child that arrived before its parent: the teachers' participations waited (their teachers came
        // two runs later), as did those whose event is not imported; each row says which parent it waits for
        List<Map<String, Object>> waitingRows = RestAssured.get("/api/runs/" + participationStep.get("runId")
                + "/rows?outcome=WAITING&limit=100000").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(waitingRows).hasSize(participations.created() - (int) withVolunteer);
        assertThat(waitingRows.toString()).contains("waiting for its teacher (Contact__c 003",
                "waiting for its event (Session__c a0A");
        // the teachers' run applied those whose event and teacher are now in Polaris, and said so
        long applicable = applicable("Teacher", "select salesforce_id from teacher where salesforce_id is not null");
        assertThat(applicable).isPositive();
        // classes come before the teachers too: every class with its school waits for its teacher
        Expected classes = expected("Class__c", "Id != null", "Name", "School__c", "Teacher__c");
        java.util.Set<String> schoolIds = ids("select id from school");
        java.util.Set<String> teacherIds = ids("select salesforce_id from teacher where salesforce_id is not null");
        long classesApplied = sf.org().query("SELECT School__c, Teacher__c FROM Class__c", true).rows().stream()
                .filter(row -> row[0] != null && row[1] != null && schoolIds.contains(row[0].toString())
                        && teacherIds.contains(row[1].toString())).count();
        assertThat(List.of(steps.get("classes").get("total"), steps.get("classes").get("created"),
                steps.get("classes").get("waiting"))).isEqualTo(List.of(classes.total, 0, classes.created()));
        assertThat(classesApplied).isPositive();
        assertThat(scalar("select count(*) from class")).isEqualTo(classesApplied);
        assertThat(steps.get("teachers").get("appliedChildren")).isEqualTo((int) (applicable + classesApplied));
        assertThat(scalar("select count(*) from event_participation where participant_type = 'Teacher' "
                + "and teacher_id is not null")).isEqualTo(applicable);
        assertThat(scalar("select count(*) from event_participation where participant_type = 'Volunteer' "
                + "and volunteer_id is not null")).isEqualTo(withVolunteer);
        assertThat(scalar("select count(*) from salesforce_waiting where kind = 'SF_EVENT_PARTICIPATIONS'"))
                .isEqualTo(participations.created() - withVolunteer - applicable);

        // a malformed email is left empty, with a warning that does not repeat it
        Object teacherRun = steps.get("teachers").get("runId");
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + teacherRun + "/warnings").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(warned).isNotEmpty();
        assertThat(warned.toString()).contains("Email is not a valid email address: left empty")
                .doesNotContain("no-at-sign.example.org");
    }

    @Test
    @Order(3)
    void aSecondFullSyncCreatesAndUpdatesNothing() throws Exception {
        Result result = run("salesforce", "sync", "--only", "organizations,volunteers,affiliations,events,schools,classes,teachers",
                "--full",
                "--json");
        assertThat(result.code).as(result.err).isZero();
        for (Map<String, Object> step : steps(result.out).values()) {
            assertThat(step.get("created")).as("created by %s", step.get("step")).isEqualTo(0);
            assertThat(step.get("updated")).as("updated by %s", step.get("step")).isEqualTo(0);
            assertThat(step.get("deleted")).isEqualTo(0);
            assertThat((int) step.get("unchanged")).as("unchanged in %s", step.get("step"))
                    .isEqualTo((int) step.get("total") - (int) step.get("errors") - (int) step.get("waiting"));
        }
    }

    @Test
    @Order(4)
    void aDeltaAfterTenChangesUpdatesExactlyThoseTen() throws Exception {
        Instant watermark = watermark("SF_TEACHERS");
        List<String> changed = validTeacherIds().subList(0, 10);
        sf.org().setClock(sf.org().clock().plusSeconds(7200)); // the changes come two hours after the last sync
        for (String id : changed) {
            sf.org().update("Contact", id, Map.of("Department", "Changed in Salesforce"));
        }

        Result result = run("salesforce", "sync", "--only", "teachers", "--delta", "--json");
        assertThat(result.code).as(result.err).isZero();
        Map<String, Object> step = steps(result.out).get("teachers");
        assertThat(step.get("window")).isEqualTo("since " + watermark.minusSeconds(3600));
        assertThat(step.get("updated")).isEqualTo(10);
        assertThat(step.get("created")).isEqualTo(0);
        // the delta reads what changed since the watermark minus the overlap: the 10, and the last hour before it
        int inWindow = sf.org().query("SELECT Id FROM Contact WHERE (" + TEACHERS + ") AND SystemModstamp >= "
                + watermark.minusSeconds(3600), true).totalSize();
        assertThat(step.get("total")).isEqualTo(inWindow);
        assertThat(scalar("select count(*) from teacher where department = 'Changed in Salesforce'")).isEqualTo(10);
        assertThat(watermark("SF_TEACHERS")).isAfter(watermark);
    }

    @Test
    @Order(5)
    void aRecordDeletedInSalesforceIsSoftDeletedAndComesBackWhenUndeleted() throws Exception {
        String id = validTeacherIds().get(20);
        sf.org().delete("Contact", id);
        Map<String, Object> deleted = steps(run("salesforce", "sync", "--only", "teachers", "--delta", "--json").out)
                .get("teachers");
        assertThat(deleted.get("deleted")).isEqualTo(1);
        assertThat(deleted.get("updated")).isEqualTo(1);
        assertThat(scalar("select count(*) from teacher where salesforce_id = '" + id + "' and deleted")).isEqualTo(1);

        sf.org().undelete("Contact", id);
        Map<String, Object> back = steps(run("salesforce", "sync", "--only", "teachers", "--delta", "--json").out)
                .get("teachers");
        assertThat(back.get("updated")).isEqualTo(1);
        assertThat(back.get("deleted")).isEqualTo(0);
        assertThat(scalar("select count(*) from teacher where salesforce_id = '" + id + "' and not deleted")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aPathfulRowMatchesAnEventThatCameOnlyFromSalesforce() throws Exception {
        String sessionId;
        Instant start;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pathful_session_id, start_date from event where salesforce_id is not null"
                        + " and pathful_session_id is not null and not deleted and natural_key like 'sf:%' "
                        + "and start_date between '2025-08-01' and '2026-06-30' order by salesforce_id limit 1")) {
            assertThat(rs.next()).isTrue();
            sessionId = rs.getString(1);
            start = rs.getTimestamp(2).toInstant();
        }
        String year = "2025-2026";
        Path roster = Files.writeString(dir.resolve("roster.csv"), "Teacher Email,Teacher Name,School,Academic Year,"
                + "Virtual Year,Target Sessions\nsam@sf.example.org,Sam Match,North High," + year + "," + year + ",1\n");
        assertThat(run("import", "roster", roster.toString(), "--academic-year", year, "--district", "SFIT").code).isZero();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(start.atZone(ZoneId.of("America/Chicago")));
        Path pathful = Files.writeString(dir.resolve("pathful.csv"), "SessionId,EventId,TeacherEmail,SessionStart,"
                + "AttendanceStatus\nSF-P-1," + sessionId + ",sam@sf.example.org," + when + ",Attended\n",
                StandardCharsets.UTF_8);

        Result imported = run("import", "pathful", pathful.toString(), "--academic-year", year);
        assertThat(imported.code).as(imported.err).isZero();
        assertThat(imported.out).contains("Rows created: 1", "Rows unmatched (event): 0");
    }

    @Test
    @Order(7)
    void aTokenThatExpiresMidRunIsRenewedAndTheRunCompletes() throws Exception {
        int grants = sf.grantsUsed().size();
        sf.setPageSize(20);
        sf.expireTokensAfter(3);
        Result result = run("salesforce", "sync", "--only", "organizations", "--full");
        sf.setPageSize(500);
        assertThat(result.code).as(result.err).isZero();
        Expected organizations = expected("Account", ORGANIZATIONS, "Name");
        int live = sf.org().query("SELECT COUNT() FROM Account WHERE " + ORGANIZATIONS, false).totalSize();
        assertThat(result.out).contains("organizations: COMPLETED", String.format("""
                  Total Records:       %d
                  Successful:          %d
                  Created:             0
                  Updated:             0
                  Errors:              %d
                  Deleted:             0
                  Source count check:  Salesforce %d, Polaris %d
                """, organizations.total, organizations.created(), organizations.invalid, live, live));
        assertThat(sf.grantsUsed().size()).as("signed in again").isGreaterThan(grants);
    }

    @Test
    @Order(8)
    void theRequestLimitFailsTheStepCleanlyAndMovesNoWatermark() throws Exception {
        Instant before = watermark("SF_ORGANIZATIONS");
        long runs = scalar("select count(*) from import_run where kind = 'SF_ORGANIZATIONS'");
        sf.limitExceeded(true);
        try {
            Result result = run("salesforce", "sync", "--only", "organizations,events", "--delta");
            assertThat(result.code).isEqualTo(3);
            assertThat(result.out).contains("organizations: LIMITED",
                    "Salesforce's 24-hour API request limit is used up", "events: NOT_RUN");
        } finally {
            sf.limitExceeded(false);
        }
        assertThat(watermark("SF_ORGANIZATIONS")).isEqualTo(before);
        assertThat(scalar("select count(*) from import_run where kind = 'SF_ORGANIZATIONS'")).as("nothing published")
                .isEqualTo(runs);

        Result status = run("salesforce", "status");
        assertThat(status.code).isZero();
        assertThat(status.out).contains("organizations", "SF_ORGANIZATIONS", before.toString().substring(0, 16));
    }

    @Test
    @Order(9)
    void credentialsSalesforceRefusesFailTheSyncNamingTheSettingsToCheck() {
        // the session expires and signing in again is refused (the connected app's secret was rotated)
        sf.expireTokens();
        sf.failNextToken(400, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
        Result result = run("salesforce", "sync", "--only", "organizations,teachers", "--delta");
        assertThat(result.code).as(result.out + result.err).isEqualTo(2);
        assertThat(result.out).contains("organizations: REFUSED",
                "Salesforce refused the client-credentials sign-in at http://127.0.0.1:",
                "(400 invalid_client: invalid client credentials): check SF_CLIENT_ID and SF_CLIENT_SECRET",
                "teachers: NOT_RUN").doesNotContain(PipelineResource.SALESFORCE_CLIENT_SECRET);
    }

    @Test
    @Order(10)
    @SuppressWarnings("unchecked")
    void theScheduleRunsEachFiringOnOneReplicaOnly() throws Exception {
        // leadership is exclusive: another replica (another session) gets none until the holder lets go
        try (SyncLedger.Lease first = ledger.lead("it-exclusive").orElseThrow()) {
            assertThat(ledger.lead("it-exclusive")).isEmpty();
        }
        ledger.lead("it-exclusive").orElseThrow().close();

        // history is left to its own test (after the students), which asserts its first import
        Steps.Selection daily = new Steps.Selection(true, false, false, false, null, List.of("history"));
        try (SyncLedger.Lease otherReplica = ledger.lead("salesforce-schedule").orElseThrow()) {
            assertThat(schedule.fire("schedule:daily", daily, true).outcome()).isEqualTo("another replica leads");
        }
        SalesforceSchedule.Firing fired = schedule.fire("schedule:daily", daily, true);
        assertThat(fired.outcome()).isEqualTo("ran");
        Map<String, Object> sync = RestAssured.get("/api/salesforce/syncs/" + fired.syncId().orElseThrow()).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertThat((List<Map<String, Object>>) sync.get("steps")).extracting(s -> s.get("step") + " " + s.get("status"))
                .containsExactly("organizations COMPLETED", "volunteers COMPLETED", "affiliations COMPLETED",
                        "events COMPLETED", "event_participations COMPLETED");
        assertThat((List<String>) sync.get("notInThisBuild")).isEmpty();
        assertThat(sync.get("triggeredBy")).isEqualTo("schedule:daily");
        assertThat(scalar("select count(*) from import_run where triggered_by = 'schedule:daily'")).isEqualTo(5);

        // a replica whose clock is a little behind fires the same job after: the firing has been served
        assertThat(schedule.fire("schedule:daily", daily, true).outcome()).isEqualTo("already run by another replica");
        assertThat(scalar("select count(*) from import_run where triggered_by = 'schedule:daily'")).isEqualTo(5);

        Result status = run("salesforce", "status");
        assertThat(status.out).contains("Schedule: daily --delta: off; weekly --full: off",
                "Last sync " + fired.syncId().orElseThrow() + " by schedule:daily");
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void studentsAndTheirParticipationsAreReadUnderStudentsInChunks() throws Exception {
        Result result = run("salesforce", "sync", "--students", "--json");
        assertThat(result.code).as(result.err).isZero();
        Map<String, Map<String, Object>> steps = steps(result.out);
        assertThat(steps.keySet()).containsExactly("student_participations", "students");
        // read before the students (facts §6), the participations wait for them; the students' run applies them
        Expected participations = expected("Session_Participant__c", "Participant_Type__c = 'Student'", "Session__c",
                "Contact__c", "Participant_Type__c");
        Map<String, Object> p = steps.get("student_participations");
        assertThat(List.of(p.get("status"), p.get("total"), p.get("created"), p.get("errors"), p.get("waiting")))
                .isEqualTo(List.of("COMPLETED", participations.total, 0, participations.invalid, participations.created()));
        Expected students = expected("Contact", "Contact_Type__c = 'Student'", "FirstName", "LastName");
        assertFirstSync(steps.get("students"), students);
        assertThat(steps.get("students").get("chunks")).as("chunks of 250").isEqualTo((students.total + 249) / 250);
        assertThat(scalar("select count(*) from student")).isEqualTo(students.created());
        long applicable = applicable("Student", "select salesforce_individual_id from student");
        assertThat(applicable).isPositive();
        assertThat(steps.get("students").get("appliedChildren")).isEqualTo((int) applicable);
        assertThat(scalar("select count(*) from event_participation where participant_type = 'Student' "
                + "and student_id is not null")).isEqualTo(applicable);
        Map<String, Object> sync = ApiClient.JSON.readValue(result.out, new TypeReference<>() { });
        assertThat((List<String>) sync.get("notInThisBuild")).isEmpty();
    }

    @Test
    @Order(12)
    @SuppressWarnings("unchecked")
    void historyLinksTasksByContactAndEmailsByAddressAndWhatHasNoContactYetWaitsForIt() throws Exception {
        Result result = run("salesforce", "sync", "--only", "history", "--full", "--json");
        assertThat(result.code).as(result.err).isZero();
        Map<String, Object> h = steps(result.out).get("history");

        // expected from the peer: a Task's contact by WhoId, an EmailMessage's by its address, among all contacts in Polaris
        java.util.Set<String> contactIds = ids("select salesforce_individual_id from volunteer union "
                + "select salesforce_id from teacher where salesforce_id is not null union "
                + "select salesforce_individual_id from student");
        java.util.Set<String> addresses = ids("select email from volunteer_email union "
                + "select email from teacher where email is not null union select email from student where email is not null");
        List<Object[]> tasks = sf.org().query("SELECT WhoId FROM Task", true).rows();
        List<Object[]> emails = sf.org().query("SELECT Incoming, FromAddress, ToAddress FROM EmailMessage", true).rows();
        int linked = (int) tasks.stream().filter(t -> contactIds.contains(String.valueOf(t[0]))).count();
        int invalid = 0;
        for (Object[] e : emails) {
            java.util.Optional<String> address = org.polaris.normalizer.rules.Emails.normalize(
                    String.valueOf(Boolean.TRUE.equals(e[0]) ? e[1] : e[2]).split("[;,]", 2)[0]);
            if (address.isEmpty()) {
                invalid++;
            } else if (addresses.contains(address.get())) {
                linked++;
            }
        }
        int total = tasks.size() + emails.size();
        int waiting = total - linked - invalid;
        assertThat(List.of(h.get("status"), h.get("total"), h.get("created"), h.get("alreadyExist"),
                h.get("noMatchingContact"), h.get("otherErrors"), h.get("totalSkipped"))).as("%s", h)
                .isEqualTo(List.of("COMPLETED", total, linked, 0, waiting, invalid, waiting + invalid));
        assertThat(waiting).as("the org has history of contacts Polaris does not import").isPositive();
        assertThat(h.get("sourceCount")).isEqualTo(total);
        assertThat(scalar("select count(*) from history")).isEqualTo(linked);
        // linked to its one contact; an address two contacts share (the org has some) links to neither, and says so
        long shared = scalar("select count(*) from history h where h.source = 'EmailMessage' and (select count(*) from ("
                + "select v.salesforce_individual_id from volunteer_email ve join volunteer v on v.id = ve.volunteer_id "
                + "where ve.email = h.contact_email union select t.salesforce_id from teacher t where t.email = h.contact_email "
                + "and t.salesforce_id is not null union select s.salesforce_individual_id from student s "
                + "where s.email = h.contact_email) c) > 1");
        assertThat(shared).isPositive();
        assertThat(scalar("select count(*) from history where volunteer_id is null and teacher_id is null "
                + "and student_id is null")).isEqualTo(shared);
        assertThat(h.get("warnings")).isEqualTo((int) shared);
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + h.get("runId") + "/warnings").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(warned.toString()).contains("the message's address belongs to 2 contacts: linked to none")
                .doesNotContain("@example");
        assertThat(scalar("select count(*) from history where source = 'EmailMessage'")).isPositive();
        assertThat(scalar("select count(*) from history where event_id is not null")).as("linked to its session too")
                .isPositive();
        // the playbook's block in the run's summary, and reasons that name no address
        String summary = RestAssured.get("/api/runs/" + h.get("runId")).then().statusCode(200).extract().asString();
        assertThat(summary).contains("No matching contact", "Total skipped");
        List<Map<String, Object>> waitingRows = RestAssured.get("/api/runs/" + h.get("runId")
                + "/rows?outcome=WAITING&limit=100000").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(waitingRows).hasSize(waiting);
        assertThat(waitingRows.toString()).contains("waiting for its contact (WhoId 003")
                .doesNotContain("@nowhere.example.com");

        // a Task of a contact Polaris does not import (a Parent) waits; the contact becomes a teacher with the
        // address of a waiting message: the teachers' run applies both, and counts them
        String contact = null;
        for (String id : ids("select parent_id from salesforce_waiting where kind = 'SF_HISTORY' and parent_kind = 'SF_CONTACT'")) {
            if (sf.org().get("Contact", id) != null) {
                contact = id;
                break;
            }
        }
        assertThat(contact).as("a waiting Task of a contact in the org").isNotNull();
        String address = ids("select parent_id from salesforce_waiting where kind = 'SF_HISTORY' "
                + "and parent_kind = 'SF_CONTACT_EMAIL'").iterator().next();
        long forContact = scalar("select count(*) from salesforce_waiting where parent_id = '" + contact
                + "' and parent_kind in ('SF_CONTACT', 'SF_TEACHERS')");
        long forAddress = scalar("select count(*) from salesforce_waiting where parent_id = '" + address + "'");
        long tasksOfContact = scalar("select count(*) from salesforce_waiting where kind = 'SF_HISTORY' and parent_id = '"
                + contact + "'");
        sf.org().setClock(sf.org().clock().plusSeconds(60));
        sf.org().update("Contact", contact, Map.of("Contact_Type__c", "Teacher", "FirstName", "Sam", "LastName", "O'Hara",
                "Email", address));
        Map<String, Object> teachers = steps(run("salesforce", "sync", "--only", "teachers", "--delta", "--json").out)
                .get("teachers");
        assertThat(teachers.get("created")).isEqualTo(1);
        assertThat(teachers.get("appliedChildren")).isEqualTo((int) (forContact + forAddress));
        assertThat(scalar("select count(*) from history h join teacher t on t.id = h.teacher_id where t.salesforce_id = '"
                + contact + "'")).isEqualTo(tasksOfContact + forAddress);
        assertThat(scalar("select count(*) from salesforce_waiting where parent_id in ('" + contact + "', '" + address
                + "')")).isZero();

        // and a second full read of history changes nothing: what waits still waits, the rest is unchanged
        Map<String, Object> again = steps(run("salesforce", "sync", "--only", "history", "--full", "--json").out)
                .get("history");
        assertThat(List.of(again.get("created"), again.get("updated"), again.get("alreadyExist"),
                again.get("noMatchingContact"))).isEqualTo(List.of(0, 0, linked + (int) (tasksOfContact + forAddress),
                waiting - (int) (tasksOfContact + forAddress)));
    }

    @Test
    @Order(13)
    void theLastStepAffiliatesEventsWithoutADistrictThroughTheirSchoolOrTheirParticipants() throws Exception {
        long unaffiliated = scalar("select count(*) from event where salesforce_id is not null and not deleted "
                + "and district_salesforce_id is null");
        long bySchool = scalar("select count(*) from event e join school s on s.id = e.school_salesforce_id "
                + "where e.salesforce_id is not null and not e.deleted and e.district_salesforce_id is null "
                + "and s.district_salesforce_id is not null");
        Result dry = run("salesforce", "sync", "--only", "unaffiliated_events", "--validate-only", "--json");
        assertThat(dry.code).as(dry.err).isZero();
        Map<String, Object> d = steps(dry.out).get("unaffiliated_events");
        assertThat(List.of(d.get("status"), d.get("kind"), d.get("unaffiliated"), d.get("bySchool")))
                .isEqualTo(List.of("COMPLETED", "POLARIS", (int) unaffiliated, (int) bySchool));
        assertThat(unaffiliated).as("the org has sessions without a District__c").isPositive();
        assertThat(scalar("select count(*) from event where affiliated_by is not null")).as("a dry run").isZero();

        Result result = run("salesforce", "sync", "--only", "unaffiliated_events");
        assertThat(result.code).as(result.err).isZero();
        long byParticipants = (int) d.get("byParticipants");
        assertThat(result.out).contains("unaffiliated_events: COMPLETED", String.format("""
                  Unaffiliated events:  %d
                  By their school:      %d
                  By participants:      %d
                  Still unaffiliated:   %d
                  Changed:              %d
                """, unaffiliated, bySchool, byParticipants, unaffiliated - bySchool - byParticipants,
                bySchool + byParticipants));
        assertThat(scalar("select count(*) from event e join school s on s.id = e.school_salesforce_id "
                + "where e.affiliated_by = 'school' and e.affiliated_district_salesforce_id = s.district_salesforce_id"))
                .isEqualTo(bySchool);
        assertThat(scalar("select count(*) from event where affiliated_by = 'participants'")).isEqualTo(byParticipants);
        // run again: nothing changes
        Map<String, Object> again = steps(run("salesforce", "sync", "--only", "unaffiliated_events", "--json").out)
                .get("unaffiliated_events");
        assertThat(List.of(again.get("updated"), again.get("unchanged"))).isEqualTo(List.of(0, (int) unaffiliated));
    }

    // --- expectations from the peer's own records ---

    /** Records the selection returns (deleted ones too, as queryAll), those missing a required field, the deleted valid ones. */
    private record Expected(int total, int invalid, int deleted) {
        int created() {
            return total - invalid;
        }
    }

    private static Expected expected(String sobject, String where, String... required) {
        QueryResult r = sf.org().query("SELECT Id, IsDeleted, " + String.join(", ", required) + " FROM " + sobject
                + " WHERE " + where, true);
        int invalid = 0;
        int deleted = 0;
        for (Object[] row : r.rows()) {
            boolean ok = true;
            for (int i = 2; i < row.length; i++) {
                ok &= row[i] != null && !row[i].toString().isBlank();
            }
            if (!ok) {
                invalid++;
            } else if (Boolean.TRUE.equals(row[1])) {
                deleted++;
            }
        }
        return new Expected(r.rows().size(), invalid, deleted);
    }

    private static void assertFirstSync(Map<String, Object> step, Expected e) {
        assertThat(step.get("status")).as("%s: %s", step.get("step"), step.get("message")).isEqualTo("COMPLETED");
        assertThat(List.of(step.get("total"), step.get("successful"), step.get("created"), step.get("updated"),
                step.get("errors"), step.get("deleted"))).as("%s", step.get("step"))
                .isEqualTo(List.of(e.total, e.created(), e.created(), 0, e.invalid, e.deleted));
    }

    private static Map<String, Integer> breakdown(String field) {
        QueryResult r = sf.org().query("SELECT " + field + ", Name, Start_Date_and_Time__c FROM Session__c WHERE "
                + EVENTS, true);
        Map<String, Integer> counts = new TreeMap<>();
        for (Object[] row : r.rows()) {
            if (row[1] != null && row[2] != null) {
                counts.merge(row[0] == null ? "(blank)" : row[0].toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<String> validTeacherIds() {
        QueryResult r = sf.org().query("SELECT Id, FirstName, LastName FROM Contact WHERE " + TEACHERS, false);
        List<String> ids = new ArrayList<>();
        for (Object[] row : r.rows()) {
            if (row[1] != null && !row[1].toString().isBlank() && row[2] != null && !row[2].toString().isBlank()) {
                ids.add(row[0].toString());
            }
        }
        return ids;
    }

    /** Valid participations of this type whose event and contact are both in Polaris. */
    private long applicable(String type, String contactIds) throws Exception {
        java.util.Set<String> events = ids("select salesforce_id from event where salesforce_id is not null");
        java.util.Set<String> contacts = ids(contactIds);
        QueryResult r = sf.org().query("SELECT Session__c, Contact__c FROM Session_Participant__c "
                + "WHERE Participant_Type__c = '" + type + "'", true);
        return r.rows().stream().filter(row -> row[0] != null && row[1] != null && events.contains(row[0].toString())
                && contacts.contains(row[1].toString())).count();
    }

    private java.util.Set<String> ids(String sql) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private Instant watermark(String kind) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select watermark from salesforce_sync_state where kind = '" + kind + "'")) {
            assertThat(rs.next()).as("a watermark for %s", kind).isTrue();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> steps(String json) throws Exception {
        Map<String, Object> sync = ApiClient.JSON.readValue(json, new TypeReference<>() { });
        Map<String, Map<String, Object>> byStep = new java.util.LinkedHashMap<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) sync.get("steps")) {
            byStep.put((String) step.get("step"), step);
        }
        return byStep;
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--url", url.toString())).toArray(String[]::new);
        int code = PolarisCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(withUrl);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
