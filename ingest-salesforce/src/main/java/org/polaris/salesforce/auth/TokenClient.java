package org.polaris.salesforce.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jboss.logging.Logger;
import org.polaris.salesforce.SalesforceConfig;
import org.polaris.salesforce.client.SalesforceException;

import static org.polaris.salesforce.client.SalesforceException.Reason.FAILED;
import static org.polaris.salesforce.client.SalesforceException.Reason.REFUSED;

/**
 * Gets an access token from {@code <login url>/services/oauth2/token} with the configured flow:
 * the flow named by SF_AUTH_FLOW, else the one the set credentials make possible (a private key
 * means JWT bearer; a password means the password flow; a client secret alone means client
 * credentials). A refusal names Salesforce's error and the settings to check; it never quotes a
 * credential.
 */
public final class TokenClient {

    private static final Logger LOG = Logger.getLogger(TokenClient.class);
    /** Salesforce accepts an assertion that expires within 3 minutes (and refuses a longer one). */
    private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);

    private final SalesforceConfig config;
    private final AuthFlow flow;
    private final Function<HttpRequest, HttpResponse<String>> send;
    private final ObjectMapper json = new ObjectMapper();

    public TokenClient(SalesforceConfig config, Function<HttpRequest, HttpResponse<String>> send) {
        this.config = config;
        this.flow = chooseFlow(config);
        this.send = send;
        if (flow == AuthFlow.PASSWORD) {
            LOG.warn("Salesforce: signing in with the username-password flow, which Salesforce is retiring for "
                    + "connected apps; move to jwt-bearer (SF_PRIVATE_KEY_FILE) or client-credentials");
        }
    }

    public AuthFlow flow() {
        return flow;
    }

    /** The flow SF_AUTH_FLOW names, else the one the credentials that are set allow. */
    public static AuthFlow chooseFlow(SalesforceConfig config) {
        if (config.authFlow().isPresent()) {
            return AuthFlow.parse(config.authFlow().get());
        }
        if (config.privateKeyFile().isPresent()) {
            return AuthFlow.JWT_BEARER;
        }
        if (config.password().isPresent()) {
            return AuthFlow.PASSWORD;
        }
        if (config.clientSecret().isPresent()) {
            return AuthFlow.CLIENT_CREDENTIALS;
        }
        throw new SalesforceException(REFUSED, "no Salesforce credentials are set: set SF_CLIENT_ID, SF_USERNAME and "
                + "SF_PRIVATE_KEY_FILE (JWT bearer), or SF_CLIENT_ID and SF_CLIENT_SECRET (client credentials), or "
                + "SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN, SF_CLIENT_ID and SF_CLIENT_SECRET (password)");
    }

    /** A new session. */
    public Token fetch() {
        Map<String, String> form = switch (flow) {
            case JWT_BEARER -> Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                    "assertion", assertion());
            case CLIENT_CREDENTIALS -> Map.of("grant_type", "client_credentials",
                    "client_id", required(config.clientId().orElse(null), "SF_CLIENT_ID"),
                    "client_secret", required(config.clientSecret().orElse(null), "SF_CLIENT_SECRET"));
            case PASSWORD -> passwordForm();
        };
        URI uri = URI.create(stripSlash(config.loginUrl()) + "/services/oauth2/token");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        HttpResponse<String> response = send.apply(request);
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body.hasNonNull("access_token") && body.hasNonNull("instance_url")) {
            return new Token(body.get("access_token").asText(), stripSlash(body.get("instance_url").asText()));
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        if (response.statusCode() >= 500) {
            throw new SalesforceException(FAILED, "Salesforce's token endpoint " + uri + " answered "
                    + response.statusCode() + " after the retries");
        }
        throw new SalesforceException(REFUSED, "Salesforce refused the " + flow.label() + " sign-in at " + uri + " ("
                + response.statusCode() + (error.isEmpty() ? "" : " " + error)
                + (description.isEmpty() ? "" : ": " + description) + "): " + flow.check()
                + (flow == AuthFlow.JWT_BEARER ? " (SF_LOGIN_URL is the assertion's audience; the user must be "
                + "pre-authorized for the connected app)" : ""));
    }

    private Map<String, String> passwordForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", required(config.clientId().orElse(null), "SF_CLIENT_ID"));
        form.put("client_secret", required(config.clientSecret().orElse(null), "SF_CLIENT_SECRET"));
        form.put("username", required(config.username().orElse(null), "SF_USERNAME"));
        form.put("password", required(config.password().orElse(null), "SF_PASSWORD") + config.securityToken().orElse(""));
        return form;
    }

    /** The signed assertion: iss = client id, sub = username, aud = the login URL, a short exp. */
    String assertion() {
        String clientId = required(config.clientId().orElse(null), "SF_CLIENT_ID");
        String username = required(config.username().orElse(null), "SF_USERNAME");
        java.nio.file.Path keyFile = config.privateKeyFile().orElseThrow(() -> new SalesforceException(REFUSED,
                "the jwt-bearer flow needs SF_PRIVATE_KEY_FILE (a PEM RSA private key)"));
        RSAPrivateKey key;
        try {
            key = PemKeys.read(keyFile);
        } catch (IOException e) {
            throw new SalesforceException(REFUSED, "SF_PRIVATE_KEY_FILE: " + e.getMessage());
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(username)
                .audience(stripSlash(config.loginUrl())).expirationTime(Date.from(Instant.now().plus(ASSERTION_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new SalesforceException(REFUSED, "SF_PRIVATE_KEY_FILE could not sign the assertion: " + e.getMessage());
        }
        return jwt.serialize();
    }

    private String required(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new SalesforceException(REFUSED, "the " + flow.label() + " flow needs " + setting + ", which is not set");
        }
        return value;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
