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
    void anUploadOverTheLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        // a request that announces 20 MB (the tests' limit is 12M) and sends none of it: answered at once
        try (java.net.Socket socket = new java.net.Socket("localhost", port.getPort())) {
            socket.setSoTimeout(10_000);
            String auth = java.util.Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST /api/imports/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 20000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    @Test
    void oneSlowRunDoesNotHoldUpAnother() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        org.polaris.schemas.kinds.SourceKind<?> events = org.polaris.schemas.kinds.SourceKinds.byId("EVENTS").orElseThrow();
        var slow = java.util.concurrent.CompletableFuture.supplyAsync(() -> publisher.publish(request(events, "slow.csv"),
                List.of("Session ID", "Session Title", "Date"), sink -> {
                    sink.accept(2, Map.of("Session ID", "SLOW-1", "Session Title", "Slow", "Date", "2025-05-01"), List.of());
                    sending.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(sending.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        var quick = publisher.publish(request(events, "quick.csv"), List.of("Session ID", "Session Title", "Date"),
                sink -> sink.accept(2, Map.of("Session ID", "QUICK-1", "Session Title", "Quick", "Date", "2025-05-02"),
                        List.of()));
        assertThat(Runs.awaitFinal(quick.runId()).get("status")).isEqualTo("COMPLETED");
        assertThat(slow).isNotDone();

        release.countDown();
        assertThat(Runs.awaitFinal(slow.get(30, java.util.concurrent.TimeUnit.SECONDS).runId()).get("status"))
                .isEqualTo("COMPLETED");
    }

    private static org.polaris.ingest.publish.RunRequest request(org.polaris.schemas.kinds.SourceKind<?> kind, String ref) {
        return new org.polaris.ingest.publish.RunRequest(kind, ref, null, null, "it",
                org.polaris.schemas.avro.RunMode.COMMIT, null);
    }

    @jakarta.inject.Inject
    org.polaris.ingest.publish.RunPublisher publisher;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL port;

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
