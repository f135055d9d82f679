package org.polaris.writer.api;

import java.sql.SQLException;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A database failure in an API request answers with its SQL state, and is logged by it: a
 * database error's text quotes key values (emails, names), which belong in neither the log nor the
 * answer. Unique and exclusion conflicts answer 409; the database away 503; anything else 500.
 */
@Provider
public class DatabaseFailures implements ExceptionMapper<SQLException> {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    @Override
    public Response toResponse(SQLException e) {
        String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
        LOG.warnf("an API request failed in the database (SQLSTATE %s)", state);
        int status = state.startsWith("23") ? 409 : state.startsWith("08") || state.startsWith("57P") ? 503 : 500;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "the database refused the request (SQLSTATE " + state + ")")).build();
    }
}
