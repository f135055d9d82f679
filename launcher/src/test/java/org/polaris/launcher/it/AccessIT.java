package org.polaris.launcher.it;

import java.io.InputStream;
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
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access and privacy, each refusal proved: a district's roster (ACCESS-A, ACCESS-B) cannot take
 * over another district's teacher; VMS teachers are for global users; a district sees its own sheets; one VMS teacher per
 * roster year (a database constraint, and the auto-match leaves a person's links alone); no email of
 * an import reaches the log; the production configuration has no user; a header cannot name who
 * imported. Years 2032-2034 and *.privacy.example.org keep this data apart.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessIT {

    private static final String YEAR = "2032-2033";
    private static final String NEXT = "2033-2034";
    /** What the log must never hold: the domain of every email these tests import. */
    private static final String PII = "privacy.example.org";

    private static final List<String> LOGGED = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    b.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                b.append(' ').append(t);
            }
            synchronized (LOGGED) {
                LOGGED.add(b.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    AgroalDataSource db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void capture() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
        // the application logs through JBoss LogManager (which may not be the JVM's java.util.logging manager)
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void release() {
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").removeHandler(CAPTURE);
    }

    @Test
    @Order(1)
    void aDistrictsRosterCannotTakeOverAnotherDistrictsTeacher() throws Exception {
        Map<String, Object> kck = roster("admin", "admin-secret", "ACCESS-A", YEAR,
                "kim.lee@privacy.example.org,Kim Lee,Wyandotte High,2032-2033,2032-2033\n");
        assertThat(Runs.counts(kck)).containsExactly(1, 1, 0, 0, 0, 0, 0);

        Map<String, Object> wyco = roster("admin", "admin-secret", "ACCESS-B", YEAR,
                "kim.lee@privacy.example.org,Kim Lee,Turner High,2032-2033,2032-2033\n"
                        + "sam.ortiz@privacy.example.org,Sam Ortiz,Turner High,2032-2033,2032-2033\n");

        assertThat(Runs.counts(wyco)).containsExactly(2, 1, 0, 0, 0, 0, 1);
        String reason = Runs.rows(wyco.get("runId").toString(), "INVALID").get(0).get("reasons").toString();
        assertThat(reason).contains("on the 2032-2033 roster of ACCESS-A").contains("may not take the entry over")
                .doesNotContain(PII);
        assertThat(text("select district || ' ' || building from teacher_progress where email = 'kim.lee@privacy.example.org'"))
                .isEqualTo("ACCESS-A Wyandotte High");
    }

    @Test
    @Order(2)
    void vmsTeachersAreForGlobalUsersAndADistrictSeesItsOwnSheets() {
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/teachers/vms?q=a")
                .then().statusCode(403);
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/teachers/vms/salesforce/003X")
                .then().statusCode(403);
        RestAssured.given().auth().preemptive().basic("analyst", "analyst-secret").get("/api/teachers/vms?q=a")
                .then().statusCode(200);

        long kckSheet = sheet("1AccessKckAbCdEfGhIjKlMnOp", "teacher_progress_tracking", "KCKPS");
        long wycoSheet = sheet("1AccessWycoAbCdEfGhIjKlMnO", "teacher_progress_tracking", "WYCO");
        long sessions = sheet("1AccessVsAbCdEfGhIjKlMnOpQ", "virtual_sessions", null);
        List<Integer> seen = RestAssured.given().auth().preemptive().basic("kck", "kck-secret")
                .get("/api/sheets?academicYear=" + YEAR).then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(seen).containsExactly((int) kckSheet);
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/sheets/" + wycoSheet)
                .then().statusCode(404);
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/sheets/" + sessions)
                .then().statusCode(404);
        assertThat(RestAssured.get("/api/sheets?academicYear=" + YEAR).jsonPath().getList("id"))
                .contains((int) kckSheet, (int) wycoSheet, (int) sessions);
    }

    @Test
    @Order(3)
    void oneVmsTeacherPerRosterYearAndAPersonsLinkIsLeftAlone() throws Exception {
        roster("admin", "admin-secret", "ACCESS-A", YEAR,
                "kim.lee@privacy.example.org,Kim Lee,Wyandotte High,2032-2033,2032-2033\n"
                        + "kimberly.lee@privacy.example.org,Kimberly Lee,Wyandotte High,2032-2033,2032-2033\n");
        roster("admin", "admin-secret", "ACCESS-A", NEXT,
                "kim.lee@privacy.example.org,Kim Lee,Wyandotte High,2033-2034,2033-2034\n");
        long kim = vmsTeacher("003P000001", "Kim", "Lee", "kim.lee@privacy.example.org", "Wyandotte High");

        // after a VMS import the auto-match runs year by year: Kim is linked in both years, demoted in neither
        assertThat(link(YEAR, "kim.lee@privacy.example.org")).isEqualTo("AUTO_EMAIL " + kim);
        assertThat(link(NEXT, "kim.lee@privacy.example.org")).isEqualTo("AUTO_EMAIL " + kim);

        // a person links Kim to the other entry of 2032-2033; the auto-match never takes her back
        unmatch("kim.lee@privacy.example.org");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("academicYear", YEAR,
                "email", "kimberly.lee@privacy.example.org", "teacherId", kim)).post("/api/teachers/match")
                .then().statusCode(200);
        RestAssured.post("/api/teachers/auto-match?academicYear=" + YEAR).then().statusCode(200);
        assertThat(link(YEAR, "kimberly.lee@privacy.example.org")).isEqualTo("MANUAL " + kim);
        assertThat(link(YEAR, "kim.lee@privacy.example.org")).doesNotEndWith(" " + kim);

        // and the database refuses a second link of one teacher in one year, whoever writes it
        assertThatThrownBy(() -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("update teacher_progress set teacher_id = " + kim + " where academic_year = '" + YEAR
                        + "' and email = 'kim.lee@privacy.example.org'");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("teacher_progress_one_link_per_year");
    }

    @Test
    @Order(4)
    void aHeaderCannotNameWhoImportedAndTheProductionConfigurationHasNoUser() throws Exception {
        Path file = Files.writeString(dir.resolve("events.csv"), "Session ID,Session Title,Date\nACC-1,Who,2032-10-01\n");
        String runId = RestAssured.given().header("X-Polaris-User", "mallory").multiPart("file", file.toFile())
                .post("/api/imports/events").then().statusCode(202).extract().jsonPath().getString("runId");
        assertThat(Runs.awaitFinal(runId).get("triggeredBy")).isEqualTo("admin");

        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            String production = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(production).doesNotContain("admin-secret").doesNotContainPattern("(?m)^[^#]*users\\.[a-z]+\\.password");
        }
        // a password given in plain text where a hash belongs never opens the door
        RestAssured.given().auth().preemptive().basic("admin", "wrong").get("/api/runs").then().statusCode(401);
    }

    @Test
    @Order(5)
    void noEmailOfAnImportReachesTheLog() throws Exception {
        // a row the database refuses is logged (by its SQL state): its error's detail quotes the whole
        // row ("Failing row contains (...)"), here an email
        Path widgets = Files.writeString(dir.resolve("leaky-widgets.csv"), "Widget ID,Name,Color\n"
                + "leak-1,owner refused@privacy.example.org,ultraviolet\n", StandardCharsets.UTF_8);
        Map<String, Object> run = Runs.importFile("test_widgets", widgets, null);
        assertThat(Runs.counts(run)).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(Runs.rows(run.get("runId").toString(), "INVALID").toString()).doesNotContain(PII)
                .contains("SQLSTATE 23514");
        // the capture sees what the application logs
        org.jboss.logging.Logger.getLogger("org.polaris.writer").warn("capture check");
        synchronized (LOGGED) {
            assertThat(LOGGED).as("log lines").anyMatch(line -> line.contains("capture check"));
            assertThat(LOGGED).noneMatch(line -> line.contains(PII));
        }
    }

    private Map<String, Object> roster(String user, String password, String district, String year, String rows)
            throws Exception {
        Path file = Files.writeString(dir.resolve("roster-" + System.nanoTime() + ".csv"),
                "Teacher Email,Teacher Name,School,Academic Year,Virtual Year\n" + rows, StandardCharsets.UTF_8);
        String runId = RestAssured.given().auth().preemptive().basic(user, password)
                .multiPart("file", file.toFile(), "text/csv").multiPart("academicYear", year)
                .multiPart("district", district).post("/api/imports/roster")
                .then().statusCode(202).extract().jsonPath().getString("runId");
        return Runs.awaitFinal(runId);
    }

    private long vmsTeacher(String id, String first, String last, String email, String school) throws Exception {
        Path file = Files.writeString(dir.resolve("teachers-" + id + ".csv"), "Teacher ID,First Name,Last Name,Email,School\n"
                + id + "," + first + "," + last + "," + email + "," + school + "\n", StandardCharsets.UTF_8);
        Runs.importFile("teachers", file, null);
        return RestAssured.get("/api/teachers/vms/salesforce/" + id).then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private static long sheet(String sheetId, String purpose, String district) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sheetId", sheetId, "purpose", purpose,
                "academicYear", YEAR, "displayName", "access " + sheetId));
        if (district != null) {
            body.put("district", district);
        }
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/sheets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void unmatch(String email) {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("academicYear", YEAR, "email", email))
                .post("/api/teachers/unmatch").then().statusCode(200);
    }

    private String link(String year, String email) throws SQLException {
        return text("select match_status || ' ' || coalesce(teacher_id::text, '-') from teacher_progress "
                + "where academic_year = '" + year + "' and email = '" + email + "'");
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
