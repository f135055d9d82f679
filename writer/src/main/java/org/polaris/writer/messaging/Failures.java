package org.polaris.writer.messaging;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells a database that is away (retry) from a row it refuses (record the row as invalid). */
final class Failures {

    private Failures() {
    }

    /** The cause chain, guarded against cycles. */
    private static java.util.List<Throwable> chain(Throwable e) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t : chain(e)) {
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
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        java.util.List<Throwable> chain = chain(e);
        Throwable root = chain.get(chain.size() - 1);
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
