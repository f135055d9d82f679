package org.polaris.writer.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** PostgreSQL COPY in text format: escaping and sending. */
public final class CopyText {

    private CopyText() {
    }

    /** Appends one field, escaped; null is {@code \N}. */
    public static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }

    public static long copyIn(Connection c, String sql, CharSequence data) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try {
            return copy.copyIn(sql, new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }
}
