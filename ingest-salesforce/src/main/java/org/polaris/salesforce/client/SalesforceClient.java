package org.polaris.salesforce.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.auth.AuthFlow;
import org.polaris.salesforce.auth.Token;
import org.polaris.salesforce.auth.TokenClient;

import static org.polaris.salesforce.client.SalesforceException.Reason.FAILED;
import static org.polaris.salesforce.client.SalesforceException.Reason.LIMITED;
import static org.polaris.salesforce.client.SalesforceException.Reason.REFUSED;

/**
 * The Salesforce REST and Bulk API 2.0 calls the imports make, on one session: signs in on first
 * use; every call goes to the token's {@code instance_url}; a 401 ({@code INVALID_SESSION_ID}) signs
 * in again once and repeats the call, a second refusal fails naming the settings of the flow in
 * use; {@code REQUEST_LIMIT_EXCEEDED} fails clearly with when the limit frees up. Records reach the
 * caller as cells (field API name → text as Salesforce sent it: REST JSON or Bulk CSV), one at a
 * time, so an object of any size streams through.
 */
public final class SalesforceClient {

    private static final Logger LOG = Logger.getLogger(SalesforceClient.class);

    private final SalesforceConfig config;
    private final Http http;
    private final TokenClient tokens;
    private final ApiLimits limits = new ApiLimits();
    private final ObjectMapper json = new ObjectMapper();
    private volatile Token token;
    private volatile String version;

    public SalesforceClient(SalesforceConfig config, HttpClient client) {
        this.config = config;
        this.http = new Http(client, config.attempts(), config.backoff());
        this.tokens = new TokenClient(config, http::text);
    }

    public AuthFlow flow() {
        return tokens.flow();
    }

    public ApiLimits limits() {
        return limits;
    }

    /** SF_API_VERSION, else the newest version the instance lists. */
    public String apiVersion() {
        if (version == null) {
            synchronized (this) {
                if (version == null) {
                    version = config.apiVersion().map(v -> v.startsWith("v") ? v.substring(1) : v)
                            .orElseGet(this::newestVersion);
                }
            }
        }
        return version;
    }

    private String newestVersion() {
        JsonNode versions = getJson("/services/data");
        String newest = null;
        for (JsonNode v : versions) {
            String candidate = v.path("version").asText();
            if (newest == null || Double.parseDouble(candidate) > Double.parseDouble(newest)) {
                newest = candidate;
            }
        }
        if (newest == null) {
            throw new SalesforceException(FAILED, "GET /services/data listed no API version: set SF_API_VERSION");
        }
        return newest;
    }

