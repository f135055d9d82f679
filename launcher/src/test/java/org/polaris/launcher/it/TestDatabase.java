package org.polaris.launcher.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (started by .ci/run when it is not running): each test
 * JVM gets a fresh database of its own. POLARIS_TEST_DB_SERVER (default jdbc:postgresql://127.0.0.1:5432/),
 * POLARIS_TEST_DB_USER (postgres) and POLARIS_TEST_DB_PASSWORD (empty) point elsewhere; .ci/run sets
 * the last two when the server asks for a password on TCP.
 */
public final class TestDatabase {

    static final String SERVER = System.getenv().getOrDefault("POLARIS_TEST_DB_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("POLARIS_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("POLARIS_TEST_DB_PASSWORD", "");

    private TestDatabase() {
    }

    /** Drops and creates the database; returns its JDBC URL. */
    public static String fresh(String name) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
            return SERVER + name;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed on " + SERVER + " (start it: see README)", e);
        }
    }

    /** The server's host and port, from {@link #SERVER}. */
    static java.net.URI address() {
        return java.net.URI.create(SERVER.substring("jdbc:".length()));
    }

    /** Who the tests (and the pipelines they start) connect as. */
    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }
}
