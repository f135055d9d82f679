package org.polaris.launcher.security;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The users of the API and their roles (admin, user, district:NAME), from configuration: a file
 * named by QUARKUS_CONFIG_LOCATIONS (the local stack writes one) or the environment. Passwords are
 * stored as bcrypt hashes only ({@code polaris.security.users.ana.password-hash=$2a$10$...}); make
 * one with {@code bin/polaris hash-password}.
 */
@ConfigMapping(prefix = "polaris.security")
public interface UsersConfig {

    /** name -> password hash and roles (POLARIS_SECURITY_USERS_<NAME>_PASSWORD_HASH, ..._ROLES). */
    Map<String, User> users();

    /** One user. */
    interface User {

        /** The password's bcrypt hash ($2a$/$2b$/$2y$, any cost). */
        String passwordHash();

        /**
         * admin, user, or district:NAME (comma-separated). Required: a user configured without roles
         * stops the pipeline at start (naming the property) rather than getting any access by default.
         */
        List<String> roles();
    }
}
