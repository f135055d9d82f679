package org.polaris.launcher.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away while a run is on its way (every connection cut, every new one refused):
 * the writer waits for it, nothing acknowledged that is not recorded, and {@code /q/health/ready}
 * answers 503 naming the writer and why; once the database is back the run completes with exactly
 * its rows, each counted once.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class DatabaseAwayIT {

    private static final int ROWS = 400;

    @Inject
    AgroalDataSource db;

    @TempDir
    Path dir;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @AfterEach
    void restore() throws IOException {
        DatabaseLink.turn(true);
    }

    @Test
    void whileTheDatabaseIsAwayTheWriterWaitsSaysWhyAndTheRunEndsWithEachRowOnceWhenItIsBack() throws Exception {
        Path file = dir.resolve("events-away.csv");
        StringBuilder csv = new StringBuilder("Session ID,Session Title,Date,Time\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("AWAY-").append(i).append(",Database away ").append(i).append(",2026-02-03,10:00 AM\n");
        }
        Files.writeString(file, csv);

        DatabaseLink.turn(false);
        // ingest needs no database: the run is published and flows to the writer, which cannot record it
        String runId = Runs.submit("events", file, null).get("runId").toString();

        JsonPath down = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(DatabaseAwayIT::readiness, r -> "DOWN".equals(writer(r).get("status"))
                        && String.valueOf(writer(r).get("data")).contains("SQLSTATE 08"));
        Map<String, Object> writer = writer(down);
        assertThat(writer.get("data").toString()).contains("waiting since").contains("reason=");
        assertThat(down.getString("status")).isEqualTo("DOWN");
        // it keeps waiting as long as the database is away: still not ready, nothing given up
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> "DOWN".equals(writer(readiness()).get("status")));

        DatabaseLink.turn(true);

        Map<String, Object> run = Runs.awaitFinal(runId);
        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(run)).containsExactly(ROWS, ROWS, 0, 0, 0, 0, 0);
        assertThat(count("select count(*) from row_outcome where run_id = '" + runId + "'")).isEqualTo(ROWS);
        assertThat(count("select count(*) from event where pathful_session_id like 'AWAY-%'")).isEqualTo(ROWS);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(writer(readiness()).get("status")));
    }

    private static JsonPath readiness() {
        return RestAssured.given().auth().none().get("/q/health/ready").then().extract().jsonPath();
    }

    private static Map<String, Object> writer(JsonPath health) {
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream().filter(c -> "writer".equals(c.get("name"))).findFirst().orElse(Map.of());
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
