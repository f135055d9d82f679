package org.polaris.launcher.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks HTTP Basic credentials against the configured users' bcrypt hashes ({@link UsersConfig}).
 * A bcrypt check costs tens of milliseconds by design; a pair that passed is remembered (as a
 * SHA-256 of user and password, never the password) so a client that polls a run does not pay it
 * on every request. Unknown users and wrong passwords get the same refusal (401).
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final int REMEMBERED = 1_000;

    @Inject
    UsersConfig config;

    private final Map<String, String> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String name = request.getUsername();
            UsersConfig.User user = config.users().get(name);
            char[] password = request.getPassword().getPassword();
            try {
                if (user == null || !matches(name, user.passwordHash(), password)) {
                    throw new AuthenticationFailedException("wrong user or password");
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(name));
            user.roles().stream().map(String::strip).filter(r -> !r.isEmpty()).forEach(identity::addRole);
            return identity.build();
        });
    }

    private boolean matches(String name, String hash, char[] password) {
        String fingerprint = fingerprint(name, hash, password);
        synchronized (verified) {
            if (hash.equals(verified.get(fingerprint))) {
                return true;
            }
        }
        boolean ok;
        try {
            ok = BcryptUtil.matches(new String(password), hash);
        } catch (RuntimeException e) {
            ok = false; // a hash that is not bcrypt never matches
        }
        if (ok) {
            synchronized (verified) {
                verified.put(fingerprint, hash);
            }
        }
        return ok;
    }

    private static String fingerprint(String name, String hash, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(hash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
