package org.polaris.launcher.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** One value of one query, for assertions on the tables an operator would look at. */
final class Db {

    private Db() {
    }

    /** The first column of the first row, as text (null when the query answers no row). */
    static String text(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The first column of the first row, as a number. */
    static long number(DataSource db, String sql) throws SQLException {
        return Long.parseLong(text(db, sql));
    }
}