    /** {@code SELECT COUNT() ...}: Salesforce's count of the records a condition selects. */
    public int count(String soql) {
        return getJson(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))).path("totalSize").asInt();
    }

    /**
     * REST {@code query} (or {@code queryAll}, which also returns deleted records), following
     * {@code nextRecordsUrl} to the last page; returns the records read.
     */
    public int query(String soql, boolean all, Consumer<Map<String, String>> record) {
        String path = data((all ? "/queryAll" : "/query") + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
        int read = 0;
        while (path != null) {
            JsonNode page = getJson(path);
            for (JsonNode r : page.path("records")) {
                record.accept(cells(r));
                read++;
            }
            path = page.path("done").asBoolean(true) ? null : page.path("nextRecordsUrl").asText(null);
        }
        return read;
    }

    /**
     * A Bulk API 2.0 query job: created, polled until complete, its results read as CSV page by page
     * ({@code maxRecords}, {@code Sforce-Locator}); returns the records read. The job is deleted after.
     */
    public int bulkQuery(String soql, boolean all, Consumer<Map<String, String>> record) {
        ObjectNode body = json.createObjectNode().put("operation", all ? "queryAll" : "query").put("query", soql);
        JsonNode job = send("POST", data("/jobs/query"), body.toString(), this::readJson);
        String id = job.path("id").asText(null);
        if (id == null) {
            throw new SalesforceException(FAILED, "Bulk API 2.0 created no job id");
        }
        try {
            awaitComplete(id);
            int read = 0;
            String locator = null;
            do {
                String path = data("/jobs/query/" + id + "/results?maxRecords=" + config.bulkMaxRecords()
                        + (locator == null ? "" : "&locator=" + URLEncoder.encode(locator, StandardCharsets.UTF_8)));
                ResultsPage page = results(path, record);
                read += page.records();
                locator = page.nextLocator();
            } while (locator != null);
            return read;
        } finally {
            try {
                send("DELETE", data("/jobs/query/" + id), null, r -> null);
            } catch (SalesforceException e) {
                LOG.debugf("Bulk job %s not deleted: %s", id, e.getMessage());
            }
        }
    }

    private void awaitComplete(String id) {
        Instant deadline = Instant.now().plus(config.bulkTimeout());
        while (true) {
            JsonNode job = getJson(data("/jobs/query/" + id));
            String state = job.path("state").asText();
            switch (state) {
                case "JobComplete" -> {
                    return;
                }
                case "Failed", "Aborted" -> throw new SalesforceException(FAILED, "Bulk API 2.0 job " + id + " "
                        + state.toLowerCase() + ": " + job.path("errorMessage").asText("no reason given"));
                default -> {
                    if (Instant.now().isAfter(deadline)) {
                        throw new SalesforceException(FAILED, "Bulk API 2.0 job " + id + " was still " + state
                                + " after " + config.bulkTimeout() + " (polaris.salesforce.bulk-timeout)");
                    }
                    try {
                        Thread.sleep(config.bulkPollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SalesforceException(FAILED, "interrupted while waiting for Bulk job " + id, e);
                    }
                }
            }
        }
    }

    private record ResultsPage(int records, String nextLocator) {
    }

    private ResultsPage results(String path, Consumer<Map<String, String>> record) {
        return this.<InputStream, ResultsPage>send("GET", path, null, (HttpResponse<InputStream> response) -> {
            String locator = response.headers().firstValue("Sforce-Locator").orElse("null");
            int n = 0;
            try (InputStream in = response.body(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord r : csv) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (String h : csv.getHeaderNames()) {
                        cells.put(h, r.get(h));
                    }
                    record.accept(cells);
                    n++;
                }
            } catch (IOException e) {
                throw new SalesforceException(FAILED, "reading Bulk API 2.0 results failed: " + e.getMessage(), e);
            }
            return new ResultsPage(n, locator.isBlank() || locator.equals("null") ? null : locator);
        }, true);
    }

    /** A REST record's fields as text, nested relationship fields as {@code Parent.Field}; the attributes left out. */
    static Map<String, String> cells(JsonNode record) {
        Map<String, String> cells = new LinkedHashMap<>();
        flatten("", record, cells);
        return cells;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals("attributes")) {
                continue;
            }
            JsonNode v = f.getValue();
            if (v.isObject()) {
                flatten(prefix + f.getKey() + ".", v, cells);
            } else {
                cells.put(prefix + f.getKey(), v.isNull() ? "" : v.asText());
            }
        }
    }

    private String data(String rest) {
        return "/services/data/v" + apiVersion() + rest;
    }

    private JsonNode getJson(String path) {
        return send("GET", path, null, this::readJson);
    }

    private JsonNode readJson(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SalesforceException(FAILED, "Salesforce answered something that is not JSON ("
                    + response.statusCode() + ")", e);
        }
    }

    private <T> T send(String method, String path, String body, Function<HttpResponse<String>, T> read) {
        return send(method, path, body, read, false);
    }

    @SuppressWarnings("unchecked")
    private <R, T> T send(String method, String path, String body, Function<HttpResponse<R>, T> read, boolean stream) {
        boolean renewed = false;
        while (true) {
            Token session = session();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(session.instanceUrl() + path))
                    .timeout(config.requestTimeout()).header("Authorization", "Bearer " + session.accessToken())
                    .header("Accept", stream ? "text/csv" : "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpRequest request = b.build();
            HttpResponse<?> response = stream ? http.stream(request) : http.text(request);
            limits.observe(response);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read.apply((HttpResponse<R>) response);
            }
            String text = stream ? drain((HttpResponse<InputStream>) response) : (String) response.body();
            Error error = Error.of(json, text);
            if (status == 401 || "INVALID_SESSION_ID".equals(error.code())) {
                if (renewed) {
                    throw new SalesforceException(REFUSED, "Salesforce refused the session again right after a new "
                            + tokens.flow().label() + " sign-in (" + error.describe(status) + "): " + tokens.flow().check()
                            + ", and that the user may use the API");
                }
                LOG.info("Salesforce session expired: signing in again");
                renew(session);
                renewed = true;
                continue;
            }
            if ("REQUEST_LIMIT_EXCEEDED".equals(error.code())) {
                Instant by = Instant.now().plus(24, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
                throw new SalesforceException(LIMITED, "Salesforce's 24-hour API request limit is used up ("
                        + limits.text() + "): Salesforce counts requests over a rolling 24 hours, so capacity frees up "
                        + "as the requests of 24 hours ago age out, all of it by "
                        + DateTimeFormatter.ISO_INSTANT.format(by.atOffset(ZoneOffset.UTC)) + " at the latest");
            }
            if (error.code() != null && error.code().matches("INVALID_FIELD|MALFORMED_QUERY|INVALID_TYPE|INVALID_QUERY_FILTER_OPERATOR")) {
                throw new SalesforceException(REFUSED, "Salesforce refused the query (" + error.describe(status)
                        + "): check the object's fields in polaris.salesforce.objects");
            }
            throw new SalesforceException(FAILED, "Salesforce answered " + method + " " + URI.create(path).getPath()
                    + " with " + error.describe(status));
        }
    }

    private static String drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The current session (signing in first if there is none): the Streaming API handshakes with it. */
    public Token currentSession() {
        return session();
    }

    /** The Streaming API refused this session (401): sign in again unless another caller already did. */
    public Token renewSession(Token refused) {
        renew(refused);
        return session();
    }

    private Token session() {
        Token t = token;
        if (t == null) {
            synchronized (this) {
                if (token == null) {
                    token = tokens.fetch();
                }
                t = token;
            }
        }
        return t;
    }

    /** Signs in again unless another thread already replaced the refused session. */
    private synchronized void renew(Token refused) {
        if (token == refused) {
            token = tokens.fetch();
        }
    }

    /** A REST error body: {@code [{"message": ..., "errorCode": ...}]}. */
    private record Error(String code, String message) {
        static Error of(ObjectMapper json, String body) {
            try {
                JsonNode n = json.readTree(body == null || body.isBlank() ? "[]" : body);
                JsonNode first = n.isArray() && n.size() > 0 ? n.get(0) : n;
                return new Error(first.path("errorCode").asText(null), first.path("message").asText(null));
            } catch (IOException e) {
                return new Error(null, null);
            }
        }

        String describe(int status) {
            return status + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message);
        }
    }
}
