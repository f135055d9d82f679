package org.polaris.launcher.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pathful rows whose teacher and event do not exist yet are kept pending; once the roster and the
 * events arrive, a REMATCH run publishes the rows that would match now, writes them, and the original
 * run shows them resolved. A row whose event still does not exist stays pending. Its own year, events
 * and teachers.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class RematchIT {

    private static final String YEAR = "2033-2034";

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void rowsKeptUnmatchedAreCompletedByAFollowUpRunOnceTheirTeacherAndEventArrive(@TempDir Path dir) throws Exception {
        Path pathful = Files.writeString(dir.resolve("pathful-early.csv"), """
                SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus
                RM-1,RM-E1,lea.park@rm.example.org,2033-10-04 10:00,Attended
                RM-2,RM-E1,max.udo@rm.example.org,2033-10-04 10:00,Registered
                RM-3,RM-E2,lea.park@rm.example.org,2033-10-11 22:30,Completed
                RM-4,RM-E9,lea.park@rm.example.org,2033-10-18 10:00,Attended
                """);
        Map<String, Object> early = Runs.importFile("pathful", pathful, YEAR);
        String earlyRun = early.get("runId").toString();
        assertThat(Runs.counts(early)).containsExactly(4, 0, 0, 0, 4, 0, 0);
        assertThat(pending()).hasSize(4);

        // the roster alone: the teachers exist, the events do not yet
        Path roster = Files.writeString(dir.resolve("roster.csv"), """
                Teacher Email,Teacher Name,School,Academic Year,Virtual Year
                lea.park@rm.example.org,Lea Park,Rematch High,2033-2034,2033-2034
                max.udo@rm.example.org,Max Udo,Rematch High,2033-2034,2033-2034
                """);
        assertThat(Runs.counts(Runs.importFile("roster", roster, YEAR))).containsExactly(2, 2, 0, 0, 0, 0, 0);

        Path events = Files.writeString(dir.resolve("events.csv"), """
                Session ID,Session Title,Date,Time
                RM-E1,Rematch one,2033-10-04,10:00 AM
                RM-E2,Rematch two,2033-10-11,10:30 PM
                """);
        assertThat(Runs.importFile("events", events, null).get("status")).isEqualTo("COMPLETED");

        Map<String, Object> rematch = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> rematchOf(earlyRun), r -> r != null && "COMPLETED".equals(r.get("status")));

        // the three rows whose teacher and event now exist, as a follow-up run naming the run it completes
        assertThat(rematch.get("window")).isEqualTo(YEAR);
        assertThat(rematch.get("sourceRef").toString()).contains("3 unmatched rows of run " + earlyRun);
        assertThat(Runs.counts(rematch)).containsExactly(3, 3, 0, 0, 0, 0, 0);
        assertThat(rematch.get("countsAddUp")).isEqualTo(true);
        assertThat(Db.number(db, "select count(*) from event_teacher where teacher_email like '%@rm.example.org'")).isEqualTo(3);
        // the session at 22:30 in Chicago keeps its local date
        assertThat(Db.text(db, "select et.session_start at time zone 'America/Chicago' from event_teacher et "
                + "where et.pathful_session_id = 'RM-3'")).isEqualTo("2033-10-11 22:30:00");

        // the original run shows them resolved; the row whose event is still unknown stays pending
        Map<String, Object> original = RestAssured.get("/api/runs/" + earlyRun).then().statusCode(200).extract().path("");
        assertThat(original.get("resolved")).isEqualTo(3);
        assertThat(Runs.counts(original)).containsExactly(4, 0, 0, 0, 4, 0, 0);
        assertThat(pending()).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("runId", earlyRun).containsEntry("row", 5).containsEntry("eventId", "RM-E9");
        });
        List<Map<String, Object>> resolved = RestAssured.given().queryParam("academicYear", YEAR)
                .queryParam("status", "resolved").get("/api/pathful/unmatched").then().statusCode(200).extract()
                .jsonPath().getList("");
        assertThat(resolved).extracting(r -> r.get("row")).containsExactly(2, 3, 4);
        assertThat(resolved).allSatisfy(r -> assertThat(r).containsEntry("resolvedByRun", rematch.get("runId")));

        // a district user may not list them (Pathful runs are no district's)
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/pathful/unmatched")
                .then().statusCode(403);
    }

    private static List<Map<String, Object>> pending() {
        return RestAssured.given().queryParam("academicYear", YEAR).get("/api/pathful/unmatched").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    private static Map<String, Object> rematchOf(String runId) {
        List<Map<String, Object>> runs = RestAssured.get("/api/runs?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("");
        return runs.stream().filter(r -> "REMATCH".equals(r.get("kind")) && String.valueOf(r.get("sourceRef")).contains(runId))
                .findFirst().orElse(null);
    }
}
