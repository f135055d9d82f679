package org.polaris.writer.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/** Helpers for the array-bound statements the writer uses: one round trip per batch, not per row. */
public final class Sql {

    private Sql() {
    }

    public static Array text(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    public static Array ints(Connection c, Collection<Integer> values) throws SQLException {
        return c.createArrayOf("integer", values.toArray());
    }

    public static Array longs(Connection c, Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }
}
