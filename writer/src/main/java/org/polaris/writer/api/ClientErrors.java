package org.polaris.writer.api;

import java.util.Map;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A 4xx thrown as an exception ({@code NotFoundException("no run ...")}, {@code ForbiddenException})
 * answers its message as {@code {"error": ...}}, the shape of every other refusal, so the CLI can
 * say it; without this its body was empty and the CLI could only print "HTTP 404". A response that
 * already has a body keeps it.
 */
@Provider
public class ClientErrors implements ExceptionMapper<ClientErrorException> {

    @Override
    public Response toResponse(ClientErrorException e) {
        Response given = e.getResponse();
        if (given.hasEntity() || e.getMessage() == null) {
            return given;
        }
        return Response.status(given.getStatus()).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
