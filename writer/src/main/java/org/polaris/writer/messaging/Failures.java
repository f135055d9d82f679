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
            // the broker away or slow: Kafka's own retriable errors, and a flush that timed out
            if (t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof org.apache.kafka.common.errors.DisconnectException) {
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

    /**
     * What went wrong, without the data it was about: a database error's text quotes key values
     * (emails, names) in its detail and often its message, so only its SQL state and constraint are
     * kept; any other failure is named by its class. Safe for logs and for the reasons operators read.
     */
    static String describe(Throwable e) {
        for (Throwable t : chain(e)) {
            if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                var server = p.getServerErrorMessage();
                StringBuilder b = new StringBuilder("SQLSTATE ").append(p.getSQLState());
                if (server.getConstraint() != null) {
                    b.append(" (constraint ").append(server.getConstraint()).append(')');
                } else if (server.getTable() != null) {
                    b.append(" (table ").append(server.getTable())
                            .append(server.getColumn() == null ? "" : ", column " + server.getColumn()).append(')');
                }
                return b.toString();
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return "SQLSTATE " + s.getSQLState();
            }
        }
        java.util.List<Throwable> chain = chain(e);
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }
}
