package org.polaris.writer.messaging;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells a database that is away (retry) from a row it refuses (record the row as invalid). */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08 connection, 40001 serialization, 40P01 deadlock, 53 resources, 57P admin shutdown
                if (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                        || state.startsWith("53") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (t.getClass().getName().contains("Acquisition") || t.getClass().getName().contains("ConnectException")) {
                return true;
            }
        }
        return false;
    }

    /** A unique-key conflict: another writer got there first. */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
