package org.polaris.salesforce.peer;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live access tokens. Expiry is all-or-nothing over the tokens issued so far, which is
 * what a session timeout looks like to a client: every request fails with
 * INVALID_SESSION_ID until it asks the login server for a new token.
 */
final class Tokens {

    static final String ORG_ID = "00D000000000001";
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();

    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    /** API requests still allowed before every current token expires; -1 = no countdown. */
    private final AtomicInteger requestsUntilExpiry = new AtomicInteger(-1);

    /** A token shaped like Salesforce's: the org id, '!', then an opaque string. */
    String issue() {
        StringBuilder token = new StringBuilder(ORG_ID).append('!');
        for (int i = 0; i < 96; i++) {
            token.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        String value = token.toString();
        live.add(value);
        return value;
    }

    boolean isLive(String token) {
        return token != null && live.contains(token);
    }

    void expireAll() {
        live.clear();
    }

    void expireAfter(int requests) {
        if (requests <= 0) {
            requestsUntilExpiry.set(-1);
            expireAll();
        } else {
            requestsUntilExpiry.set(requests);
        }
    }

    /** Called once per authorized API request; the n-th one is served, then the tokens die. */
    void countRequest() {
        int before = requestsUntilExpiry.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (before == 1) {
            expireAll();
        }
    }
}
