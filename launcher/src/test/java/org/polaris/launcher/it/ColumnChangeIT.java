package org.polaris.launcher.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The spec's Column Change Procedure, as an operator walks it (README, "Column change procedure"):
 * a Pathful export whose teacher column is now EducatorEmail is rejected with the fix spelled out;
 * an administrator maps the column; a validate-only replay of the rejected run reads only that
 * run's offsets and counts exactly what an import of the same rows under the original header
 * counts; the replay imports them; replaying a completed run skips every row. Its own year, events
 * and teachers, so what other tests imported does not move its counts.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ColumnChangeIT {

    private static final String YEAR = "2030-2031";
    private static final String HEADER = "SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus,Room\n";
    /** 3 created, 1 unmatched teacher, 1 unmatched event, 1 invalid (bad email). */
    private static final String ROWS = """
            CC-1,CC-E1,ada.cole@cc.example.org,2030-10-01 10:00,Attended,101
            CC-2,CC-E1,bo.diaz@cc.example.org,2030-10-01 10:00,Registered,101
            CC-3,CC-E2,ada.cole@cc.example.org,2030-10-08 13:30,Completed,
            CC-4,CC-E2,nobody@cc.example.org,2030-10-08 13:30,Attended,
            CC-5,CC-E9,bo.diaz@cc.example.org,2030-10-15 09:00,Attended,
            CC-6,CC-E1,not-an-email,2030-10-01 10:00,Attended,
            """;
    private static final List<Object> EXPECTED = List.of(6, 3, 0, 0, 1, 1, 1);

    /** Shared by the ordered steps. */
    private static String rejectedRun;
    private static Map<String, Object> validateOnlyImport;

    @Inject
    AgroalDataSource db;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    @Order(1)
    void referenceDataAndAValidateOnlyImportUnderTheOriginalHeader(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.csv"), """
                Session ID,Session Title,Date,Time
                CC-E1,Column changes 1,2030-10-01,10:00 AM
                CC-E2,Column changes 2,2030-10-08,1:30 PM
                """);
        assertThat(Runs.importFile("events", events, null).get("status")).isEqualTo("COMPLETED");
        Path roster = Files.writeString(dir.resolve("roster.csv"), """
                Teacher Email,Teacher Name,School,Academic Year,Virtual Year
                ada.cole@cc.example.org,Ada Cole,Column High,2030-2031,2030-2031
                bo.diaz@cc.example.org,Bo Diaz,Column High,2030-2031,2030-2031
                """);
        assertThat(Runs.counts(Runs.importFile("roster", roster, YEAR))).containsExactly(2, 2, 0, 0, 0, 0, 0);

        Path original = Files.writeString(dir.resolve("pathful-original.csv"), HEADER + ROWS);
        validateOnlyImport = Runs.awaitFinal(RestAssured.given().multiPart("file", original.toFile(), "text/csv")
                .multiPart("academicYear", YEAR).multiPart("validateOnly", "true").post("/api/imports/pathful")
                .then().statusCode(202).extract().path("runId"));
        assertThat(validateOnlyImport.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(validateOnlyImport)).isEqualTo(EXPECTED);
        assertThat(validateOnlyImport.get("runWarnings").toString()).contains("column \"Room\" is not in the pathful mapping");
        assertThat(Db.number(db, "select count(*) from event_teacher where teacher_email like '%@cc.example.org'")).isZero();
    }

    @Test
    @Order(2)
    void theRenamedColumnIsRejectedWithTheCommandThatFixesIt(@TempDir Path dir) throws Exception {
        Path renamed = Files.writeString(dir.resolve("pathful-renamed.csv"), HEADER.replace("TeacherEmail", "EducatorEmail")
                + ROWS);

        Map<String, Object> run = Runs.importFile("pathful", renamed, YEAR);

        assertThat(run.get("status")).isEqualTo("REJECTED");
        assertThat(run.get("message").toString()).contains("missing required column \"TeacherEmail\" (closest header "
                + "present: \"EducatorEmail\"; if it is that column: bin/polaris mappings set pathful TeacherEmail --alias "
                + "EducatorEmail)");
        assertThat(Runs.counts(run)).containsExactly(0, 0, 0, 0, 0, 0, 0);
        rejectedRun = run.get("runId").toString();
    }

    @Test
    @Order(3)
    void onlyAnAdministratorMayChangeOrReadTheMapping() {
        for (String[] user : List.of(new String[] {"analyst", "analyst-secret"}, new String[] {"kck", "kck-secret"})) {
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).contentType(ContentType.JSON)
                    .body(Map.of("field", "TeacherEmail", "alias", "EducatorEmail")).post("/api/mappings/pathful/aliases")
                    .then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).get("/api/mappings/pathful").then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).post("/api/runs/" + rejectedRun + "/replay")
                    .then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).get("/api/mappings").then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).get("/api/mappings/pathful/history")
                    .then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).queryParam("field", "TeacherEmail")
                    .queryParam("alias", "Teacher Email").delete("/api/mappings/pathful/aliases").then().statusCode(403);
            RestAssured.given().auth().preemptive().basic(user[0], user[1]).contentType(ContentType.JSON)
                    .body(Map.of("extraColumns", "ignore")).put("/api/mappings/pathful/policy").then().statusCode(403);
        }
        // a Pathful run is no district's: a district user sees neither it nor what it would change
        RestAssured.given().auth().preemptive().basic("kck", "kck-secret").get("/api/runs/" + rejectedRun + "/changes")
                .then().statusCode(403);
        RestAssured.given().get("/api/mappings/pathful/history").then().statusCode(200)
                .body("findAll { it.change.contains('EducatorEmail') }.size()", equalTo(0));
    }

    @Test
    @Order(4)
    void theAdministratorMapsTheColumnAndTheHistorySaysWho() {
        int before = RestAssured.get("/api/mappings/pathful").then().statusCode(200).extract().path("version");

        RestAssured.given().contentType(ContentType.JSON).body(Map.of("field", "TeacherEmail", "alias", "EducatorEmail",
                        "note", "Pathful renamed the column in its export"))
                .post("/api/mappings/pathful/aliases").then().statusCode(201)
                .body("version", equalTo(before + 1))
                .body("fields.find { it.label == 'TeacherEmail' }.aliases", org.hamcrest.Matchers.hasItem("EducatorEmail"));

        RestAssured.get("/api/mappings/pathful/history").then().statusCode(200)
                .body("last().changedBy", equalTo("admin"))
                .body("last().change", equalTo("added alias \"EducatorEmail\" to TeacherEmail"))
                .body("last().note", equalTo("Pathful renamed the column in its export"));
        // the version before it is still there as it was
        RestAssured.get("/api/mappings/pathful?version=" + before).then().statusCode(200)
                .body("fields.find { it.label == 'TeacherEmail' }.aliases", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("EducatorEmail")));
    }

    @Test
    @Order(5)
    void aValidateOnlyReplayReadsOnlyTheRunsOffsetsAndCountsWhatTheOriginalHeaderCounts() throws SQLException {
        String before = snapshot();
        Map<String, Object> receipt = RestAssured.given().queryParam("validateOnly", true)
                .post("/api/runs/" + rejectedRun + "/replay").then().statusCode(202).extract().path("");
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) receipt.get("read");
        long first = Db.number(db, "select raw_first_offset from import_run where id = '" + rejectedRun + "'");
        long last = Db.number(db, "select raw_last_offset from import_run where id = '" + rejectedRun + "'");
        String topic = Db.text(db, "select raw_topic from import_run where id = '" + rejectedRun + "'");
        int partition = (int) Db.number(db, "select raw_partition from import_run where id = '" + rejectedRun + "'");
        // exactly the rejected run's rows: its first to its last offset, one record each, nothing before or after
        assertThat(read).containsEntry("topic", topic).containsEntry("partition", partition)
                .containsEntry("rows", 6).containsEntry("records", (int) (last - first + 1));
        assertThat(((Number) read.get("fromOffset")).longValue()).isEqualTo(first);
        assertThat(((Number) read.get("toOffset")).longValue()).isEqualTo(last);
        assertThat(last - first + 1).isEqualTo(6);

        Map<String, Object> run = Runs.awaitFinal(receipt.get("runId").toString());
        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(run.get("mode")).isEqualTo("VALIDATE");
        assertThat(run.get("replayOf")).isEqualTo(rejectedRun);
        assertThat(run.get("mappingVersion").toString()).startsWith("pathful-v");
        assertThat(Runs.counts(run)).isEqualTo(Runs.counts(validateOnlyImport)).isEqualTo(EXPECTED);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(Db.number(db, "select count(*) from pathful_unmatched_record where run_id = '" + run.get("runId") + "'"))
                .isZero();
    }

    @Test
    @Order(6)
    void theReplayImportsTheRowsAndBothRunsNameEachOther() throws SQLException {
        Map<String, Object> receipt = RestAssured.post("/api/runs/" + rejectedRun + "/replay").then().statusCode(202)
                .extract().path("");
        Map<String, Object> run = Runs.awaitFinal(receipt.get("runId").toString());

        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(run.get("mode")).isEqualTo("COMMIT");
        assertThat(Runs.counts(run)).isEqualTo(EXPECTED);
        assertThat(run.get("countsAddUp")).isEqualTo(true);
        assertThat(Db.number(db, "select count(*) from event_teacher where teacher_email like '%@cc.example.org'")).isEqualTo(3);
        RestAssured.get("/api/runs/" + rejectedRun).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("replayedBy", org.hamcrest.Matchers.hasItem(receipt.get("runId")))
                .body("replayedBy.size()", equalTo(2));
    }

    @Test
    @Order(7)
    void replayingACompletedRunSkipsEveryRowItWrote(@TempDir Path dir) throws Exception {
        Path original = Files.writeString(dir.resolve("pathful-original.csv"), HEADER + ROWS);
        Map<String, Object> imported = Runs.importFile("pathful", original, YEAR);
        assertThat(Runs.counts(imported)).containsExactly(6, 0, 0, 3, 1, 1, 1);
        String before = snapshot();

        String replay = RestAssured.post("/api/runs/" + imported.get("runId") + "/replay").then().statusCode(202)
                .extract().path("runId");

        assertThat(Runs.counts(Runs.awaitFinal(replay))).containsExactly(6, 0, 0, 3, 1, 1, 1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void refusalsSayWhy(@TempDir Path dir) throws Exception {
        RestAssured.post("/api/runs/00000000-0000-0000-0000-000000000000/replay").then().statusCode(404)
                .body("error", equalTo("no run 00000000-0000-0000-0000-000000000000"));
        RestAssured.post("/api/runs/not-a-run/replay").then().statusCode(404);

        // a run whose rows the raw topic no longer holds (as past retention): the records before its end are deleted
        Path events = Files.writeString(dir.resolve("events-gone.csv"), "Session ID,Session Title,Date\nCC-G1,Gone,2030-11-01\n");
        Map<String, Object> run = Runs.importFile("events", events, null);
        String id = run.get("runId").toString();
        String topic = Db.text(db, "select raw_topic from import_run where id = '" + id + "'");
        int partition = (int) Db.number(db, "select raw_partition from import_run where id = '" + id + "'");
        long last = Db.number(db, "select raw_last_offset from import_run where id = '" + id + "'");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(last + 1))).all().get();
        }
        String expires = Db.text(db, "select to_char((ended_at + interval '30 days') at time zone 'UTC', 'YYYY-MM-DD') "
                + "from import_run where id = '" + id + "'");

        RestAssured.post("/api/runs/" + id + "/replay").then().statusCode(410)
                .body("error", containsString("the raw rows of run " + id + " expired on " + expires))
                .body("error", containsString("polaris.kafka.raw-retention"));
    }

    /** The alias is the walkthrough's: other tests expect EducatorEmail to be refused, so it goes again. */
    @Test
    @Order(9)
    void removingTheAliasMakesTheNextVersionAndRunsRefuseTheColumnAgain(@TempDir Path dir) throws Exception {
        int before = RestAssured.get("/api/mappings/pathful").then().statusCode(200).extract().path("version");

        RestAssured.given().queryParam("field", "TeacherEmail").queryParam("alias", "EducatorEmail")
                .queryParam("note", "walkthrough over").delete("/api/mappings/pathful/aliases").then().statusCode(201)
                .body("version", equalTo(before + 1));

        RestAssured.get("/api/mappings/pathful/history").then().statusCode(200)
                .body("last().change", equalTo("removed alias \"EducatorEmail\" from TeacherEmail"))
                .body("last().changedBy", equalTo("admin"));
        Path renamed = Files.writeString(dir.resolve("pathful-renamed.csv"), HEADER.replace("TeacherEmail", "EducatorEmail")
                + ROWS);
        Map<String, Object> run = Runs.importFile("pathful", renamed, YEAR);
        assertThat(run.get("status")).isEqualTo("REJECTED");
        assertThat(run.get("mappingVersion")).isEqualTo("pathful-v" + (before + 1));
    }

    private String snapshot() throws SQLException {
        return Db.text(db, "select count(*) || '/' || coalesce(sum(hashtext(t::text)), 0) from event_teacher t "
                + "where teacher_email like '%@cc.example.org'") + " " + Db.text(db, "select count(*) || '/' || "
                + "coalesce(sum(hashtext(e::text)), 0) from event e where pathful_session_id like 'CC-%'");
    }
}
