package org.polaris.ingest.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.ingest.replay.Replays;

/**
 * {@code POST /api/runs/{id}/replay[?validateOnly=true]}: publishes a past run's raw rows again under a
 * new run id, read through the current alias mapping (administrators only: the design's rule for
 * replays). 202 with the new run's id, the run it replays, and what was read from the raw topic (its
 * offsets and the records consumed); 404 no such run, 409 a run that cannot be replayed yet or at
 * all, 410 rows past retention.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ImportAccess.ADMIN)
public class ReplayResource {

    @Inject
    Replays replays;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String runId, @QueryParam("validateOnly") boolean validateOnly) {
        try {
            Replays.Replay r = replays.replay(runId, validateOnly, identity.getPrincipal().getName());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runId", r.receipt().runId());
            body.put("replayOf", r.replayOf());
            body.put("kind", r.receipt().kind());
            body.put("rows", r.receipt().rows());
            body.put("mode", r.mode().name());
            body.put("read", r.read());
            return Response.accepted(body).build();
        } catch (Replays.Refused e) {
            return Response.status(e.status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", e.getMessage())).build();
        }
    }
}
