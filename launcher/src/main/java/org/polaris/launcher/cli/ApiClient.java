package org.polaris.launcher.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The pipeline's HTTP API as the CLI uses it. Errors carry the server's message. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String url) {
        this(url, Credentials.find());
    }

    ApiClient(String url, Credentials credentials) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = credentials == null ? null : credentials.basic();
    }

    String url() {
        return base.toString();
    }

    /** Uploads a file as a run; returns the receipt (runId, rows, ...). */
    Map<String, Object> upload(String kind, Path file, Map<String, String> fields) throws IOException, InterruptedException {
        String boundary = "polaris-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getValue() != null) {
                head.append("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(f.getKey()).append("\"\r\n\r\n")
                        .append(f.getValue()).append("\r\n");
            }
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(file.getFileName().toString().replace("\"", "")).append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = authorized(HttpRequest.newBuilder(base.resolve("api/imports/" + kind)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        return JSON.readValue(send(request), OBJECT);
    }

    Map<String, Object> run(String runId) throws IOException, InterruptedException {
        return JSON.readValue(get("api/runs/" + encode(runId)), OBJECT);
    }

    List<Map<String, Object>> runs(int limit) throws IOException, InterruptedException {
        return JSON.readValue(get("api/runs?limit=" + limit), LIST);
    }

    List<Map<String, Object>> rows(String runId, String outcomes) throws IOException, InterruptedException {
        return JSON.readValue(get("api/runs/" + encode(runId) + "/rows?outcome=" + encode(outcomes) + "&limit=100000"), LIST);
    }

    List<Map<String, Object>> warnings(String runId) throws IOException, InterruptedException {
        return JSON.readValue(get("api/runs/" + encode(runId) + "/warnings?limit=100000"), LIST);
    }

    List<Map<String, Object>> progress(String academicYear) throws IOException, InterruptedException {
        return JSON.readValue(get("api/progress?academicYear=" + encode(academicYear)), LIST);
    }

    boolean ready() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String get(String path) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(60)).GET().build());
    }

    String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = authorized(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(300));
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    String put(String path, String json) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String delete(String path) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(60)).DELETE().build());
    }

    Map<String, Object> object(String json) throws IOException {
        return JSON.readValue(json, OBJECT);
    }

    List<Map<String, Object>> list(String json) throws IOException {
        return JSON.readValue(json, LIST);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ApiException(0, "cannot reach Polaris at " + base + " (start it with: bin/polaris up)");
        }
        if (response.statusCode() == 401) {
            throw new ApiException(401, authorization == null
                    ? "Polaris needs credentials and none were found: set POLARIS_USER and POLARIS_PASSWORD, or "
                            + "POLARIS_CREDENTIALS to the file bin/polaris up printed (default: "
                            + Credentials.defaultFile() + ")"
                    : "Polaris refused the credentials: set POLARIS_USER and POLARIS_PASSWORD "
                            + "(bin/polaris up prints where its administrator's are)");
        }
        if (response.statusCode() == 403 && (response.body() == null || response.body().isBlank())) {
            throw new ApiException(403, "Polaris refused: the signed-in user may not do this (HTTP 403; mapping changes, "
                    + "replays and Salesforce imports are for administrators)");
        }
        if (response.statusCode() == 413) {
            throw new ApiException(413, "the file is larger than Polaris accepts (HTTP 413: the limit is "
                    + "polaris.ingest.max-file-bytes, 256 MiB by default)");
        }
        if (response.statusCode() >= 400) {
            throw new ApiException(response.statusCode(), errorOf(response.body(), response.statusCode()));
        }
        return response.body();
    }

    private static String errorOf(String body, int status) {
        try {
            Object error = JSON.readValue(body, OBJECT).get("error");
            if (error != null) {
                return error.toString();
            }
        } catch (IOException e) {
            // not JSON: fall through
        }
        return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The API answered with an error, or could not be reached (status 0). */
    static final class ApiException extends IOException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
