package org.polaris.launcher.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.schemas.Topics;
import org.polaris.schemas.avro.RunSummary;
import org.polaris.schemas.avro.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.polaris.launcher.it.Runs.SAMPLES;

/**
 * Playbook A end to end, on the real thing: a Kafka KRaft broker, PostgreSQL, the pipeline in
 * this JVM. The steps build on each other (events and roster first, as the playbook says).
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PathfulImportIT {

    private static final String YEAR = "2024-2025";

    @Inject
    AgroalDataSource db;

    @org.junit.jupiter.api.BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    @Order(1)
    void eventsAndRosterLoadReferenceData() throws SQLException {
        Map<String, Object> events = Runs.importFile("events", SAMPLES.resolve("events.csv"), null);
        assertThat(events.get("status")).isEqualTo("COMPLETED");
        assertThat(List.of(events.get("processed"), events.get("created"), events.get("warnings"))).containsExactly(4, 4, 1);

        Map<String, Object> roster = Runs.importFile("roster", SAMPLES.resolve("roster-2024-2025.csv"), YEAR);
        assertThat(Runs.counts(roster)).containsExactly(5, 5, 0, 0, 0, 0, 0);
        assertThat(count("select count(*) from teacher_progress where academic_year = '2024-2025' and active")).isEqualTo(5);
        assertThat(count("select count(*) from event where pathful_session_id like 'PS-%'")).isEqualTo(4);
        // an event without a time starts at 9:00 AM in Chicago (CST in February: 15:00 UTC)
        assertThat(text("select start_date at time zone 'UTC' from event where pathful_session_id = 'PS-1004'"))
                .isEqualTo("2025-02-05 15:00:00");
    }

    @Test
    @Order(2)
    void anEarlierExportCreatesItsRows() {
        Map<String, Object> run = Runs.importFile("pathful", SAMPLES.resolve("pathful-2024-10.csv"), YEAR);
        assertThat(Runs.counts(run)).containsExactly(3, 3, 0, 0, 0, 0, 0);
    }

    @Test
    @Order(3)
    void aFileWithEveryOutcomeKindGivesTheExactCounts() throws Exception {
        Map<String, Object> run = Runs.importFile("pathful", SAMPLES.resolve("pathful-2024-11.csv"), YEAR);
        String runId = run.get("runId").toString();
        // processed, created, updated, skipped, unmatched teacher, unmatched event, invalid
        assertThat(Runs.counts(run)).containsExactly(13, 3, 2, 2, 2, 1, 3);
        assertThat(run.get("countsAddUp")).isEqualTo(true);
        assertThat(run.get("expectedRows")).isEqualTo(13);

        assertThat(count("select count(*) from row_outcome where run_id = '" + runId + "'")).isEqualTo(13);
        assertThat(count("select count(*) from event_teacher where teacher_email like '%@kckps.org'")).isEqualTo(6);
        assertThat(text("select status from event_teacher where teacher_email = 'ana.garcia@kckps.org' "
                + "and event_id = (select id from event where pathful_session_id = 'PS-1001')")).isEqualTo("attended");
        assertThat(count("select count(*) from event_teacher where teacher_email like '%@kckps.org' "
                + "and status = 'attended' and attendance_confirmed_at is not null"))
                .isEqualTo(3);
        assertThat(count("select count(*) from pathful_unmatched_record where run_id = '" + runId + "' and status = 'pending'"))
                .isEqualTo(3);

        List<Map<String, Object>> problems = Runs.rows(runId, "INVALID,UNMATCHED_TEACHER,UNMATCHED_EVENT");
        assertThat(problems).extracting(r -> r.get("row")).containsExactly(9, 10, 11, 12, 13, 14);
        assertThat(problems).extracting(r -> r.get("outcome")).containsExactly(
                "UNMATCHED_TEACHER", "UNMATCHED_EVENT", "UNMATCHED_TEACHER", "INVALID", "INVALID", "INVALID");
        assertThat(problems.get(3).get("reasons").toString()).contains("TeacherEmail is not a valid email address");
        assertThat(problems.get(4).get("reasons").toString()).contains("SessionStart \"2024-13-45 09:00\" is not a date/time");
        assertThat(problems.get(5).get("reasons").toString()).contains("AttendanceStatus \"maybe\" is not one of");
        // no personal data in what operators read
        assertThat(problems.toString()).doesNotContain("@kckps.org");

        // the run's final summary is on the runs topic
        RunSummary last = finalSummary(runId);
        assertThat(last.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(List.of(last.getProcessed(), last.getCreated(), last.getUpdated(), last.getSkipped(),
                last.getUnmatchedTeacher(), last.getUnmatchedEvent(), last.getInvalid())).containsExactly(13, 3, 2, 2, 2, 1, 3);

        // progress of the roster teachers (facts §10)
        RestAssured.get("/api/progress?academicYear=" + YEAR).then().statusCode(200)
                .body("find { it.email == 'ana.garcia@kckps.org' }.status", org.hamcrest.Matchers.equalTo("Achieved"))
                .body("find { it.email == 'ben.okafor@kckps.org' }.status", org.hamcrest.Matchers.equalTo("Achieved"))
                .body("find { it.email == 'cara.lee@kckps.org' }.status", org.hamcrest.Matchers.equalTo("In Progress"))
                .body("find { it.email == 'dev.patel@kckps.org' }.status", org.hamcrest.Matchers.equalTo("In Progress"))
                .body("find { it.email == 'eli.brown@kckps.org' }.status", org.hamcrest.Matchers.equalTo("Not Started"));
    }

    @Test
    @Order(4)
    void importingTheSameFileAgainSkipsEveryMatchedRowAndChangesNothing() throws SQLException {
        String before = tableSnapshot();
        Map<String, Object> run = Runs.importFile("pathful", SAMPLES.resolve("pathful-2024-11.csv"), YEAR);
        assertThat(Runs.counts(run)).containsExactly(13, 0, 0, 7, 2, 1, 3);
        assertThat(tableSnapshot()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aFileMissingARequiredColumnIsRejectedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("renamed.csv");
        Files.writeString(file, Files.readString(SAMPLES.resolve("pathful-2024-11.csv"), StandardCharsets.UTF_8)
                .replace("TeacherEmail", "EducatorEmail"), StandardCharsets.UTF_8);
        String before = tableSnapshot();

        Map<String, Object> run = Runs.importFile("pathful", file, YEAR);

        assertThat(run.get("status")).isEqualTo("REJECTED");
        assertThat(run.get("message").toString())
                .contains("missing required column \"TeacherEmail\" (closest header present: \"EducatorEmail\"; if it is that column: "
                        + "bin/polaris mappings set pathful TeacherEmail --alias EducatorEmail)");
        assertThat(Runs.counts(run)).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(count("select count(*) from row_outcome where run_id = '" + run.get("runId") + "'")).isZero();
        assertThat(tableSnapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void filesThatAreNotCsvAreRefusedWithAReason(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        RestAssured.given().multiPart("file", empty.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("the file is empty"));
        Path binary = Files.write(dir.resolve("export.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 'x'});
        RestAssured.given().multiPart("file", binary.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("binary"));
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "Session ID,Session Title,Date\nPS-1,Caf\u00e9,2025-01-01\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        RestAssured.given().multiPart("file", latin1.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("not UTF-8"));
        RestAssured.given().multiPart("file", latin1.toFile()).post("/api/imports/pathful")
                .then().statusCode(400).body("error", containsString("academicYear"));
    }

    @Test
    @Order(7)
    void everyRunsCountsAddUp() {
        List<Map<String, Object>> runs = RestAssured.get("/api/runs?limit=1000").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(runs).hasSizeGreaterThanOrEqualTo(6);
        assertThat(runs).allSatisfy(r -> assertThat(r.get("countsAddUp")).isEqualTo(true));
        assertThat(runs).filteredOn(r -> "COMPLETED".equals(r.get("status")))
                .allSatisfy(r -> assertThat(r.get("processed")).isEqualTo(r.get("expectedRows")));
    }

    @Test
    @Order(8)
    void finalRunSummariesFeedTheMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RestAssured.get("/q/metrics").asString())
                .contains("polaris_runs_total{kind=\"pathful\",status=\"completed\"}")
                .contains("polaris_runs_total{kind=\"pathful\",status=\"rejected\"}")
                .contains("polaris_rows_total{kind=\"pathful\",outcome=\"unmatched_teacher\"}"));
    }

    private RunSummary finalSummary(String runId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-summaries-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, RunSummary> consumer = new KafkaConsumer<>(p,
                Topics.RUN_SUMMARIES.keySerde().deserializer(), Topics.RUN_SUMMARIES.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.RUN_SUMMARIES.name()));
            List<RunSummary> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (runId.equals(r.key())) {
                        seen.add(r.value());
                    }
                });
                return seen.stream().anyMatch(RunSummary::getFinalSummary);
            });
            return seen.stream().filter(RunSummary::getFinalSummary).reduce((a, b) -> b).orElseThrow();
        }
    }

    /** Every entity row, as text: equal snapshots mean nothing changed. */
    private String tableSnapshot() throws SQLException {
        return text("select string_agg(t::text, E'\\n' order by t::text) from (select * from event_teacher) t")
                + text("select string_agg(t::text, E'\\n' order by t::text) from (select * from teacher_progress) t")
                + text("select string_agg(t::text, E'\\n' order by t::text) from (select * from event) t");
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
