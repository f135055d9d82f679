package org.polaris.launcher.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.ingest.sheets.FakeGoogle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Playbook A's "System reads from configured Google Sheet (purpose = virtual_sessions)": a registered
 * virtual_sessions sheet whose header is Contract D's imports as a Pathful run, with the counts the same
 * rows get uploaded as a CSV; a sheet whose header is neither is refused naming both expected sets.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class PathfulSheetIT {

    private static final String YEAR = "2034-2035";
    private static final String PATHFUL_SHEET = "1PathfulExport2034AbCdEfGhIjKlMn";
    private static final String ODD_SHEET = "1NeitherHeader2034AbCdEfGhIjKlMn";
    private static final List<String> HEADER = List.of("SessionId", "EventId", "TeacherEmail", "SessionStart",
            "AttendanceStatus");
    /** unmatched teacher, unmatched event (and teacher), invalid start, invalid email. */
    private static final List<List<String>> ROWS = List.of(
            List.of("PS-1", "PSH-E1", "nobody@ps.example.org", "2034-10-01 10:00", "Attended"),
            List.of("PS-2", "PSH-E9", "nobody@ps.example.org", "2034-10-02 10:00", "Registered"),
            List.of("PS-3", "PSH-E1", "some@ps.example.org", "whenever", "Attended"),
            List.of("PS-4", "PSH-E1", "not-an-email", "2034-10-03 10:00", "Attended"));

    @ConfigProperty(name = "polaris.sheets.root-url")
    String google;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void aSheetWithAContractDHeaderImportsAsAPathfulRunWithTheCountsOfTheSameCsv(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        ROWS.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        Map<String, Object> uploaded = Runs.importFile("pathful", Files.writeString(dir.resolve("export.csv"), csv), YEAR);
        assertThat(Runs.counts(uploaded)).containsExactly(4, 0, 0, 0, 2, 0, 2);

        // registered as a virtual-session sheet (3 title rows by default): the export's names are on row 1
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        cells.addAll(ROWS);
        FakeGoogle.sheet(google, PATHFUL_SHEET, "'Export'!A1:Z1000", List.of("Export"), cells);
        long id = register(PATHFUL_SHEET, "Pathful export 34-35");

        String runId = RestAssured.post("/api/sheets/" + id + "/import").then().statusCode(202)
                .body("kind", equalTo("PATHFUL")).extract().path("runId");
        Map<String, Object> run = Runs.awaitFinal(runId);

        assertThat(run.get("kind")).isEqualTo("PATHFUL");
        assertThat(run.get("sourceRef").toString()).isEqualTo("sheet #" + id + " Pathful export 34-35 (" + PATHFUL_SHEET
                + ") read as Pathful rows (its header)");
        assertThat(Runs.counts(run)).isEqualTo(Runs.counts(uploaded));
        assertThat(run.get("window")).isEqualTo(YEAR);
        assertThat(Runs.rows(runId, "INVALID")).extracting(r -> r.get("row")).containsExactly(4, 5);
    }

    @Test
    void aPathfulExportAsAnExcelWorkbookImportsWithTheCountsOfTheSameCsv(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        ROWS.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        Map<String, Object> uploaded = Runs.awaitFinal(RestAssured.given()
                .multiPart("file", Files.writeString(dir.resolve("export.csv"), csv).toFile(), "text/csv")
                .multiPart("academicYear", YEAR).multiPart("validateOnly", "true").post("/api/imports/pathful")
                .then().statusCode(202).extract().path("runId"));

        // the export's title row first, the column names on row 2, then the rows
        Path xlsx = dir.resolve("export.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("Export");
            sheet.createRow(0).createCell(0).setCellValue("Pathful attendance export");
            List<List<String>> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(ROWS);
            for (int r = 0; r < all.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            wb.write(out);
        }
        Map<String, Object> run = Runs.awaitFinal(RestAssured.given()
                .multiPart("file", xlsx.toFile(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .multiPart("academicYear", YEAR).multiPart("validateOnly", "true").post("/api/imports/pathful")
                .then().statusCode(202).extract().path("runId"));

        assertThat(run.get("status")).isEqualTo("COMPLETED");
        assertThat(Runs.counts(run)).isEqualTo(Runs.counts(uploaded));
        // the sheet's own row numbers: the header is row 2, the invalid rows 5 and 6
        assertThat(Runs.rows(run.get("runId").toString(), "INVALID")).extracting(r -> r.get("row")).containsExactly(5, 6);

        // a workbook without the columns is refused, naming them
        Path other = dir.resolve("other.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = Files.newOutputStream(other)) {
            wb.createSheet("Other").createRow(0).createCell(0).setCellValue("Name");
            wb.write(out);
        }
        RestAssured.given().multiPart("file", other.toFile()).multiPart("academicYear", YEAR).post("/api/imports/pathful")
                .then().statusCode(400).body("error", equalTo("other.xlsx: no row among the first 20 of the workbook's "
                        + "first sheet has the columns this import needs (SessionId, EventId, TeacherEmail, SessionStart, "
                        + "AttendanceStatus)"));
    }

    @Test
    void aSheetWithNeitherHeaderIsRefusedNamingBoth() {
        FakeGoogle.sheet(google, ODD_SHEET, "'Odd'!A1:Z1000", List.of("Odd"), List.of(
                List.of("Notes"), List.of(), List.of(), List.of("Name", "Room", "When"), List.of("A", "1", "x")));
        long id = register(ODD_SHEET, "Odd sheet 34-35");

        RestAssured.post("/api/sheets/" + id + "/import").then().statusCode(422)
                .body("error", equalTo("sheet #" + id + " holds neither a virtual-session sheet (column names on row 4 "
                        + "with Session Title, Date) nor a Pathful export (column names on row 1 or 4 with SessionId, "
                        + "EventId, TeacherEmail, SessionStart, AttendanceStatus)"));
    }

    private static long register(String sheetId, String name) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("sheetId", sheetId);
        body.put("purpose", "virtual_sessions");
        body.put("displayName", name);
        body.put("academicYear", YEAR);
        return RestAssured.given().contentType(io.restassured.http.ContentType.JSON).body(body).post("/api/sheets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
