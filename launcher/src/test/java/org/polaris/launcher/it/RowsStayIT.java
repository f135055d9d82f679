package org.polaris.launcher.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * Rows stay what they were: a repeated participation keeps its first row, a local time that does not
 * exist and cells beyond the header are warned about on their row. Year 2028-2029 and *.rows.example.org
 * keep this data apart.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class RowsStayIT {

    private static final String YEAR = "2028-2029";

    @Inject
    AgroalDataSource db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void aRepeatedParticipationKeepsItsFirstRowAndSaysSo() throws Exception {
        Runs.importFile("events", write("dup-events.csv", "Session ID,Session Title,Date,Time\n"
                + "DUP-1,Careers in Code,2028-10-05,10:00\n"), null);
        Runs.importFile("roster", write("dup-roster.csv", "Teacher Email,Teacher Name,School,Academic Year,Virtual Year\n"
                + "dee@rows.example.org,Dee Park,North High,2028-2029,2028-2029\n"), YEAR);

        Map<String, Object> run = Runs.importFile("pathful", write("dup-pathful.csv",
                "SessionId,EventId,TeacherEmail,SessionStart,AttendanceStatus\n"
                        + "S-FIRST,DUP-1,dee@rows.example.org,2028-10-05 10:00,Attended\n"
                        + "S-SECOND,DUP-1,Dee@Rows.Example.org,2028-10-05 10:00,Registered\n"), YEAR);

        assertThat(Runs.counts(run)).containsExactly(2, 1, 0, 1, 0, 0, 0);
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + run.get("runId") + "/warnings")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(warned).singleElement().satisfies(r -> {
            assertThat(r.get("row")).isEqualTo(3);
            assertThat(r.get("outcome")).isEqualTo("SKIPPED");
            assertThat(r.get("warnings").toString())
                    .contains("duplicate of row 2 (same EventId and TeacherEmail): the first is kept");
        });
        assertThat(text("select pathful_session_id || ' ' || status from event_teacher "
                + "where teacher_email = 'dee@rows.example.org'")).isEqualTo("S-FIRST attended");
    }

    @Test
    void aTimeThatDoesNotExistInChicagoAndCellsBeyondTheHeaderAreWarnedOnTheirRow() throws Exception {
        Map<String, Object> run = Runs.importFile("events", write("dst-events.csv", "Session ID,Session Title,Date,Time\n"
                + "DST-1,Spring forward,2026-03-08,2:30 AM\n"
                + "DST-2,Extra cells,2026-03-10,10:00,surplus\n"), null);

        assertThat(Runs.counts(run)).containsExactly(2, 2, 0, 0, 0, 0, 0);
        List<Map<String, Object>> warned = RestAssured.get("/api/runs/" + run.get("runId") + "/warnings")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(warned).extracting(r -> r.get("row")).containsExactly(2, 3);
        assertThat(warned.get(0).get("warnings").toString()).contains("Date and Time 2026-03-08 02:30 does not exist in "
                + "America/Chicago (the clocks spring forward that night): read as 2026-03-08 03:30 -05:00");
        assertThat(warned.get(1).get("warnings").toString()).contains("the row has 1 non-empty cell beyond the header's 4 "
                + "columns; they belong to no column and were ignored");
        assertThat(text("select start_date at time zone 'UTC' from event where pathful_session_id = 'DST-1'"))
                .isEqualTo("2026-03-08 08:30:00");
    }

    private static Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String text(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
