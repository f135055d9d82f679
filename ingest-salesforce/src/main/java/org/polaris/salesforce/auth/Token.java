package org.polaris.salesforce.auth;

/**
 * A session: the access token and the instance every later call goes to. The token is a secret:
 * {@link #toString()} never shows it.
 */
public record Token(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
        return "Token[instanceUrl=" + instanceUrl + "]";
    }
}
