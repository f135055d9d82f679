package org.polaris.ingest.sheets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Google, as far as the Sheets reader sees it, on a local port: the OAuth token endpoint (which
 * checks the service account's signed JWT assertion as Google does: grant type, issuer, audience,
 * scope, expiry and the RS256 signature against the account's public key) and the Sheets v4
 * {@code spreadsheets.get} and {@code values.get} resources, which demand the token it issued.
 * Sheets answer in the v4 JSON shape; failures (429 with Retry-After, 5xx, 403, 404, slow answers)
 * can be scripted per spreadsheet. Built on WireMock, in process, so every request is also in its
 * journal for the tests to inspect.
 */
public class FakeGoogle implements AutoCloseable {

    public static final String ACCESS_TOKEN = "test-token";
    public static final String SERVICE_ACCOUNT = "polaris-sheets@polaris-test.iam.gserviceaccount.com";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String READONLY_SCOPE = "https://www.googleapis.com/auth/spreadsheets.readonly";
    /**
     * The audience Google's token endpoint demands in the assertion. The auth library always signs
     * for it, wherever the key file's token_uri sends the request, so this peer demands it too.
     */
    static final String TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

    private static final Gson GSON = new Gson();

    private final KeyPair keys;
    private final WireMockServer server;

    public FakeGoogle() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        reset();
    }

    /** Forgets every sheet, scripted failure and logged request; the token endpoint stays. */
    public void reset() {
        server.resetAll();
        // the token endpoint: a valid assertion gets the token, anything else Google's invalid_grant
        server.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
                .withFormParam("grant_type", equalTo(JWT_BEARER))
                .andMatching(request -> MatchResult.of(assertionProblem(assertionOf(request)) == null))
                .willReturn(json(200, Map.of("access_token", ACCESS_TOKEN, "token_type", "Bearer", "expires_in", 3600))));
        server.stubFor(post(urlPathEqualTo("/token")).atPriority(9)
                .willReturn(json(400, Map.of("error", "invalid_grant", "error_description", "Invalid JWT Signature."))));
        // the Sheets API refuses requests without the token it issued
        server.stubFor(any(urlPathMatching("/v4/.*")).atPriority(10)
                .willReturn(googleError(401, "Request is missing required authentication credential.", "UNAUTHENTICATED")));
    }

    public String rootUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + server.port() + "/token";
    }

    /** Writes the service account's JSON key, as Google's console downloads it, pointing at this token endpoint. */
    public Path writeKeyFile(Path dir) throws IOException {
        return writeKeyFile(dir, SERVICE_ACCOUNT);
    }

    public Path writeKeyFile(Path dir, String clientEmail) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        JsonObject key = new JsonObject();
        key.addProperty("type", "service_account");
        key.addProperty("project_id", "polaris-test");
        key.addProperty("private_key_id", "0123456789abcdef0123456789abcdef01234567");
        key.addProperty("private_key", pem);
        key.addProperty("client_email", clientEmail);
        key.addProperty("client_id", "100000000000000000001");
        key.addProperty("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.addProperty("token_uri", tokenUrl());
        Path file = dir.resolve("service-account-" + System.nanoTime() + ".json");
        Files.writeString(file, GSON.toJson(key));
        return file;
    }

    /**
     * Registers a spreadsheet on a running FakeGoogle through WireMock's admin API (for tests that
     * only know its URL, such as the pipeline's ITs, where the server runs in a test resource).
     */
    public static void sheet(String rootUrl, String id, String answeredRange, List<String> tabs,
            List<List<String>> rows) {
        java.net.URI uri = java.net.URI.create(rootUrl);
        com.github.tomakehurst.wiremock.client.WireMock client =
                new com.github.tomakehurst.wiremock.client.WireMock(uri.getHost(), uri.getPort());
        stubs(id, answeredRange, tabs, rows).forEach(client::register);
    }

    private static com.github.tomakehurst.wiremock.client.WireMock remote(String rootUrl) {
        java.net.URI uri = java.net.URI.create(rootUrl);
        return new com.github.tomakehurst.wiremock.client.WireMock(uri.getHost(), uri.getPort());
    }

    /** {@link #failAlways(String, int)} on a running FakeGoogle known by its URL. */
    public static void failAlways(String rootUrl, String id, int status) {
        remote(rootUrl).register(get(urlPathMatching(anyPath(id))).atPriority(2).willReturn(failure(status)));
    }

    /** Every request for this spreadsheet answered 429 with {@code Retry-After: seconds}, on a running FakeGoogle. */
    public static void askToWait(String rootUrl, String id, int seconds) {
        remote(rootUrl).register(get(urlPathMatching(anyPath(id))).atPriority(2)
                .willReturn(failure(429).withHeader("Retry-After", Integer.toString(seconds))));
    }

    /** {@link #apiDisabled(String)} on a running FakeGoogle known by its URL. */
    public static void apiDisabled(String rootUrl, String id) {
        remote(rootUrl).register(get(urlPathMatching(anyPath(id))).atPriority(2).willReturn(apiDisabledError()));
    }

    /** {@link #unknownRange(String, String)} on a running FakeGoogle known by its URL. */
    public static void unknownRange(String rootUrl, String id, String range) {
        remote(rootUrl).register(get(urlPathMatching(valuesPath(id))).atPriority(2)
                .willReturn(googleError(400, "Unable to parse range: " + range, "INVALID_ARGUMENT")));
    }

    /**
     * A spreadsheet whose first tab is {@code tabs.get(0)}; every values.get of it answers {@code rows}
     * (displayed values, ragged as Sheets sends them) as {@code answeredRange}.
     */
    public void sheet(String id, String answeredRange, List<String> tabs, List<List<String>> rows) {
        stubs(id, answeredRange, tabs, rows).forEach(server::stubFor);
    }

    private static List<com.github.tomakehurst.wiremock.client.MappingBuilder> stubs(String id, String answeredRange,
            List<String> tabs, List<List<String>> rows) {
        JsonArray sheets = new JsonArray();
        for (String tab : tabs) {
            JsonObject properties = new JsonObject();
            properties.addProperty("title", tab);
            JsonObject sheet = new JsonObject();
            sheet.add("properties", properties);
            sheets.add(sheet);
        }
        JsonObject spreadsheet = new JsonObject();
        spreadsheet.add("sheets", sheets);
        var metadata = get(urlPathEqualTo("/v4/spreadsheets/" + id)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(json(200, spreadsheet));

        JsonObject valueRange = new JsonObject();
        valueRange.addProperty("range", answeredRange);
        valueRange.addProperty("majorDimension", "ROWS");
        if (!rows.isEmpty()) { // Sheets leaves "values" out for an empty range
            valueRange.add("values", GSON.toJsonTree(rows));
        }
        var values = get(urlPathMatching(valuesPath(id))).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(json(200, valueRange));
        return List.of(metadata, values);
    }

    /** The next {@code times} requests for this spreadsheet get {@code status} (with Retry-After when given). */
    public void failNext(String id, int times, int status, String retryAfter) {
        String scenario = "failures of " + id;
        for (int i = 0; i < times; i++) {
            ResponseDefinitionBuilder response = failure(status);
            if (retryAfter != null) {
                response.withHeader("Retry-After", retryAfter);
            }
            server.stubFor(get(urlPathMatching(anyPath(id))).atPriority(1)
                    .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(response));
        }
    }

    /** Every request for this spreadsheet gets {@code status}. */
    public void failAlways(String id, int status) {
        server.stubFor(get(urlPathMatching(anyPath(id))).atPriority(2).willReturn(failure(status)));
    }

    /** Every request for this spreadsheet gets the 403 Google sends when the project has not enabled the Sheets API. */
    void apiDisabled(String id) {
        server.stubFor(get(urlPathMatching(anyPath(id))).atPriority(2).willReturn(apiDisabledError()));
    }

    private static ResponseDefinitionBuilder apiDisabledError() {
        return googleError(403,
                "Google Sheets API has not been used in project 100000000001 before or it is disabled. Enable it by"
                        + " visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview"
                        + "?project=100000000001 then retry.", "PERMISSION_DENIED");
    }

    /** values.get of this spreadsheet answers 400, as Sheets does for a tab or range it cannot find. */
    void unknownRange(String id, String range) {
        server.stubFor(get(urlPathMatching(valuesPath(id))).atPriority(2)
                .willReturn(googleError(400, "Unable to parse range: " + range, "INVALID_ARGUMENT")));
    }

    /** Every values.get of this spreadsheet answers only after {@code delay}. */
    void slowValues(String id, Duration delay) {
        server.stubFor(get(urlPathMatching(valuesPath(id))).atPriority(2)
                .willReturn(json(200, Map.of("range", "Sheet1!A1:A1", "values", List.of(List.of("x"))))
                        .withFixedDelay((int) delay.toMillis())));
    }

    /** The values.get requests for this spreadsheet, oldest first. */
    public List<LoggedRequest> valueRequests(String id) {
        return server.findAll(getRequestedFor(urlPathMatching(valuesPath(id))));
    }

    List<LoggedRequest> metadataRequests(String id) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/v4/spreadsheets/" + id)));
    }

    public List<LoggedRequest> tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/token")));
    }

    /** The range a values.get asked for, decoded from its path. */
    static String requestedRange(LoggedRequest request) {
        String path = request.getUrl().split("\\?")[0];
        String encoded = path.substring(path.indexOf("/values/") + "/values/".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Form parameters of a token request. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String assertionOf(Request request) {
        return form(request.getBodyAsString()).get("assertion");
    }

    /** What is wrong with a JWT assertion, as Google's token endpoint checks it; null when it is valid. */
    String assertionProblem(String assertion) {
        if (assertion == null) {
            return "no assertion";
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3) {
            return "not a 3-part JWT";
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonObject header = JsonParser.parseString(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject claims = JsonParser.parseString(new String(b64.decode(parts[1]), StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"RS256".equals(string(header, "alg"))) {
                return "alg is not RS256";
            }
            if (!SERVICE_ACCOUNT.equals(string(claims, "iss"))) {
                return "iss is not the service account";
            }
            if (!TOKEN_AUDIENCE.equals(string(claims, "aud"))) {
                return "aud is not Google's token endpoint";
            }
            String scope = string(claims, "scope");
            if (scope == null || !List.of(scope.split(" ")).contains(READONLY_SCOPE)) {
                return "scope lacks spreadsheets.readonly";
            }
            long now = System.currentTimeMillis() / 1000;
            if (!claims.has("exp") || claims.get("exp").getAsLong() < now || claims.get("iat").getAsLong() > now + 60) {
                return "expired or not yet valid";
            }
            if (!verifies(parts, keys.getPublic())) {
                return "bad signature";
            }
            return null;
        } catch (RuntimeException | GeneralSecurityException e) {
            return "unreadable JWT: " + e;
        }
    }

    private static boolean verifies(String[] parts, PublicKey key) throws GeneralSecurityException {
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static String string(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }

    private static String valuesPath(String id) {
        return "/v4/spreadsheets/" + Pattern.quote(id) + "/values/.+";
    }

    private static String anyPath(String id) {
        return "/v4/spreadsheets/" + Pattern.quote(id) + "(/.*)?";
    }

    private static ResponseDefinitionBuilder failure(int status) {
        return switch (status) {
            case 403 -> googleError(403, "The caller does not have permission", "PERMISSION_DENIED");
            case 404 -> googleError(404, "Requested entity was not found.", "NOT_FOUND");
            case 429 -> googleError(429, "Quota exceeded for quota metric 'Read requests'.", "RESOURCE_EXHAUSTED");
            default -> googleError(status, "The service is currently unavailable.", "UNAVAILABLE");
        };
    }

    private static ResponseDefinitionBuilder googleError(int code, String message, String status) {
        return json(code, Map.of("error", Map.of("code", code, "message", message, "status", status)));
    }

    private static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body instanceof JsonObject o ? o.toString() : GSON.toJson(body));
    }

    @Override
    public void close() {
        server.stop();
    }
}
