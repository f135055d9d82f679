package org.polaris.salesforce.auth;

import java.util.List;

/**
 * The OAuth 2.0 flows the client can sign in with, and the settings each needs (named in every
 * refusal, so an operator knows what to check).
 */
public enum AuthFlow {
    /** JWT bearer: a connected app with a certificate; the recommended server-to-server flow. */
    JWT_BEARER("jwt-bearer", List.of("SF_CLIENT_ID", "SF_USERNAME", "SF_PRIVATE_KEY_FILE")),
    /** Client credentials: a connected app with a run-as user. */
    CLIENT_CREDENTIALS("client-credentials", List.of("SF_CLIENT_ID", "SF_CLIENT_SECRET")),
    /** Username and password (+ security token): Salesforce is retiring it for connected apps. */
    PASSWORD("password", List.of("SF_USERNAME", "SF_PASSWORD", "SF_SECURITY_TOKEN", "SF_CLIENT_ID", "SF_CLIENT_SECRET"));

    private final String label;
    private final List<String> settings;

    AuthFlow(String label, List<String> settings) {
        this.label = label;
        this.settings = settings;
    }

    /** How operators name it ({@code SF_AUTH_FLOW}). */
    public String label() {
        return label;
    }

    /** The environment variables the flow reads. */
    public List<String> settings() {
        return settings;
    }

    /** "check SF_CLIENT_ID, SF_USERNAME and SF_PRIVATE_KEY_FILE": what a refusal asks the operator to look at. */
    public String check() {
        if (settings.size() == 1) {
            return "check " + settings.get(0);
        }
        return "check " + String.join(", ", settings.subList(0, settings.size() - 1)) + " and "
                + settings.get(settings.size() - 1);
    }

    public static AuthFlow parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        for (AuthFlow f : values()) {
            if (f.label.equals(t) || (f == JWT_BEARER && t.equals("jwt"))) {
                return f;
            }
        }
        throw new IllegalArgumentException("SF_AUTH_FLOW=" + text + " is not a flow: use jwt-bearer, client-credentials or password");
    }
}
