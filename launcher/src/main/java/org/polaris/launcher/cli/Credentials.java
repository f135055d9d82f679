package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * Who the CLI is, in order: POLARIS_USER and POLARIS_PASSWORD; the system properties polaris.user
 * and polaris.password; the administrator in the security file a local stack wrote
 * ($POLARIS_CREDENTIALS, default .polaris/security.properties in the checkout).
 */
record Credentials(String user, String password) {

    static final String USERS = "quarkus.security.users.embedded.users.";
    static final String ROLES = "quarkus.security.users.embedded.roles.";

    static Credentials find() {
        String user = System.getenv("POLARIS_USER");
        String password = System.getenv("POLARIS_PASSWORD");
        if (user != null && password != null) {
            return new Credentials(user, password);
        }
        user = System.getProperty("polaris.user");
        password = System.getProperty("polaris.password");
        if (user != null && password != null) {
            return new Credentials(user, password);
        }
        String file = System.getenv("POLARIS_CREDENTIALS");
        Path path = file != null ? Path.of(file) : StackOptions.home().resolve(".polaris").resolve("security.properties");
        return fromFile(path);
    }

    /** The administrator of a security file a local stack wrote, or null. */
    static Credentials fromFile(Path path) {
        if (!Files.isReadable(path)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return null;
        }
        String password = p.getProperty(USERS + "admin");
        return password == null ? null : new Credentials("admin", password);
    }

    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
