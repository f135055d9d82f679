package org.polaris.salesforce.peer;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The connected apps and users the login server accepts. */
final class Credentials {

    private final Map<String, String> clientSecrets = new ConcurrentHashMap<>();
    /** username → password immediately followed by the security token, as the password grant sends it. */
    private final Map<String, String> userPasswords = new ConcurrentHashMap<>();
    /** JWT client id → (username → the certificate's public key). */
    private final Map<String, Map<String, RSAPublicKey>> jwtKeys = new ConcurrentHashMap<>();

    void acceptClient(String clientId, String clientSecret) {
        clientSecrets.put(clientId, clientSecret);
    }

    void acceptUser(String username, String password, String securityToken) {
        userPasswords.put(username, password + (securityToken == null ? "" : securityToken));
    }

    void acceptJwt(String clientId, String username, RSAPublicKey key) {
        jwtKeys.computeIfAbsent(clientId, k -> new ConcurrentHashMap<>()).put(username, key);
    }

    boolean clientMatches(String clientId, String clientSecret) {
        return clientId != null && clientSecret != null && clientSecret.equals(clientSecrets.get(clientId));
    }

    boolean userMatches(String username, String passwordAndToken) {
        return username != null && passwordAndToken != null && passwordAndToken.equals(userPasswords.get(username));
    }

    boolean jwtClientKnown(String clientId) {
        return clientId != null && jwtKeys.containsKey(clientId);
    }

    /** The key registered for this client and user, or null. */
    RSAPublicKey jwtKey(String clientId, String username) {
        Map<String, RSAPublicKey> users = clientId == null ? null : jwtKeys.get(clientId);
        return users == null || username == null ? null : users.get(username);
    }
}
