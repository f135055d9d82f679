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
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source kind defined only in test code ({@code org.polaris.launcher.it.kind}: its schema, rules,
 * store, migration and registration) goes end to end through the unchanged core: ingest (the upload
 * endpoint finds it by name), the normalizer (its rules), the writer (its store: whole records,
 * partial records, deletes), the ledger (one outcome per row, its own counter) and the summary the
 * API serves (its Expected Output block).
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceKindPluginIT {

    @Inject
    AgroalDataSource db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    @Order(1)
    void aTestOnlyKindCreatesItsRows() throws Exception {
        Path file = write("widgets-1.csv", """
                Widget ID,Name,Color
                w-1,Sprocket,red
                w-2,Gear,blue
                w-3,Cog,green
                """);

        Map<String, Object> run = Runs.importFile("test_widgets", file, null);

        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(run.get("kind")).isEqualTo("TEST_WIDGETS");
        assertThat(Runs.counts(run)).containsExactly(3, 3, 0, 0, 0, 0, 0);
        assertThat(widgets()).containsExactly("W-1 Sprocket red", "W-2 Gear blue", "W-3 Cog green");
    }

    @Test
    @Order(2)
    void wholePartialAndDeletedRecordsEachEndInOneOutcome() throws Exception {
        Path file = write("widgets-2.csv", """
                Widget ID,Name,Color,Action
                w-1,Sprocket,red,
                w-2,,purple,
                w-3,,,delete
                w-9,,,delete
                w-4,Flange,black,
                w-5,Bolt,grey,explode
                """);

        Map<String, Object> run = Runs.importFile("test_widgets", file, null);
        String runId = run.get("runId").toString();

        // processed, created, updated, skipped, unmatched teacher, unmatched event, invalid
        assertThat(Runs.counts(run)).containsExactly(6, 1, 2, 2, 0, 0, 1);
        assertThat(run.get("countsAddUp")).isEqualTo(true);
        assertThat(run.get("deleted")).isEqualTo(1);
        // unchanged w-1 and the delete of a widget that never was are skipped; w-2's name is kept
        assertThat(widgets()).containsExactly("W-1 Sprocket red", "W-2 Gear purple", "W-4 Flange black");
        assertThat(Runs.rows(runId, "INVALID")).singleElement().satisfies(r -> {
            assertThat(r.get("row")).isEqualTo(7);
            assertThat(r.get("reasons").toString()).contains("Action \"explode\" is not delete");
        });

        // the kind's own Expected Output block, served by the API
        List<Map<String, Object>> summary = RestAssured.get("/api/runs/" + runId).then().statusCode(200)
                .extract().jsonPath().getList("summary");
        List<String> lines = new ArrayList<>();
        summary.forEach(l -> lines.add(l.get("label") + ": " + l.get("value")));
        assertThat(lines).containsExactly("Widgets processed: 6", "Widgets created: 1", "Widgets changed: 2",
                "Widgets deleted: 1", "Rows skipped: 2", "Rows invalid: 1");
        assertThat(RestAssured.get("/api/runs/" + runId).jsonPath().getString("kindLabel")).isEqualTo("Test Widgets");
    }

    @Test
    @Order(3)
    void aDryRunOfTheTestKindWritesNothing() throws Exception {
        Path file = write("widgets-3.csv", """
                Widget ID,Name,Color,Action
                w-1,,,delete
                w-7,Nut,white,
                """);
        List<String> before = widgets();

        Map<String, Object> receipt = RestAssured.given().multiPart("file", file.toFile(), "text/csv")
                .multiPart("validateOnly", "true").post("/api/imports/test_widgets")
                .then().statusCode(202).extract().jsonPath().getMap("");
        Map<String, Object> run = Runs.awaitFinal(receipt.get("runId").toString());

        assertThat(Runs.counts(run)).containsExactly(2, 1, 1, 0, 0, 0, 0);
        assertThat(run.get("deleted")).isEqualTo(0);
        assertThat(widgets()).isEqualTo(before);
    }

    private static Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<String> widgets() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select widget_id, name, color from test_widget where widget_id like 'W-%' order by widget_id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }
}
