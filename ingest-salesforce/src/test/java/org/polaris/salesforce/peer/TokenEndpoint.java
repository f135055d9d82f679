package org.polaris.salesforce.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * {@code POST /services/oauth2/token} on the login server: the JWT bearer, client
 * credentials and username-password flows, each failing with the exact OAuth error
 * body Salesforce sends, because clients branch on {@code error} to decide whether
 * retrying can help.
 */
final class TokenEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String PASSWORD = "password";
    static final String USER_ID = "005000000000001";
    /** Salesforce refuses assertions that expire further out than this. */
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

    private final Credentials credentials;
    private final Tokens tokens;
    private final PeerSettings settings;
    private final Supplier<String> loginUrl;
    private final Supplier<String> instanceUrl;
    private final List<String> grantsUsed;
    private final byte[] signingKey = new byte[32];

    TokenEndpoint(Credentials credentials, Tokens tokens, PeerSettings settings,
                  Supplier<String> loginUrl, Supplier<String> instanceUrl, List<String> grantsUsed) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.settings = settings;
        this.loginUrl = loginUrl;
        this.instanceUrl = instanceUrl;
        this.grantsUsed = grantsUsed;
        new SecureRandom().nextBytes(signingKey);
    }

    Response handle(Request request) {
        if (!request.path().equals("/services/oauth2/token")) {
            return Response.bytes(404, "text/plain;charset=UTF-8", "Not Found".getBytes(StandardCharsets.UTF_8));
        }
        if (!request.method().equals("POST")) {
            return Response.oauthError(400, "invalid_request", "must use HTTP POST");
        }
        Response injected = settings.tokenFailures.poll();
        if (injected != null) {
            return injected;
        }
        Map<String, String> form = Request.decodeForm(request.bodyText());
        String grant = form.getOrDefault("grant_type", "");
        Response failure = switch (grant) {
            case JWT_BEARER -> checkJwt(form.get("assertion"));
            case CLIENT_CREDENTIALS -> checkClient(clientCredentials(form, request));
            case PASSWORD -> checkPassword(form);
            default -> Response.oauthError(400, "unsupported_grant_type", "grant type not supported");
        };
        if (failure != null) {
            return failure;
        }
        grantsUsed.add(grant);
        return issue();
    }

    private Response checkJwt(String assertion) {
        if (assertion == null) {
            return invalidAssertion();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!credentials.jwtClientKnown(claims.getIssuer())) {
                return Response.oauthError(400, "invalid_client_id", "client identifier invalid");
            }
            RSAPublicKey key = credentials.jwtKey(claims.getIssuer(), claims.getSubject());
            if (key == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key))
                    || claims.getAudience() == null || !claims.getAudience().contains(loginUrl.get())
                    || claims.getExpirationTime() == null) {
                return invalidAssertion();
            }
            Instant now = Instant.now();
            Instant expires = claims.getExpirationTime().toInstant();
            if (!expires.isAfter(now)) {
                return Response.oauthError(400, "invalid_grant", "expired authorization code");
            }
            if (expires.isAfter(now.plus(MAX_ASSERTION_LIFETIME))) {
                return invalidAssertion();
            }
            return null;
        } catch (ParseException | JOSEException e) {
            return invalidAssertion();
        }
    }

    private static Response invalidAssertion() {
        return Response.oauthError(400, "invalid_grant", "invalid assertion");
    }

    /** Client id and secret come from the form or, as Salesforce also allows, from HTTP Basic auth. */
    private static String[] clientCredentials(Map<String, String> form, Request request) {
        String basic = request.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
                }
            } catch (IllegalArgumentException e) {
                // not base64: fall through to the form, which then most likely fails the check
            }
        }
        return new String[] {form.get("client_id"), form.get("client_secret")};
    }

    private Response checkClient(String[] idAndSecret) {
        return credentials.clientMatches(idAndSecret[0], idAndSecret[1])
                ? null
                : Response.oauthError(400, "invalid_client", "invalid client credentials");
    }

    private Response checkPassword(Map<String, String> form) {
        Response client = checkClient(new String[] {form.get("client_id"), form.get("client_secret")});
        if (client != null) {
            return client;
        }
        return credentials.userMatches(form.get("username"), form.get("password"))
                ? null
                : Response.oauthError(400, "invalid_grant", "authentication failure");
    }

    private Response issue() {
        String id = loginUrl.get() + "/id/" + Tokens.ORG_ID + "/" + USER_ID;
        String issuedAt = Long.toString(System.currentTimeMillis());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue());
        body.put("instance_url", instanceUrl.get());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        body.put("signature", signature(id + issuedAt));
        return Response.json(200, body);
    }

    /** Salesforce signs id + issued_at with HMAC-SHA256; clients may verify, so the shape is kept. */
    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
