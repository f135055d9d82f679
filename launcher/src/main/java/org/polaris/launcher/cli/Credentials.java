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
 * and polaris.password; the credentials file a local stack wrote for its administrator
 * ($POLARIS_CREDENTIALS, default .polaris/cli-credentials.properties in the checkout: {@code user=}
 * and {@code password=}, readable by its owner only; the pipeline itself holds only the hash).
 */
record Credentials(String user, String password) {

    static final String FILE = "cli-credentials.properties";
    /** The plain-text form the local stack wrote before passwords were hashed. */
    static final String OLD_USERS = "quarkus.security.users.embedded.users.";

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
        return fromFile(file != null ? Path.of(file) : defaultFile());
    }

    /** Where {@code bin/polaris up} on its default data directory writes its administrator's credentials. */
    static Path defaultFile() {
        return StackOptions.home().resolve(".polaris").resolve(FILE);
    }

    /** The user of a credentials file a local stack wrote, or null. */
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
        if (p.getProperty("user") != null && p.getProperty("password") != null) {
            return new Credentials(p.getProperty("user"), p.getProperty("password"));
        }
        String old = p.getProperty(OLD_USERS + "admin");
        return old == null ? null : new Credentials("admin", old);
    }

    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
