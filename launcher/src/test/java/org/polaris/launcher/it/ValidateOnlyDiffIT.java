package org.polaris.launcher.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A validate-only run says what it would change, and changes nothing: a Pathful file lists the rows
 * it would create and, for a row it would update, the fields old -> new; a roster file lists the
 * entries its replace would deactivate (and counts them). Its own year, events and teachers.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidateOnlyDiffIT {

    private static final String YEAR = "2031-2032";
    private static final String ROSTER = """
            Teacher Email,Teacher Name,School,Academic Year,Virtual Year
            ida.moss@vd.example.org,Ida Moss,Diff High,2031-2032,2031-2032
            jon.ruiz@vd.example.org,Jon Ruiz,Diff High,2031-2032,2031-2032
            kim.obi@vd.example.org,Kim Obi,Diff Middle,2031-2032,2031-2032
            """;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    @Order(1)
    void setUp(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), "Session ID,Session Title,Date,Time\n"
                + "VD-E1,Diffs,2031-10-01,10:00 AM\n");
        assertThat(Runs.importFile("events", events, null).get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(Runs.importFile("roster", Files.writeString(dir.resolve("roster.csv"), ROSTER), YEAR)))
                .containsExactly(3, 3, 0, 0, 0, 0, 0);
        Path pathful = Files.writeString(dir.resolve("pathful.csv"), """
                SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus
                VD-1,VD-E1,ida.moss@vd.example.org,2031-10-01 10:00,Registered
                """);
        assertThat(Runs.counts(Runs.importFile("pathful", pathful, YEAR))).containsExactly(1, 1, 0, 0, 0, 0, 0);
    }

    @Test
    @Order(2)
    void aValidateOnlyPathfulRunListsTheRowsItWouldCreateAndTheFieldsItWouldUpdate(@TempDir Path dir) throws Exception {
        String before = snapshot();
        Path pathful = Files.writeString(dir.resolve("pathful-2.csv"), """
                SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus
                VD-1,VD-E1,ida.moss@vd.example.org,2031-10-01 10:00,Attended
                VD-2,VD-E1,jon.ruiz@vd.example.org,2031-10-01 10:00,Registered
                """);

        Map<String, Object> run = validateOnly("pathful", pathful);

        assertThat(Runs.counts(run)).containsExactly(2, 1, 1, 0, 0, 0, 0);
        List<Map<String, Object>> changes = changes(run);
        assertThat(changes).extracting(c -> c.get("row"), c -> c.get("action"), c -> c.get("entity"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "UPDATE", "event_teacher"),
                        org.assertj.core.groups.Tuple.tuple(3, "CREATE", "event_teacher"));
        // the update: only the field that changes, old -> new
        assertThat(changes.get(0).get("fields")).isEqualTo(Map.of("status", Map.of("old", "registered", "new", "attended")));
        assertThat(changes.get(0).get("key").toString()).endsWith("|ida.moss@vd.example.org");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> created = (Map<String, Map<String, Object>>) changes.get(1).get("fields");
        assertThat(created.get("status")).containsEntry("new", "registered").containsEntry("old", null);
        assertThat(created.get("pathful_session_id")).containsEntry("new", "VD-2");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aValidateOnlyRosterRunListsTheEntriesItsReplaceWouldDeactivate(@TempDir Path dir) throws Exception {
        String before = snapshot();
        Path roster = Files.writeString(dir.resolve("roster-2.csv"), ROSTER.replace(
                "kim.obi@vd.example.org,Kim Obi,Diff Middle,2031-2032,2031-2032\n", "")
                .replace("Jon Ruiz,Diff High", "Jon Ruiz,Diff Academy"));

        Map<String, Object> run = validateOnly("roster", roster);

        assertThat(Runs.counts(run)).containsExactly(2, 0, 1, 1, 0, 0, 0);
        assertThat(run.get("deactivated")).isEqualTo(1);
        List<Map<String, Object>> changes = changes(run);
        assertThat(changes).extracting(c -> c.get("action"), c -> c.get("key"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UPDATE", "2031-2032|jon.ruiz@vd.example.org"),
                        org.assertj.core.groups.Tuple.tuple("DEACTIVATE", "2031-2032|kim.obi@vd.example.org"));
        assertThat(changes.get(0).get("fields")).isEqualTo(Map.of("building", Map.of("old", "Diff High",
                "new", "Diff Academy")));
        assertThat(changes.get(1).get("row")).isNull();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Db.number(db, "select count(*) from teacher_progress where academic_year = '" + YEAR + "' and active"))
                .isEqualTo(3);
    }

    @Test
    @Order(4)
    void aRunThatWroteWhatItReadHasNoChangesToShow(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events-2.csv"), "Session ID,Session Title,Date\nVD-E2,More,2031-11-01\n");
        Map<String, Object> run = Runs.importFile("events", events, null);
        assertThat(changes(run)).isEmpty();
    }

    private static Map<String, Object> validateOnly(String kind, Path file) {
        return Runs.awaitFinal(RestAssured.given().multiPart("file", file.toFile(), "text/csv")
                .multiPart("academicYear", YEAR).multiPart("validateOnly", "true").post("/api/imports/" + kind)
                .then().statusCode(202).extract().path("runId"));
    }

    private static List<Map<String, Object>> changes(Map<String, Object> run) {
        return RestAssured.get("/api/runs/" + run.get("runId") + "/changes").then().statusCode(200).extract().jsonPath()
                .getList("");
    }

    private String snapshot() throws SQLException {
        return Db.text(db, "select count(*) || '/' || coalesce(sum(hashtext(t::text)), 0) from event_teacher t "
                + "where teacher_email like '%@vd.example.org'") + " " + Db.text(db, "select count(*) || '/' || "
                + "coalesce(sum(hashtext(tp::text)), 0) from teacher_progress tp where academic_year = '" + YEAR + "'");
    }
}
