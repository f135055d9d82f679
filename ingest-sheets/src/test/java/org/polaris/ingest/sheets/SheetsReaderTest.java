package org.polaris.ingest.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production reader, over real HTTP, against {@link FakeGoogle}: the real token exchange (signed
 * JWT assertion at the key file's token_uri), the Sheets v4 wire format, retries and the messages
 * an operator gets.
 */
class SheetsReaderTest {

    private static final Duration FAST = Duration.ofMillis(10);

    private static FakeGoogle google;

    @TempDir
    Path dir;

    private Path keyFile;

    @BeforeAll
    static void start() {
        google = new FakeGoogle();
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void fresh() throws IOException {
        google.reset();
        keyFile = google.writeKeyFile(dir);
    }

    private SheetsReader reader() {
        return reader(keyFile, Duration.ofSeconds(5));
    }

    private SheetsReader reader(Path key, Duration readTimeout) {
        return new SheetsReader(google.rootUrl(), key, 3, FAST, Duration.ofSeconds(30), readTimeout);
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    // --- reading ---

    @Test
    void readsARosterSheetWithItsHeaderInRowOne() {
        google.sheet("roster-1", "Roster!A1:D3", List.of("Roster"), List.of(
                row("First Name", "Last Name", "Email", "School"),
                row("Ana", "Lopez", " ana@school.org ", "Wyandotte"),
                row("Ben", "Ng", "ben@school.org", "Harmon")));

        SheetTable table = reader().read("roster-1", "Roster", 0);

        assertThat(table.header()).containsExactly("First Name", "Last Name", "Email", "School");
        assertThat(table.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 3);
        assertThat(table.rows().get(0).cells()).containsExactly(Map.entry("First Name", "Ana"),
                Map.entry("Last Name", "Lopez"), Map.entry("Email", " ana@school.org "), Map.entry("School", "Wyandotte"));
        LoggedRequest request = google.valueRequests("roster-1").get(0);
        assertThat(FakeGoogle.requestedRange(request)).isEqualTo("Roster");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + FakeGoogle.ACCESS_TOKEN);
    }

    @Test
    void readsAVirtualSessionSheetBelowItsThreeTitleRows() {
        google.sheet("sessions-1", "'Virtual Sessions'!A1:E6", List.of("Virtual Sessions"), List.of(
                row("Virtual Sessions 2025-2026"),
                row("Exported from Pathful; do not edit above row 4"),
                row(),
                row("Session Title", "Date", "Time", "Teacher Email", "Status"),
                row("Careers in Health", "10/14/2025", "9:00 AM", "ana@school.org", "Completed"),
                row("Robotics", "10/15/2025", "", "ben@school.org", "Completed")));

        SheetTable table = reader().read("sessions-1", "'Virtual Sessions'", 3);

        assertThat(table.header()).containsExactly("Session Title", "Date", "Time", "Teacher Email", "Status");
        assertThat(table.rows()).extracting(SheetRow::rowNumber).containsExactly(5, 6);
        assertThat(table.rows().get(1).cells()).containsEntry("Session Title", "Robotics").containsEntry("Time", "");
    }

    @Test
    void readsTheFirstTabWhenNoRangeIsGiven() {
        google.sheet("tabs-1", "'Teachers 25-26'!A1:B2", List.of("Teachers 25-26", "Archive"), List.of(
                row("Name", "Email"), row("Ana", "ana@school.org")));

        SheetTable table = reader().read("tabs-1", null, 0);

        assertThat(table.rows()).hasSize(1);
        List<LoggedRequest> metadata = google.metadataRequests("tabs-1");
        assertThat(metadata).hasSize(1);
        assertThat(metadata.get(0).queryParameter("fields").firstValue()).isEqualTo("sheets.properties.title");
        assertThat(FakeGoogle.requestedRange(google.valueRequests("tabs-1").get(0))).isEqualTo("'Teachers 25-26'");
    }

    @Test
    void asksForDisplayedValuesSoFormulasReadAsShown() {
        // Sheets answers a formula cell (=B2*2) with its displayed result when FORMATTED_VALUE is asked for
        google.sheet("formula-1", "Sheet1!A1:C2", List.of("Sheet1"), List.of(
                row("Item", "Hours", "Doubled"), row("Visit", "1.5", "3.0")));

        SheetTable table = reader().read("formula-1", "Sheet1", 0);

        assertThat(table.rows().get(0).cells()).containsEntry("Doubled", "3.0");
        LoggedRequest request = google.valueRequests("formula-1").get(0);
        assertThat(request.queryParameter("valueRenderOption").firstValue()).isEqualTo("FORMATTED_VALUE");
    }

    @Test
    void keepsTheSheetsRowNumbersAndColumnLettersForARangeBelowRowOne() {
        google.sheet("range-1", "Data!B3:D5", List.of("Data"), List.of(
                row("Email", "", "Email"), row("x", "y", "z")));

        assertThatThrownBy(() -> reader().read("range-1", "Data!B3:D", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessage("Error reading Google Sheet range-1: row 3: column \"Email\" appears twice (columns B and D):"
                        + " rename or remove one");
    }

    // --- the token exchange ---

    @Test
    void exchangesASignedJwtOnceAndReusesTheToken() {
        google.sheet("roster-2", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("ana@school.org")));
        SheetsReader reader = reader();

        reader.read("roster-2", "Roster", 0);
        reader.read("roster-2", "Roster", 0);

        List<LoggedRequest> tokens = google.tokenRequests();
        assertThat(tokens).hasSize(1);
        Map<String, String> form = FakeGoogle.form(tokens.get(0).getBodyAsString());
        assertThat(form).containsEntry("grant_type", FakeGoogle.JWT_BEARER);
        assertThat(google.assertionProblem(form.get("assertion"))).isNull();
        assertThat(google.valueRequests("roster-2")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + FakeGoogle.ACCESS_TOKEN));
    }

    @Test
    void aKeyTheTokenEndpointRefusesIsReportedWithTheServiceAccount() throws IOException {
        google.sheet("roster-3", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("x@y.org")));
        Path otherKey = google.writeKeyFile(dir, "someone-else@polaris-test.iam.gserviceaccount.com");

        assertThatThrownBy(() -> reader(otherKey, Duration.ofSeconds(5)).read("roster-3", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet roster-3: the service account "
                        + "someone-else@polaris-test.iam.gserviceaccount.com could not get an access token");
        assertThat(google.valueRequests("roster-3")).isEmpty();
    }

    // --- retries ---

    @Test
    void honoursRetryAfterOn429ThenSucceeds() {
        google.sheet("quota-1", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("ana@school.org")));
        google.failNext("quota-1", 1, 429, "1");

        long started = System.nanoTime();
        SheetTable table = reader().read("quota-1", "Roster", 0);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(table.rows()).hasSize(1);
        List<LoggedRequest> requests = google.valueRequests("quota-1");
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        // Retry-After: 1 s, not the 10 ms backoff configured
        assertThat(gap).isBetween(900L, 5_000L);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesServerErrorsAtMostThreeTimes() {
        google.sheet("down-1", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("ana@school.org")));
        google.failNext("down-1", 3, 503, null);

        assertThatThrownBy(() -> reader().read("down-1", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet down-1: ")
                .hasMessageContaining("3 tries")
                .hasMessageContaining("HTTP 503");
        assertThat(google.valueRequests("down-1")).hasSize(3);
    }

    @Test
    void aServerErrorThatClearsIsRetriedTransparently() {
        google.sheet("blip-1", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("ana@school.org")));
        google.failNext("blip-1", 2, 500, null);

        assertThat(reader().read("blip-1", "Roster", 0).rows()).hasSize(1);
        assertThat(google.valueRequests("blip-1")).hasSize(3);
    }

    @Test
    void aRetryAfterBeyondTheMaximumBackoffEndsTheReadAtOnce() {
        google.sheet("quota-2", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("ana@school.org")));
        google.failNext("quota-2", 1, 429, "120");

        assertThatThrownBy(() -> reader().read("quota-2", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet quota-2: Google answered HTTP 429 and asked to wait 120 s");
        assertThat(google.valueRequests("quota-2")).hasSize(1);
    }

    @Test
    void timeoutsAreRetriedThenReported() {
        google.slowValues("slow-1", Duration.ofMillis(1_000));

        assertThatThrownBy(() -> reader(keyFile, Duration.ofMillis(150)).read("slow-1", "Sheet1", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet slow-1: gave up after 3 tries")
                .hasMessageContaining("SocketTimeoutException");
        assertThat(google.valueRequests("slow-1")).hasSize(3);
    }

    // --- errors an operator can act on ---

    @Test
    void aSheetThatIsNotFoundNamesTheServiceAccount() {
        google.failAlways("missing-1", 404);

        assertThatThrownBy(() -> reader().read("missing-1", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet missing-1: not found or not shared with the service account "
                        + FakeGoogle.SERVICE_ACCOUNT);
        assertThat(google.valueRequests("missing-1")).hasSize(1);
    }

    @Test
    void aSheetThatIsNotSharedNamesTheServiceAccount() {
        google.failAlways("private-1", 403);

        assertThatThrownBy(() -> reader().read("private-1", null, 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet private-1: not found or not shared with the service account "
                        + FakeGoogle.SERVICE_ACCOUNT);
        assertThat(google.metadataRequests("private-1")).hasSize(1);
    }

    @Test
    void aProjectWithoutTheSheetsApiIsToldApartFromAnUnsharedSheet() {
        google.apiDisabled("roster-6");

        assertThatThrownBy(() -> reader().read("roster-6", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet roster-6: the Google Sheets API is not enabled for the"
                        + " project of the service account " + FakeGoogle.SERVICE_ACCOUNT + ": Google Sheets API has not"
                        + " been used in project 100000000001");
        assertThat(google.valueRequests("roster-6")).hasSize(1);
    }

    @Test
    void aPurposeWithoutASheetIsNamedWithItsYear() {
        assertThat(SheetReadException.notConfigured("virtual_sessions", "2025-2026"))
                .hasMessage("No Google Sheet configured for virtual_sessions in 2025-2026:"
                        + " add the sheet's id for that purpose and year first");
    }

    @Test
    void aMissingKeyFileNamesTheVariable() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> reader(missing, Duration.ofSeconds(5)).read("roster-4", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageStartingWith("Error reading Google Sheet roster-4: the service account key file " + missing)
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> reader(null, Duration.ofSeconds(5)).read("roster-4", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageContaining("no service account key is configured: set GOOGLE_APPLICATION_CREDENTIALS");
        assertThat(google.tokenRequests()).isEmpty();
    }

    @Test
    void aFileThatIsNoServiceAccountKeyIsRefusedWithoutQuotingIt() throws IOException {
        Path user = dir.resolve("user.json");
        Files.writeString(user, "{\"type\": \"authorized_user\", \"client_secret\": \"s3cr3t-value\", \"refresh_token\": \"r3fr3sh\"}");

        assertThatThrownBy(() -> reader(user, Duration.ofSeconds(5)).read("roster-5", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessageContaining("is not a service account key")
                .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS")
                .hasNoCause()
                .message().doesNotContain("s3cr3t").doesNotContain("r3fr3sh");
    }

    @Test
    void anUnknownTabIsNamed() {
        google.sheet("tabs-2", "Roster!A1:A2", List.of("Roster"), List.of(row("Email"), row("x@y.org")));
        google.unknownRange("tabs-2", "Rostr");

        assertThatThrownBy(() -> reader().read("tabs-2", "Rostr", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessage("Error reading Google Sheet tabs-2: the sheet has no tab or range Rostr");
        assertThat(google.valueRequests("tabs-2")).hasSize(1);
    }

    // --- header hygiene, end to end ---

    @Test
    void blankHeaderCellsAndTheirColumnsAreIgnored() {
        google.sheet("hyg-1", "Roster!A1:D2", List.of("Roster"), List.of(
                row("Name", "", "Email", "  "), row("Ana", "note", "ana@school.org", "more")));

        SheetTable table = reader().read("hyg-1", "Roster", 0);

        assertThat(table.header()).containsExactly("Name", "Email");
        assertThat(table.rows().get(0).cells()).containsOnlyKeys("Name", "Email");
    }

    @Test
    void aDuplicateHeaderIsRefusedNamingBothColumns() {
        google.sheet("hyg-2", "Roster!A1:C2", List.of("Roster"), List.of(
                row("Email", "Name", "Email"), row("a", "b", "c")));

        assertThatThrownBy(() -> reader().read("hyg-2", "Roster", 0))
                .isInstanceOf(SheetReadException.class)
                .hasMessage("Error reading Google Sheet hyg-2: row 1: column \"Email\" appears twice (columns A and C):"
                        + " rename or remove one");
    }

    @Test
    void headersThatCollideOnceNormalizedAreRefusedNamingBoth() {
        google.sheet("hyg-3", "'Virtual Sessions'!A1:C5", List.of("Virtual Sessions"), List.of(
                row("title"), row(), row(),
                row("Teacher Email", "Date", "teacher_email"), row("a", "b", "c")));

        assertThatThrownBy(() -> reader().read("hyg-3", null, 3))
                .isInstanceOf(SheetReadException.class)
                .hasMessage("Error reading Google Sheet hyg-3: row 4: columns \"Teacher Email\" (A) and \"teacher_email\" (C)"
                        + " are the same name once normalized: rename or remove one");
    }

    @Test
    void emptyRowsAreSkippedAndRaggedRowsPadded() {
        google.sheet("hyg-4", "Roster!A1:C7", List.of("Roster"), List.of(
                row("Name", "Email", "School"),
                row("Ana"),
                row(),
                row("Ben", "ben@school.org"),
                row("", " ", ""),
                row(),
                row("   ")));

        SheetTable table = reader().read("hyg-4", "Roster", 0);

        assertThat(table.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 4);
        assertThat(table.rows().get(0).cells()).containsExactly(Map.entry("Name", "Ana"), Map.entry("Email", ""),
                Map.entry("School", ""));
        assertThat(table.rows().get(1).cells()).containsEntry("School", "");
    }
}
