package org.polaris.salesforce.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Drives the peer over real sockets with java.net.http, as the production client does. */
class FakeSalesforceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KeyPair appKey;
    private static KeyPair otherKey;

    private FakeSalesforce sf;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        appKey = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    @BeforeEach
    void start() {
        sf = FakeSalesforce.start()
                .acceptClient("client-1", "s3cret")
                .acceptUser("ann@example.org", "pw", "TOKEN")
                .acceptJwt("jwt-app", "ann@example.org", (RSAPublicKey) appKey.getPublic());
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    // ---- helpers -----------------------------------------------------------------------

    private HttpResponse<String> postForm(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest(String form) throws Exception {
        return postForm(sf.loginUrl() + "/services/oauth2/token", form);
    }

    private String token() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=s3cret");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sf.instanceUrl() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String resource, String soql, String token) throws Exception {
        return get("/services/data/v65.0/" + resource + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), token);
    }

    private HttpResponse<String> send(String method, String path, String jsonBody, String token) throws Exception {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        return HTTP.send(HttpRequest.newBuilder(URI.create(sf.instanceUrl() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String jwt(String issuer, String subject, String audience, Instant expires, KeyPair key) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(audience).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private HttpResponse<String> jwtGrant(String assertion) throws Exception {
        return tokenRequest("grant_type=" + URLEncoder.encode(TokenEndpoint.JWT_BEARER, StandardCharsets.UTF_8)
                + "&assertion=" + assertion);
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    // ---- OAuth -------------------------------------------------------------------------

    @Nested
    class OAuth {

        @Test
        void jwtBearerIssuesATokenPointingAtTheInstance() throws Exception {
            long before = System.currentTimeMillis();

            HttpResponse<String> response = jwtGrant(jwt("jwt-app", "ann@example.org", sf.loginUrl(), Instant.now().plusSeconds(180), appKey));

            long after = System.currentTimeMillis();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.fieldNames()).toIterable()
                    .containsExactly("access_token", "instance_url", "id", "token_type", "issued_at", "signature");
            assertThat(body.get("access_token").asText()).startsWith("00D000000000001!").hasSize(16 + 96);
            assertThat(body.get("instance_url").asText()).isEqualTo(sf.instanceUrl());
            assertThat(body.get("id").asText()).isEqualTo(sf.loginUrl() + "/id/00D000000000001/005000000000001");
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(Long.parseLong(body.get("issued_at").asText())).isBetween(before, after);
            assertThat(Base64.getDecoder().decode(body.get("signature").asText())).hasSize(32);
            assertThat(sf.grantsUsed()).containsExactly("urn:ietf:params:oauth:grant-type:jwt-bearer");
            assertThat(get("/services/data/v65.0/limits", body.get("access_token").asText()).statusCode()).isEqualTo(200);
        }

        @Test
        void jwtBearerFailuresAnswerSalesforceErrors() throws Exception {
            String invalidAssertion = "{\"error\":\"invalid_grant\",\"error_description\":\"invalid assertion\"}";
            Instant soon = Instant.now().plusSeconds(120);

            assertError(jwtGrant(jwt("jwt-app", "ann@example.org", sf.loginUrl(), soon, otherKey)), invalidAssertion);
            assertError(jwtGrant(jwt("jwt-app", "ann@example.org", sf.loginUrl() + "/", soon, appKey)), invalidAssertion);
            assertError(jwtGrant(jwt("jwt-app", "bob@example.org", sf.loginUrl(), soon, appKey)), invalidAssertion);
            assertError(jwtGrant(jwt("jwt-app", "ann@example.org", sf.loginUrl(), Instant.now().plusSeconds(600), appKey)), invalidAssertion);
            assertError(jwtGrant("not.a.jwt"), invalidAssertion);
            assertError(jwtGrant(jwt("jwt-app", "ann@example.org", sf.loginUrl(), Instant.now().minusSeconds(5), appKey)),
                    "{\"error\":\"invalid_grant\",\"error_description\":\"expired authorization code\"}");
            assertError(jwtGrant(jwt("someone-else", "ann@example.org", sf.loginUrl(), soon, appKey)),
                    "{\"error\":\"invalid_client_id\",\"error_description\":\"client identifier invalid\"}");
            assertThat(sf.grantsUsed()).isEmpty();
        }

        @Test
        void clientCredentialsFromTheFormOrBasicAuth() throws Exception {
            assertThat(tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=s3cret").statusCode()).isEqualTo(200);
            HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create(sf.loginUrl() + "/services/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("client-1:s3cret".getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(basic.statusCode()).isEqualTo(200);

            String invalidClient = "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}";
            assertError(tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=wrong"), invalidClient);
            assertError(tokenRequest("grant_type=client_credentials&client_id=nobody&client_secret=s3cret"), invalidClient);
            assertThat(sf.grantsUsed()).containsExactly("client_credentials", "client_credentials");
        }

        @Test
        void passwordGrantWantsPasswordPlusSecurityToken() throws Exception {
            String client = "grant_type=password&client_id=client-1&client_secret=s3cret&username=ann%40example.org";

            assertThat(tokenRequest(client + "&password=pwTOKEN").statusCode()).isEqualTo(200);
            assertError(tokenRequest(client + "&password=pw"),
                    "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");
            assertError(tokenRequest("grant_type=password&client_id=client-1&client_secret=nope&username=ann%40example.org&password=pwTOKEN"),
                    "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
            assertThat(sf.grantsUsed()).containsExactly("password");
        }

        @Test
        void otherGrantTypesAreUnsupported() throws Exception {
            String unsupported = "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant type not supported\"}";
            assertError(tokenRequest("grant_type=authorization_code&code=x"), unsupported);
            assertError(tokenRequest("client_id=client-1"), unsupported);
        }

        @Test
        void injectedTokenFailureIsServedOnce() throws Exception {
            sf.failNextToken(503, "{\"error\":\"temporarily_unavailable\"}");

            assertError(tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=s3cret"), 503,
                    "{\"error\":\"temporarily_unavailable\"}");
            assertThat(tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=s3cret").statusCode()).isEqualTo(200);
        }

        private void assertError(HttpResponse<String> response, String body) {
            assertError(response, 400, body);
        }

        private void assertError(HttpResponse<String> response, int status, String body) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    // ---- sessions and limits -------------------------------------------------------------

    @Nested
    class SessionsAndLimits {

        private static final String INVALID_SESSION = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
        private static final String LIMIT_EXCEEDED = "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]";

        @Test
        void versionsListOldestFirstWithOrWithoutAuth() throws Exception {
            HttpResponse<String> anonymous = get("/services/data", null);

            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).isEqualTo("[{\"label\":\"Spring '25\",\"url\":\"/services/data/v63.0\",\"version\":\"63.0\"},"
                    + "{\"label\":\"Summer '25\",\"url\":\"/services/data/v64.0\",\"version\":\"64.0\"},"
                    + "{\"label\":\"Winter '26\",\"url\":\"/services/data/v65.0\",\"version\":\"65.0\"}]");
            assertThat(anonymous.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=0/15000");

            sf.setVersions("65.0", "60.0");
            assertThat(get("/services/data/", token()).body())
                    .isEqualTo("[{\"label\":\"Spring '24\",\"url\":\"/services/data/v60.0\",\"version\":\"60.0\"},"
                            + "{\"label\":\"Winter '26\",\"url\":\"/services/data/v65.0\",\"version\":\"65.0\"}]");
            assertThat(sf.apiUsage()).isZero();
        }

        @Test
        void unknownVersionOrResourceIsNotFound() throws Exception {
            String token = token();
            String notFound = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]";

            HttpResponse<String> unknownVersion = get("/services/data/v99.0/query?q=SELECT+Id+FROM+Contact", token);
            assertThat(unknownVersion.statusCode()).isEqualTo(404);
            assertThat(unknownVersion.body()).isEqualTo(notFound);
            assertThat(get("/services/data/v65.0/sobjects/Nope", token).body()).isEqualTo(notFound);
            assertThat(get("/services/apexrest/x", token).statusCode()).isEqualTo(404);

            // an empty org has no Contact type yet
            HttpResponse<String> unknownType = query("query", "SELECT Id FROM Contact", token);
            assertThat(unknownType.statusCode()).isEqualTo(400);
            assertThat(unknownType.body()).isEqualTo("[{\"message\":\"sObject type 'Contact' is not supported.\",\"errorCode\":\"INVALID_TYPE\"}]");
        }

        @Test
        void everyApiRequestNeedsALiveToken() throws Exception {
            HttpResponse<String> none = get("/services/data/v65.0/limits", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).isEqualTo(INVALID_SESSION);
            assertThat(get("/services/data/v65.0/limits", "00D000000000001!forged").body()).isEqualTo(INVALID_SESSION);

            String token = token();
            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(200);
            sf.expireTokens();
            HttpResponse<String> expired = get("/services/data/v65.0/limits", token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).isEqualTo(INVALID_SESSION);

            assertThat(get("/services/data/v65.0/limits", token()).statusCode()).isEqualTo(200);
            assertThat(sf.apiUsage()).isEqualTo(2);
        }

        @Test
        void tokensCanExpireMidRun() throws Exception {
            String token = token();
            sf.expireTokensAfter(2);

            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(200);
            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(200);
            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(401);
            String fresh = token();
            assertThat(get("/services/data/v65.0/limits", fresh).statusCode()).isEqualTo(200);
            assertThat(get("/services/data/v65.0/limits", fresh).statusCode()).isEqualTo(200);
        }

        @Test
        void limitInfoHeaderCountsRequestsAndTheLimitIsEnforced() throws Exception {
            String token = token();
            sf.setApiLimit(2);

            HttpResponse<String> first = get("/services/data/v65.0/limits", token);
            assertThat(first.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=1/2");
            assertThat(first.body()).isEqualTo("{\"DailyApiRequests\":{\"Max\":2,\"Remaining\":1}}");
            assertThat(get("/services/data/v65.0", token).body()).isEqualTo("{\"sobjects\":\"/services/data/v65.0/sobjects\","
                    + "\"query\":\"/services/data/v65.0/query\",\"queryAll\":\"/services/data/v65.0/queryAll\","
                    + "\"limits\":\"/services/data/v65.0/limits\",\"jobs\":\"/services/data/v65.0/jobs\"}");

            HttpResponse<String> third = get("/services/data/v65.0/limits", token);
            assertThat(third.statusCode()).isEqualTo(403);
            assertThat(third.body()).isEqualTo(LIMIT_EXCEEDED);
            assertThat(third.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=3/2");
        }

        @Test
        void limitExceededSwitch() throws Exception {
            String token = token();
            sf.limitExceeded(true);
            HttpResponse<String> refused = get("/services/data/v65.0/limits", token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo(LIMIT_EXCEEDED);
            assertThat(refused.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=1/15000");

            sf.limitExceeded(false);
            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(200);
        }

        @Test
        void failNextAnswersOnceThenServesNormally() throws Exception {
            String token = token();
            sf.failNext(503, "[{\"message\":\"Server busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");

            HttpResponse<String> failed = get("/services/data/v65.0/limits", token);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).isEqualTo("[{\"message\":\"Server busy\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
            assertThat(get("/services/data/v65.0/limits", token).statusCode()).isEqualTo(200);
        }

        @Test
        void wrongMethodIsRefused() throws Exception {
            HttpResponse<String> response = send("POST", "/services/data/v65.0/query", "{}", token());
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.body()).isEqualTo("[{\"message\":\"HTTP Method 'POST' not allowed. Allowed are GET\",\"errorCode\":\"METHOD_NOT_ALLOWED\"}]");
        }
    }

    // ---- REST query ----------------------------------------------------------------------

    @Nested
    class RestQuery {

        @Test
        void recordsRenderInSalesforceJson() throws Exception {
            Org org = sf.org();
            String id = org.insert("Contact", fields("FirstName", "Ann", "LastName", "O'Neil", "Birthdate", LocalDate.of(1990, 2, 3),
                    "DoNotCall", true, "Score__c", 4.5, "Visits__c", 7, "Title", null, "EmailBouncedDate", Instant.parse("2025-06-01T12:30:45.123Z")));

            HttpResponse<String> response = query("query", "SELECT Id, FirstName, lastname, Birthdate, DoNotCall, Score__c, Visits__c, Title, "
                    + "EmailBouncedDate, CreatedDate FROM Contact WHERE LastName = 'O\\'Neil'", token());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
            assertThat(response.body()).isEqualTo("{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"Contact\","
                    + "\"url\":\"/services/data/v65.0/sobjects/Contact/" + id + "\"},\"Id\":\"003000000000000001\",\"FirstName\":\"Ann\","
                    + "\"LastName\":\"O'Neil\",\"Birthdate\":\"1990-02-03\",\"DoNotCall\":true,\"Score__c\":4.5,\"Visits__c\":7,"
                    + "\"Title\":null,\"EmailBouncedDate\":\"2025-06-01T12:30:45.123+0000\",\"CreatedDate\":\"2026-01-01T00:00:00.000+0000\"}]}");
        }

        @Test
        void pagesFollowNextRecordsUrl() throws Exception {
            for (String last : List.of("E", "D", "C", "B", "A")) {
                sf.org().insert("Contact", fields("LastName", last));
            }
            sf.setPageSize(3);
            String token = token();

            JsonNode first = JSON.readTree(query("query", "SELECT LastName FROM Contact ORDER BY LastName", token).body());
            assertThat(first.get("totalSize").asInt()).isEqualTo(5);
            assertThat(first.get("done").asBoolean()).isFalse();
            assertThat(first.get("nextRecordsUrl").asText()).isEqualTo("/services/data/v65.0/query/01gD0000000001-3");
            assertThat(first.get("records").findValuesAsText("LastName")).containsExactly("A", "B", "C");

            HttpResponse<String> secondResponse = get(first.get("nextRecordsUrl").asText(), token);
            JsonNode second = JSON.readTree(secondResponse.body());
            assertThat(second.get("totalSize").asInt()).isEqualTo(5);
            assertThat(second.get("done").asBoolean()).isTrue();
            assertThat(second.has("nextRecordsUrl")).isFalse();
            assertThat(second.get("records").findValuesAsText("LastName")).containsExactly("D", "E");

            // the cursor is released once fully read
            HttpResponse<String> again = get(first.get("nextRecordsUrl").asText(), token);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).isEqualTo("[{\"message\":\"invalid query locator\",\"errorCode\":\"INVALID_QUERY_LOCATOR\"}]");
            assertThat(sf.stats().recordsServed()).isEqualTo(5);
        }

        @Test
        void laterPagesServeTheSnapshotTakenAtQueryTime() throws Exception {
            for (int i = 0; i < 4; i++) {
                sf.org().insert("Contact", fields("LastName", "L" + i));
            }
            sf.setPageSize(2);
            String token = token();
            JsonNode first = JSON.readTree(query("query", "SELECT LastName FROM Contact", token).body());

            sf.org().insert("Contact", fields("LastName", "Late"));
            sf.org().update("Contact", "003000000000000003", fields("LastName", "Changed"));

            JsonNode second = JSON.readTree(get(first.get("nextRecordsUrl").asText(), token).body());
            assertThat(second.get("totalSize").asInt()).isEqualTo(4);
            assertThat(second.get("records").findValuesAsText("LastName")).containsExactly("L2", "L3");
        }

        @Test
        void batchSizeHeaderLowersThePageSize() throws Exception {
            for (int i = 0; i < 3; i++) {
                sf.org().insert("Contact", fields("LastName", "L" + i));
            }
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sf.instanceUrl()
                            + "/services/data/v64.0/query?q=SELECT+Id+FROM+Contact"))
                    .header("Authorization", "Bearer " + token()).header("Sforce-Query-Options", "batchSize=2").build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("records").size()).isEqualTo(2);
            assertThat(body.get("nextRecordsUrl").asText()).isEqualTo("/services/data/v64.0/query/01gD0000000001-2");
        }

        @Test
        void queryAllSeesDeletedRecordsAndQueryDoesNot() throws Exception {
            Org org = sf.org();
            org.insert("Contact", fields("LastName", "Keep"));
            String gone = org.insert("Contact", fields("LastName", "Gone"));
            org.delete("Contact", gone);
            String token = token();

            JsonNode live = JSON.readTree(query("query", "SELECT LastName, IsDeleted FROM Contact", token).body());
            JsonNode all = JSON.readTree(query("queryAll", "SELECT LastName, IsDeleted, SystemModstamp FROM Contact", token).body());

            assertThat(live.get("totalSize").asInt()).isEqualTo(1);
            assertThat(live.get("records").findValuesAsText("LastName")).containsExactly("Keep");
            assertThat(all.get("totalSize").asInt()).isEqualTo(2);
            assertThat(all.get("records").findValuesAsText("LastName")).containsExactly("Keep", "Gone");
            assertThat(all.get("records").get(1).get("IsDeleted").asBoolean()).isTrue();
            // insert at :00, insert at :01, delete at :02 — the delete bumps SystemModstamp
            assertThat(all.get("records").findValuesAsText("SystemModstamp"))
                    .containsExactly("2026-01-01T00:00:00.000+0000", "2026-01-01T00:00:02.000+0000");
        }

        @Test
        void countQueries() throws Exception {
            Org org = sf.org();
            org.insert("Contact", fields("LastName", "A", "Contact_Type__c", "Volunteer"));
            org.insert("Contact", fields("LastName", "B", "Contact_Type__c", "Teacher"));
            org.delete("Contact", org.insert("Contact", fields("LastName", "C", "Contact_Type__c", "Volunteer")));
            String token = token();

            assertThat(query("query", "SELECT COUNT() FROM Contact", token).body()).isEqualTo("{\"totalSize\":2,\"done\":true,\"records\":[]}");
            assertThat(query("queryAll", "SELECT COUNT() FROM Contact WHERE Contact_Type__c = 'Volunteer'", token).body())
                    .isEqualTo("{\"totalSize\":2,\"done\":true,\"records\":[]}");
        }

        @Test
        void soqlErrorsAreBadRequests() throws Exception {
            sf.org().insert("Contact", fields("LastName", "A"));
            sf.org().declareFields("Contact", "Declared__c");
            String token = token();

            HttpResponse<String> malformed = query("query", "SELECT Id FROM", token);
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).isEqualTo("[{\"message\":\"unexpected token: <EOF>, expected object name\",\"errorCode\":\"MALFORMED_QUERY\"}]");

            HttpResponse<String> unknownField = query("query", "SELECT Id, Nope__c FROM Contact", token);
            assertThat(unknownField.statusCode()).isEqualTo(400);
            assertThat(unknownField.body()).isEqualTo("[{\"message\":\"No such column 'Nope__c' on entity 'Contact'\",\"errorCode\":\"INVALID_FIELD\"}]");

            HttpResponse<String> missingQ = get("/services/data/v65.0/query", token);
            assertThat(missingQ.statusCode()).isEqualTo(400);
            assertThat(missingQ.body()).isEqualTo("[{\"message\":\"A query string has to be specified\",\"errorCode\":\"MALFORMED_QUERY\"}]");

            JsonNode declared = JSON.readTree(query("query", "SELECT Declared__c FROM Contact", token).body());
            assertThat(declared.get("records").get(0).get("Declared__c").isNull()).isTrue();
        }

        @Test
        void concurrentClientsPageIndependently() throws Exception {
            for (int i = 0; i < 50; i++) {
                sf.org().insert("Contact", fields("LastName", "L" + i, "N__c", i));
            }
            sf.setPageSize(7);
            String token = token();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> sums = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    Callable<Integer> reader = () -> {
                        int sum = 0;
                        JsonNode page = JSON.readTree(query("query", "SELECT N__c FROM Contact", token).body());
                        while (true) {
                            for (JsonNode record : page.get("records")) {
                                sum += record.get("N__c").asInt();
                            }
                            if (page.get("done").asBoolean()) {
                                return sum;
                            }
                            page = JSON.readTree(get(page.get("nextRecordsUrl").asText(), token).body());
                        }
                    };
                    sums.add(pool.submit(reader));
                }
                for (Future<Integer> sum : sums) {
                    assertThat(sum.get()).isEqualTo(49 * 50 / 2);
                }
            } finally {
                pool.shutdownNow();
            }
            // 6 readers x 8 pages (7 x 7 + 1)
            assertThat(sf.apiUsage()).isEqualTo(48);
            assertThat(sf.stats().recordsServed()).isEqualTo(300);
        }
    }

    // ---- Bulk API 2.0 --------------------------------------------------------------------

    @Nested
    class BulkQuery {

        private String token;

        @BeforeEach
        void data() throws Exception {
            Org org = sf.org();
            org.insert("Contact", fields("FirstName", "Ann", "LastName", "O'Neil", "Title", "VP, Finance", "DoNotCall", true));
            org.insert("Contact", fields("FirstName", "Bo", "LastName", "Said \"hi\"", "Title", null, "DoNotCall", false));
            org.insert("Contact", fields("FirstName", "Cy", "LastName", "Two\nLines", "Title", "", "DoNotCall", false,
                    "Birthdate", LocalDate.of(2001, 9, 9), "Hours__c", 1.5));
            org.insert("Contact", fields("FirstName", "Di", "LastName", "Plain", "DoNotCall", false));
            org.delete("Contact", org.insert("Contact", fields("FirstName", "Ed", "LastName", "Deleted", "DoNotCall", false)));
            token = token();
        }

        private JsonNode create(String operation, String soql) throws Exception {
            String body = JSON.writeValueAsString(Map.of("operation", operation, "query", soql));
            HttpResponse<String> response = send("POST", "/services/data/v65.0/jobs/query", body, token);
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        private HttpResponse<String> results(String jobId, String query) throws Exception {
            return get("/services/data/v65.0/jobs/query/" + jobId + "/results" + query, token);
        }

        @Test
        void createPollAndPageThroughCsvResults() throws Exception {
            HttpResponse<String> created = send("POST", "/services/data/v65.0/jobs/query",
                    "{\"operation\":\"query\",\"query\":\"SELECT Id, FirstName, LastName, Title, DoNotCall, Birthdate, Hours__c, SystemModstamp FROM Contact ORDER BY FirstName\"}",
                    token);
            assertThat(created.statusCode()).isEqualTo(200);
            // the org clock stood at 00:00:06 after 5 inserts and a delete
            assertThat(created.body()).isEqualTo("{\"id\":\"750D00000000000001\",\"operation\":\"query\",\"object\":\"Contact\","
                    + "\"createdById\":\"005000000000001AAA\",\"createdDate\":\"2026-01-01T00:00:06.000+0000\","
                    + "\"systemModstamp\":\"2026-01-01T00:00:06.000+0000\",\"state\":\"UploadComplete\",\"concurrencyMode\":\"Parallel\","
                    + "\"contentType\":\"CSV\",\"apiVersion\":65.0,\"lineEnding\":\"LF\",\"columnDelimiter\":\"COMMA\"}");
            String jobId = "750D00000000000001";

            HttpResponse<String> early = results(jobId, "");
            assertThat(early.statusCode()).isEqualTo(400);
            assertThat(early.body()).isEqualTo("[{\"errorCode\":\"INVALIDJOBSTATE\",\"message\":"
                    + "\"Results can only be retrieved for a job in state JobComplete; the job is InProgress\"}]");

            JsonNode poll1 = JSON.readTree(get("/services/data/v65.0/jobs/query/" + jobId, token).body());
            assertThat(poll1.get("state").asText()).isEqualTo("InProgress");
            assertThat(poll1.get("numberRecordsProcessed").asInt()).isZero();
            HttpResponse<String> poll2 = get("/services/data/v65.0/jobs/query/" + jobId, token);
            assertThat(poll2.body()).isEqualTo("{\"id\":\"750D00000000000001\",\"operation\":\"query\",\"object\":\"Contact\","
                    + "\"createdById\":\"005000000000001AAA\",\"createdDate\":\"2026-01-01T00:00:06.000+0000\","
                    + "\"systemModstamp\":\"2026-01-01T00:00:06.000+0000\",\"state\":\"JobComplete\",\"concurrencyMode\":\"Parallel\","
                    + "\"contentType\":\"CSV\",\"apiVersion\":65.0,\"jobType\":\"V2Query\",\"lineEnding\":\"LF\",\"columnDelimiter\":\"COMMA\","
                    + "\"numberRecordsProcessed\":4,\"retries\":0,\"totalProcessingTime\":0}");

            HttpResponse<String> page1 = results(jobId, "?maxRecords=3");
            assertThat(page1.statusCode()).isEqualTo(200);
            assertThat(page1.headers().firstValue("Content-Type")).contains("text/csv");
            assertThat(page1.headers().firstValue("Sforce-NumberOfRecords")).contains("3");
            String locator = page1.headers().firstValue("Sforce-Locator").orElseThrow();
            assertThat(locator).isEqualTo("Mw"); // base64 of "3", like Salesforce's "MTAwMDA" for 10000
            assertThat(page1.body()).isEqualTo(
                    "\"Id\",\"FirstName\",\"LastName\",\"Title\",\"DoNotCall\",\"Birthdate\",\"Hours__c\",\"SystemModstamp\"\n"
                    + "\"003000000000000001\",\"Ann\",\"O'Neil\",\"VP, Finance\",\"true\",\"\",\"\",\"2026-01-01T00:00:00.000Z\"\n"
                    + "\"003000000000000002\",\"Bo\",\"Said \"\"hi\"\"\",\"\",\"false\",\"\",\"\",\"2026-01-01T00:00:01.000Z\"\n"
                    + "\"003000000000000003\",\"Cy\",\"Two\nLines\",\"\",\"false\",\"2001-09-09\",\"1.5\",\"2026-01-01T00:00:02.000Z\"\n");

            HttpResponse<String> page2 = results(jobId, "?maxRecords=3&locator=" + locator);
            assertThat(page2.headers().firstValue("Sforce-Locator")).contains("null");
            assertThat(page2.headers().firstValue("Sforce-NumberOfRecords")).contains("1");
            assertThat(page2.body()).isEqualTo(
                    "\"Id\",\"FirstName\",\"LastName\",\"Title\",\"DoNotCall\",\"Birthdate\",\"Hours__c\",\"SystemModstamp\"\n"
                    + "\"003000000000000004\",\"Di\",\"Plain\",\"\",\"false\",\"\",\"\",\"2026-01-01T00:00:03.000Z\"\n");

            HttpResponse<String> whole = results(jobId, "");
            assertThat(whole.headers().firstValue("Sforce-NumberOfRecords")).contains("4");
            assertThat(whole.headers().firstValue("Sforce-Locator")).contains("null");

            assertThat(send("DELETE", "/services/data/v65.0/jobs/query/" + jobId, null, token).statusCode()).isEqualTo(204);
            HttpResponse<String> gone = get("/services/data/v65.0/jobs/query/" + jobId, token);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo("[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]");
            assertThat(sf.stats().recordsServed()).isEqualTo(3 + 1 + 4);
        }

        @Test
        void queryAllJobIncludesDeletedRecords() throws Exception {
            sf.setBulkPollsBeforeComplete(0);
            String jobId = create("queryAll", "SELECT FirstName, IsDeleted FROM Contact WHERE IsDeleted = true").get("id").asText();

            assertThat(JSON.readTree(get("/services/data/v65.0/jobs/query/" + jobId, token).body()).get("state").asText()).isEqualTo("JobComplete");
            assertThat(results(jobId, "").body()).isEqualTo("\"FirstName\",\"IsDeleted\"\n\"Ed\",\"true\"\n");
        }

        @Test
        void badSoqlFailsTheJob() throws Exception {
            JsonNode created = create("query", "SELECT Id, Nope__c FROM Contact");
            assertThat(created.get("state").asText()).isEqualTo("UploadComplete");
            assertThat(created.get("object").asText()).isEqualTo("Contact");
            String jobId = created.get("id").asText();

            assertThat(JSON.readTree(get("/services/data/v65.0/jobs/query/" + jobId, token).body()).get("state").asText()).isEqualTo("InProgress");
            JsonNode failed = JSON.readTree(get("/services/data/v65.0/jobs/query/" + jobId, token).body());
            assertThat(failed.get("state").asText()).isEqualTo("Failed");
            assertThat(failed.get("errorMessage").asText()).isEqualTo("INVALID_FIELD: No such column 'Nope__c' on entity 'Contact'");
            assertThat(results(jobId, "").body()).isEqualTo("[{\"errorCode\":\"INVALIDJOBSTATE\",\"message\":"
                    + "\"Results can only be retrieved for a job in state JobComplete; the job is Failed\"}]");
        }

        @Test
        void invalidJobRequests() throws Exception {
            HttpResponse<String> badOperation = send("POST", "/services/data/v65.0/jobs/query", "{\"operation\":\"insert\",\"query\":\"SELECT Id FROM Contact\"}", token);
            assertThat(badOperation.statusCode()).isEqualTo(400);
            assertThat(badOperation.body()).isEqualTo("[{\"errorCode\":\"INVALIDJOB\",\"message\":\"InvalidJob : Invalid operation: insert\"}]");

            HttpResponse<String> notJson = send("POST", "/services/data/v65.0/jobs/query", "operation=query", token);
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).isEqualTo("[{\"errorCode\":\"JSON_PARSER_ERROR\",\"message\":\"Unable to parse the request body as JSON\"}]");

            sf.setBulkPollsBeforeComplete(0);
            String jobId = create("query", "SELECT Id FROM Contact").get("id").asText();
            get("/services/data/v65.0/jobs/query/" + jobId, token);
            HttpResponse<String> badLocator = results(jobId, "?locator=bm9wZQ");
            assertThat(badLocator.statusCode()).isEqualTo(400);
            assertThat(badLocator.body()).isEqualTo("[{\"errorCode\":\"INVALIDLOCATOR\",\"message\":\"Invalid locator: bm9wZQ\"}]");
            assertThat(results("750D99999999999999", "").statusCode()).isEqualTo(404);
        }
    }

    // ---- stats -------------------------------------------------------------------------

    @Test
    void statsCountWhatThePeerServed() throws Exception {
        sf.org().insert("Account", fields("Name", "O'Brien Industries"));
        sf.org().insert("Account", fields("Name", "Acme"));
        HttpResponse<String> tokenResponse = tokenRequest("grant_type=client_credentials&client_id=client-1&client_secret=s3cret");
        String token = JSON.readTree(tokenResponse.body()).get("access_token").asText();
        HttpResponse<String> rest = query("query", "SELECT Name FROM Account", token);
        HttpResponse<String> unauthorized = get("/services/data/v65.0/limits", null);

        PeerStats stats = sf.stats();
        assertThat(stats.tokenRequests()).isEqualTo(1);
        assertThat(stats.apiRequests()).isEqualTo(2);
        assertThat(stats.recordsServed()).isEqualTo(2);
        assertThat(stats.bytesServed()).isEqualTo(bytes(tokenResponse) + bytes(rest) + bytes(unauthorized));
        assertThat(stats.servingNanos()).isPositive();
        assertThat(stats.recordsPerServingSecond()).isEqualTo(2 * 1e9 / stats.servingNanos());

        stats.reset();
        assertThat(stats.toString()).isEqualTo("PeerStats[tokenRequests=0, apiRequests=0, recordsServed=0, bytesServed=0, servingNanos=0]");
    }

    private static long bytes(HttpResponse<String> response) {
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
