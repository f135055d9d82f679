package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polaris.ingest.sheets.FakeGoogle;
import org.polaris.launcher.it.PipelineResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the README's table of sheet errors, as an operator meets it: over HTTP (422 when a
 * person must fix something, 502 when Google kept failing) and on the command line (exit 2 and 3),
 * with the documented message. Sheets are FakeGoogle's, read by the real Sheets client.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class SheetErrorsIT {

    private static final String YEAR = "2040-2041";

    @TestHTTPResource("/")
    URL url;

    @ConfigProperty(name = "polaris.sheets.root-url")
    String google;

    @ConfigProperty(name = "polaris.sheets.credentials-file")
    String keyFile;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
        System.setProperty("polaris.user", "admin");
        System.setProperty("polaris.password", "admin-secret");
    }

    @Test
    void aSheetNotSharedWithTheServiceAccount() {
        long id = register("1ErrNotSharedAbCdEfGhIjKlMnOp", null, 0);
        FakeGoogle.failAlways(google, "1ErrNotSharedAbCdEfGhIjKlMnOp", 404);
        refused(id, 422, PolarisCli.REFUSED, "Error reading Google Sheet 1ErrNotSharedAbCdEfGhIjKlMnOp: not found or "
                + "not shared with the service account " + FakeGoogle.SERVICE_ACCOUNT
                + " (check the id, and share the sheet with that address as a viewer)");
    }

    @Test
    void aProjectWithoutTheSheetsApi() {
        long id = register("1ErrApiOffAbCdEfGhIjKlMnOpQr", null, 0);
        FakeGoogle.apiDisabled(google, "1ErrApiOffAbCdEfGhIjKlMnOpQr");
        refused(id, 422, PolarisCli.REFUSED, "the Google Sheets API is not enabled for the project of the service account "
                + FakeGoogle.SERVICE_ACCOUNT + ": Google Sheets API has not been used in project");
    }

    @Test
    void aRangeTheSheetDoesNotHave() {
        long id = register("1ErrRangeAbCdEfGhIjKlMnOpQrS", "Nope", 0);
        FakeGoogle.unknownRange(google, "1ErrRangeAbCdEfGhIjKlMnOpQrS", "Nope");
        refused(id, 422, PolarisCli.REFUSED, "the sheet has no tab or range Nope");
    }

    @Test
    void aSheetWithoutItsHeaderRowOrWithAColumnTwice() {
        long noHeader = register("1ErrNoHeaderAbCdEfGhIjKlMnO", null, 3);
        FakeGoogle.sheet(google, "1ErrNoHeaderAbCdEfGhIjKlMnO", "Sheet1!A1:B2", List.of("Sheet1"),
                List.of(List.of("Virtual sessions"), List.of("note")));
        refused(noHeader, 422, PolarisCli.REFUSED, "the sheet has no header row: expected column names in row 4");

        long twice = register("1ErrTwiceAbCdEfGhIjKlMnOpQr", null, 0);
        FakeGoogle.sheet(google, "1ErrTwiceAbCdEfGhIjKlMnOpQr", "Sheet1!A1:C2", List.of("Sheet1"),
                List.of(List.of("Email", "Name", "Email"), List.of("a@b.org", "Ann", "a@b.org")));
        refused(twice, 422, PolarisCli.REFUSED, "column \"Email\" appears twice (columns A and C)");
    }

    @Test
    void googleStayingBusyIsTryAgainLater() {
        long id = register("1ErrBusyAbCdEfGhIjKlMnOpQrSt", null, 0);
        FakeGoogle.failAlways(google, "1ErrBusyAbCdEfGhIjKlMnOpQrSt", 503);
        refused(id, 502, PolarisCli.UNAVAILABLE, "gave up after 3 tries (last: HTTP 503); Google Sheets may be "
                + "unavailable or over quota, try again later");
    }

    @Test
    void googleAskingToWaitLongerThanTheMaximumBackoffIsTryAgainLater() {
        long id = register("1ErrWaitAbCdEfGhIjKlMnOpQrSt", null, 0);
        FakeGoogle.askToWait(google, "1ErrWaitAbCdEfGhIjKlMnOpQrSt", 120);
        refused(id, 502, PolarisCli.UNAVAILABLE, "Google answered HTTP 429 and asked to wait 120 s, longer than "
                + "polaris.sheets.max-backoff (30 s); try again later");
    }

    @Test
    void aKeyFileThatIsMissingOrIsNotAServiceAccountKey() throws Exception {
        long id = register("1ErrKeyAbCdEfGhIjKlMnOpQrStU", null, 0);
        FakeGoogle.sheet(google, "1ErrKeyAbCdEfGhIjKlMnOpQrStU", "Sheet1!A1:A1", List.of("Sheet1"), List.of());
        Path key = Path.of(keyFile);
        byte[] original = Files.readAllBytes(key);
        try {
            Files.delete(key);
            refused(id, 422, PolarisCli.REFUSED, "the service account key file " + key
                    + " named by GOOGLE_APPLICATION_CREDENTIALS (or polaris.sheets.credentials-file) does not exist");
            Files.writeString(key, "{\"type\": \"authorized_user\"}", StandardCharsets.UTF_8);
            refused(id, 422, PolarisCli.REFUSED, "the file " + key + " named by GOOGLE_APPLICATION_CREDENTIALS "
                    + "(or polaris.sheets.credentials-file) is not a service account key");
        } finally {
            Files.write(key, original);
        }
    }

    @Test
    void noSheetRegisteredForWhatWasAsked() {
        RestAssured.post("/api/sheets/import?purpose=virtual_sessions&academicYear=2031-2032").then().statusCode(404);
        Cli r = cli("import", "sheet", "--purpose", "virtual_sessions", "--academic-year", "2031-2032");
        assertThat(r.code).isEqualTo(PolarisCli.REFUSED);
        assertThat(r.err).contains("No Google Sheet configured for virtual_sessions in 2031-2032: add the sheet's id "
                + "for that purpose and year first");
    }

    /** The sheet refused over HTTP with this status and message, and on the command line with this exit code. */
    private void refused(long sheet, int status, int exit, String message) {
        String error = RestAssured.post("/api/sheets/" + sheet + "/import").then().statusCode(status)
                .extract().jsonPath().getString("error");
        assertThat(error).contains(message);
        Cli r = cli("import", "sheet", Long.toString(sheet));
        assertThat(r.code).as(r.err).isEqualTo(exit);
        assertThat(r.err).contains(message);
    }

    private static long register(String sheetId, String range, int headerRows) {
        Map<String, Object> body = new HashMap<>();
        body.put("sheetId", sheetId);
        body.put("purpose", "virtual_sessions");
        body.put("academicYear", YEAR);
        body.put("displayName", "errors " + sheetId);
        body.put("range", range);
        body.put("headerRows", headerRows);
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/sheets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] withUrl = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--url", url.toString())).toArray(String[]::new);
        int code = PolarisCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(withUrl);
        return new Cli(code, out.toString(), err.toString());
    }

    private record Cli(int code, String out, String err) {
    }
}
