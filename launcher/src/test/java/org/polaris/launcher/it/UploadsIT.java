package org.polaris.launcher.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Uploads that once failed whole or with the wrong reason: a file with one huge cell imports its
 * other rows and says which row was too large; a file of another format or delimiter is refused
 * naming what it is.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class UploadsIT {

    @TempDir
    static Path dir;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void aRowTooLargeForKafkaIsThatRowsInvalidOutcomeTheOthersImport() throws Exception {
        Path file = dir.resolve("huge-cell.csv");
        Files.writeString(file, "Session ID,Session Title,Date,Notes\n"
                + "UP-1,Small one,2025-04-01,fine\n"
                + "UP-2,Big one,2025-04-02," + "x".repeat(5 * 1024 * 1024) + "\n"
                + "UP-3,Small two,2025-04-03,fine\n", StandardCharsets.UTF_8);

        Map<String, Object> run = Runs.importFile("events", file, null);

        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(run)).containsExactly(3, 2, 0, 0, 0, 0, 1);
        List<Map<String, Object>> invalid = Runs.rows(run.get("runId").toString(), "INVALID");
        assertThat(invalid).singleElement().satisfies(r -> {
            assertThat(r.get("row")).isEqualTo(3);
            assertThat(r.get("reasons").toString()).contains("the row is 5,24")
                    .contains("bytes, more than the 1,000,000 bytes a row may be");
        });
    }

    @Test
    void filesOfAnotherFormatOrDelimiterAreRefusedNamingWhatTheyAre() throws Exception {
        Path png = Files.write(dir.resolve("chart.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        RestAssured.given().multiPart("file", png.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("a PNG image"));
        Path utf16 = Files.write(dir.resolve("unicode.csv"), "Session ID,Session Title,Date\nUP-9,x,2025-01-01\n"
                .getBytes(StandardCharsets.UTF_16LE));
        RestAssured.given().multiPart("file", utf16.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("UTF-16 text"));
        Path semicolons = Files.writeString(dir.resolve("semi.csv"), "Session ID;Session Title;Date\nUP-9;x;2025-01-01\n");
        RestAssured.given().multiPart("file", semicolons.toFile()).post("/api/imports/events")
                .then().statusCode(400).body("error", containsString("delimited by semicolons (;)"));
    }
}
