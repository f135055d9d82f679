package org.polaris.launcher.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.ingest.sheets.FakeGoogle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Playbooks B and C from Google Sheets, end to end: the real Sheets client (service-account JWT
 * exchange, values.get) reads from FakeGoogle over HTTP; the rows go through Kafka, the normalizer,
 * the writer into PostgreSQL. Year 2026-2027 and district KCKPS keep this data apart from other ITs.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SheetsImportIT {

    private static final String YEAR = "2026-2027";
    private static final String ROSTER_SHEET = "1RosterKCKPS2026AbCdEfGhIjKlMnOp";
    private static final String SESSIONS_SHEET = "1VirtualSessions2026AbCdEfGhIjKlM";
    private static final List<String> ROSTER_HEADER = List.of("Teacher Email", "Teacher Name", "School", "Grade",
            "Academic Year", "Virtual Year", "Target Sessions");

    private static long rosterSheet;
    private static long sessionsSheet;

    @ConfigProperty(name = "polaris.sheets.root-url")
    String google;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    @Order(1)
    void anAdministratorRegistersSheetsAndBadRegistrationsAreRefused() {
        rosterSheet = register(ROSTER_SHEET, "teacher_progress_tracking", "KCKPS", "KCK Teachers 26-27")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        sessionsSheet = register(SESSIONS_SHEET, "virtual_sessions", null, "Virtual sessions 26-27")
                .then().statusCode(201).body("headerRows", org.hamcrest.Matchers.equalTo(3))
                .extract().jsonPath().getLong("id");

        register(ROSTER_SHEET, "teacher_progress_tracking", "KCKPS", "again").then().statusCode(409)
                .body("error", containsString("already registered"));
        register(ROSTER_SHEET, "roster", "KCKPS", "x").then().statusCode(400)
                .body("error", containsString("purpose \"roster\" is not one of"));
        sheetBody(ROSTER_SHEET, "virtual_sessions", null, "x", "2024-2026").post("/api/sheets").then().statusCode(400)
                .body("error", containsString("academicYear \"2024-2026\" is not two consecutive years"));
        RestAssured.given().auth().preemptive().basic("analyst", "analyst-secret").contentType(ContentType.JSON)
                .body(Map.of("sheetId", "1SomeOtherSheetAbCdEfGhIj", "purpose", "virtual_sessions",
                        "academicYear", YEAR, "displayName", "x"))
                .post("/api/sheets").then().statusCode(403);
        List<Map<String, Object>> listed = RestAssured.get("/api/sheets?academicYear=" + YEAR).then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(listed).extracting(s -> s.get("sheetId")).containsExactlyInAnyOrder(ROSTER_SHEET, SESSIONS_SHEET);
    }

    @Test
    @Order(2)
    void aRosterSheetImportsWithDuplicatesSkippedAndNamed() throws SQLException {
        rosterRows(List.of(
                teacher("amy.ng@kck.example.org", "Amy Ng", "Washington High School", "2"),
                teacher("Bo.Li@KCK.example.org ", "Bo Li", "Wyandotte High School", ""),
                teacher("cy.diaz@kck.example.org", "Cy Diaz", "Sumner Academy", "1"),
                teacher("amy.ng@kck.example.org", "Amy Ng (again)", "Washington High School", "5"),
                teacher("di.ito@kck.example.org", "Di Ito", "Harmon High School", "1"),
                teacher("ed.oke@kck.example.org", "Ed Oke", "Schlagle High School", "1"),
                List.of(), List.of("", "")));

        Map<String, Object> run = importSheet(rosterSheet, false);

        assertThat(counts(run)).containsExactly(6, 5, 0, 1, 0, 0);
        String runId = run.get("runId").toString();
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + runId + "/warnings").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(warned).singleElement().satisfies(w -> {
            assertThat(w.get("row")).isEqualTo(5);
            assertThat(w.get("warnings").toString()).contains("duplicate of row 2 (same Teacher Email): the first is kept");
        });
        assertThat(text("select target_sessions || ' ' || district from teacher_progress where email = 'amy.ng@kck.example.org'"))
                .isEqualTo("2 KCKPS");
        assertThat(count("select count(*) from teacher_progress where academic_year = '" + YEAR + "' and active")).isEqualTo(5);
    }

    @Test
    @Order(3)
    void reImportingTheSameRosterSkipsEveryRow() throws SQLException {
        String before = roster();
        Map<String, Object> run = importSheet(rosterSheet, false);
        assertThat(counts(run)).containsExactly(6, 0, 0, 6, 0, 0);
        assertThat(roster()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aPathfulImportMatchesATeacherTheRosterSheetAdded(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"),
                "Session ID,Session Title,Date,Time\nKCK-2601,Careers in Energy,2026-10-07,10:00\n", StandardCharsets.UTF_8);
        assertThat(Runs.importFile("events", events, null).get("status")).isEqualTo("COMPLETED");
        Path pathful = Files.writeString(dir.resolve("pathful.csv"),
                "SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus\n"
                        + "K-1,KCK-2601,bo.li@kck.example.org,2026-10-07 10:00,Attended\n", StandardCharsets.UTF_8);

        Map<String, Object> run = Runs.importFile("pathful", pathful, YEAR);

        assertThat(Runs.counts(run)).containsExactly(1, 1, 0, 0, 0, 0, 0);
    }

    @Test
    @Order(5)
    void aRosterWithOneTeacherRemovedDeactivatesExactlyThatOne(@TempDir Path dir) throws Exception {
        rosterRows(List.of(
                teacher("amy.ng@kck.example.org", "Amy Ng", "Washington High School", "2"),
                teacher("bo.li@kck.example.org", "Bo Li", "Wyandotte High School", ""),
                teacher("di.ito@kck.example.org", "Di Ito", "Harmon High School", "1"),
                teacher("ed.oke@kck.example.org", "Ed Oke", "Schlagle High School", "1")));
        String others = text("select string_agg(t::text, E'\\n' order by email) from teacher_progress t "
                + "where academic_year = '" + YEAR + "' and email <> 'cy.diaz@kck.example.org'");

        Map<String, Object> run = importSheet(rosterSheet, false);

        assertThat(counts(run)).containsExactly(4, 0, 0, 4, 1, 0);
        assertThat(text("select active::text from teacher_progress where email = 'cy.diaz@kck.example.org'")).isEqualTo("false");
        assertThat(text("select string_agg(t::text, E'\\n' order by email) from teacher_progress t "
                + "where academic_year = '" + YEAR + "' and email <> 'cy.diaz@kck.example.org'")).isEqualTo(others);

        // the removed teacher no longer matches: the matcher's roster table lost the entry too
        Path events = Files.writeString(dir.resolve("events.csv"),
                "Session ID,Session Title,Date,Time\nKCK-2602,Careers in Law,2026-10-14,10:00\n", StandardCharsets.UTF_8);
        Runs.importFile("events", events, null);
        Path pathful = Files.writeString(dir.resolve("pathful.csv"),
                "SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus\n"
                        + "K-2,KCK-2602,cy.diaz@kck.example.org,2026-10-14 10:00,Registered\n", StandardCharsets.UTF_8);
        Map<String, Object> attendance = Runs.importFile("pathful", pathful, YEAR);
        assertThat(Runs.counts(attendance)).containsExactly(1, 0, 0, 0, 1, 0, 0);
        // and it says why: the teacher is on the roster, deactivated (not "not in the roster")
        assertThat(Runs.rows(attendance.get("runId").toString(), "UNMATCHED_TEACHER").get(0).get("reasons").toString())
                .contains("the teacher's entry on the " + YEAR + " roster is deactivated");
    }

    @Test
    @Order(6)
    void aValidateOnlyImportCountsButWritesNothing() throws SQLException {
        rosterRows(List.of(
                teacher("amy.ng@kck.example.org", "Amy Ng", "Washington High School", "3"),
                teacher("new.one@kck.example.org", "New One", "Harmon High School", "1")));
        String before = roster();

        Map<String, Object> run = importSheet(rosterSheet, true);

        assertThat(run.get("mode")).isEqualTo("VALIDATE");
        // the three active entries the sheet no longer lists would be deactivated: counted and listed, not done
        assertThat(counts(run)).containsExactly(2, 1, 1, 0, 3, 0);
        assertThat(RestAssured.get("/api/runs/" + run.get("runId") + "/changes").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.action == 'DEACTIVATE' }")).hasSize(3);
        assertThat(roster()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void aVirtualSessionSheetReportsItsErrorsAndWarningsPerRow() {
        List<String> header = List.of("Session Title", "Date", "Time", "Teacher Name", "School Name", "District",
                "Status", "Presenter");
        FakeGoogle.sheet(google, SESSIONS_SHEET, "'Sessions'!A1:Z1000", List.of("Sessions"), List.of(
                List.of("Virtual sessions 2026-2027"),
                List.of("Do not edit the column names on row 4"),
                List.of(),
                header,
                List.of("Robotics Live", "10/21/2026", "1:00 PM", "Amy Ng", "Washington High School", "KCKPS",
                        "Completed", "R. Ivers"),
                List.of("Space Careers", "2026-10-28", "", "Ng, Amy", "", "KCKPS", "Completed", "M. Chen"),
                List.of("", "2026-11-04", "9:00 AM", "Di Ito", "Harmon High School", "KCKPS", "Completed", "X"),
                List.of("Coding 101", "11/11", "9:00 AM", "Di Ito", "Harmon High School", "KCKPS", "Completed", "X"),
                List.of("Robotics Live", "10/21/2026", "1:00 PM", "Amy Ng", "Washington High School", "KCKPS",
                        "Completed", "R. Ivers"),
                List.of("Law Day", "2026-12-02", "2:00 PM", "Zed Unknown", "Harmon High School", "KCKPS", "Completed",
                        "J. Doe")));

        Map<String, Object> run = importSheet(sessionsSheet, false);
        String runId = run.get("runId").toString();

        // processed, created, updated, skipped, invalid, registrations, rows with warnings
        assertThat(List.of(run.get("processed"), run.get("created"), run.get("updated"), run.get("skipped"),
                run.get("invalid"), run.get("registrations"), run.get("warnings"))).containsExactly(6, 3, 0, 1, 2, 2, 2);
        List<Map<String, Object>> errors = Runs.rows(runId, "INVALID");
        assertThat(errors).extracting(r -> r.get("row")).containsExactly(7, 8);
        assertThat(errors.get(0).get("reasons").toString()).contains("Session Title is empty");
        assertThat(errors.get(1).get("reasons").toString()).contains("Date \"11/11\" is not a date with a year");
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + runId + "/warnings").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(warned).extracting(r -> r.get("row")).containsExactly(6, 10);
        assertThat(warned.get(0).get("warnings").toString()).contains("Time is empty: 9:00 AM assumed", "School Name is empty");
        assertThat(warned.get(1).get("warnings").toString()).contains("Teacher Name is not on the 2026-2027 roster");
    }

    @Test
    @Order(8)
    void aRosterWithNoValidRowLeavesTheRosterAsItWas() throws SQLException {
        rosterRows(List.of(List.of("not-an-email", "Nobody", "Nowhere", "", YEAR, YEAR, "1")));
        String before = roster();

        Map<String, Object> run = importSheet(rosterSheet, false);

        assertThat(counts(run)).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(run.get("message").toString()).contains("no valid row: the roster of 2026-2027 (KCKPS) was left as it was");
        assertThat(roster()).isEqualTo(before);
    }

    @Test
    @Order(9)
    void accessFollowsTheMatrix() {
        RequestSpecification kck = RestAssured.given().auth().preemptive().basic("kck", "kck-secret");
        RequestSpecification wyco = RestAssured.given().auth().preemptive().basic("wyco", "wyco-secret");
        RequestSpecification analyst = RestAssured.given().auth().preemptive().basic("analyst", "analyst-secret");

        kck.post("/api/sheets/" + rosterSheet + "/import").then().statusCode(202);
        wyco.post("/api/sheets/" + rosterSheet + "/import").then().statusCode(403)
                .body("error", containsString("may not import the roster of KCKPS"));
        analyst.post("/api/sheets/" + rosterSheet + "/import").then().statusCode(202);
        kck.post("/api/sheets/" + sessionsSheet + "/import").then().statusCode(403)
                .body("error", containsString("global administrators only"));
        analyst.post("/api/sheets/" + sessionsSheet + "/import").then().statusCode(403);
        RestAssured.given().auth().none().post("/api/sheets/" + rosterSheet + "/import").then().statusCode(401);
        // district users see their district's runs only
        List<Map<String, Object>> wycoRuns = wyco.get("/api/runs?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(wycoRuns).isEmpty();
        List<Map<String, Object>> kckRuns = kck.get("/api/runs?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(kckRuns).isNotEmpty().allSatisfy(r -> assertThat(r.get("district")).isEqualTo("KCKPS"));
        RestAssured.post("/api/sheets/import?purpose=virtual_sessions&academicYear=2030-2031").then().statusCode(404)
                .body("error", containsString("No Google Sheet configured for virtual_sessions in 2030-2031"));
    }

    private void rosterRows(List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(ROSTER_HEADER);
        all.addAll(rows);
        FakeGoogle.sheet(google, ROSTER_SHEET, "'Roster'!A1:Z1000", List.of("Roster"), all);
    }

    private static List<String> teacher(String email, String name, String school, String target) {
        return List.of(email, name, school, "10", YEAR, YEAR, target);
    }

    private static io.restassured.response.Response register(String sheetId, String purpose, String district, String name) {
        return sheetBody(sheetId, purpose, district, name, YEAR).post("/api/sheets");
    }

    private static RequestSpecification sheetBody(String sheetId, String purpose, String district, String name,
            String year) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("sheetId", sheetId);
        body.put("purpose", purpose);
        body.put("district", district);
        body.put("displayName", name);
        body.put("academicYear", year);
        return RestAssured.given().contentType(ContentType.JSON).body(body);
    }

    private static Map<String, Object> importSheet(long id, boolean validateOnly) {
        String runId = RestAssured.post("/api/sheets/" + id + "/import?validateOnly=" + validateOnly).then()
                .statusCode(202).extract().jsonPath().getString("runId");
        return Runs.awaitFinal(runId);
    }

    /** processed, created, updated, skipped, deactivated, invalid. */
    private static List<Object> counts(Map<String, Object> run) {
        assertThat(run.get("status")).isEqualTo("COMPLETED");
        return List.of(run.get("processed"), run.get("created"), run.get("updated"), run.get("skipped"),
                run.get("deactivated"), run.get("invalid"));
    }

    private String roster() throws SQLException {
        return text("select string_agg(t::text, E'\\n' order by email) from teacher_progress t where academic_year = '"
                + YEAR + "'");
    }

    private int count(String sql) throws SQLException {
        return Integer.parseInt(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
