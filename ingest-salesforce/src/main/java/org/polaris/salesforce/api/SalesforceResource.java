package org.polaris.salesforce.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.salesforce.sync.SalesforceSyncs;
import org.polaris.salesforce.sync.Steps;
import org.polaris.salesforce.sync.SyncLedger;
import org.polaris.salesforce.sync.SyncRun;

/**
 * The Salesforce runner over HTTP. Global administrators only (facts §7: Salesforce imports are
 * for global admins): anyone else gets 403, an anonymous caller 401.
 * <ul>
 *   <li>{@code POST /api/salesforce/sync}: starts a sync (202 with its steps), 400 for bad flags,
 *       409 while another runs;</li>
 *   <li>{@code GET /api/salesforce/syncs/{id}}: the sync, each step's status and counts as they end;</li>
 *   <li>{@code GET /api/salesforce/status}: each import's watermark and the org's API usage.</li>
 * </ul>
 */
@Path("/api/salesforce")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SalesforceResource {

    @Inject
    SalesforceSyncs syncs;

    @Inject
    SyncLedger ledger;

    @Inject
    SecurityIdentity identity;

    @Inject
    org.polaris.salesforce.sync.SalesforceSchedule schedule;

    /** The body of a sync request: the runner's flags. */
    public record SyncFlags(boolean daily, boolean weekly, boolean full, boolean students, List<String> only,
            List<String> exclude, boolean delta, boolean validateOnly) {
    }

    @POST
    @Path("sync")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sync(SyncFlags flags) {
        SyncFlags f = flags == null ? new SyncFlags(false, false, false, false, null, null, false, false) : flags;
        if (f.full() && f.delta()) {
            return error(400, "--full and --delta contradict each other: a full sync reads every record");
        }
        try {
            SyncRun run = syncs.start(new SalesforceSyncs.Request(new Steps.Selection(f.daily(), f.weekly(), f.full(),
                    f.students(), f.only(), f.exclude()), f.delta(), f.validateOnly(), identity.getPrincipal().getName()));
            return Response.accepted(run.json()).build();
        } catch (SalesforceSyncs.Refused e) {
            return error(e.status, e.getMessage());
        }
    }

    @GET
    @Path("syncs/{id}")
    public Response sync(@PathParam("id") String id) {
        return syncs.sync(id).map(s -> Response.ok(s.json()).build())
                .orElseGet(() -> error(404, "no Salesforce sync " + id));
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        List<Map<String, Object>> imports = new java.util.ArrayList<>();
        for (String step : syncs.available().stream().filter(st -> !Steps.LOCAL.contains(st)).toList()) {
            String kind = Steps.kind(step).orElseThrow().id();
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("step", step);
            i.put("kind", kind);
            i.put("watermark", ledger.watermark(kind).map(Object::toString).orElse(null));
            i.put("polarisCount", ledger.liveCount(kind).orElse(-1));
            imports.add(i);
        }
        status.put("imports", imports);
        status.put("lastSync", syncs.last().map(SyncRun::json).orElse(null));
        status.put("apiUsage", syncs.apiUsage());
        status.put("schedule", schedule.describe());
        return status;
    }

    @Inject
    org.polaris.salesforce.stream.StreamSync stream;

    /** The Streaming API subscription: per channel connected or not and why, replay id, lag, events, heals. */
    @GET
    @Path("stream")
    public Map<String, Object> stream() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("running", stream.running());
        s.put("leader", stream.leader());
        s.put("channels", stream.status());
        s.put("openRuns", stream.openRuns());
        return s;
    }

    /** Starts the subscription on this instance (as SF_STREAM_ENABLED does at startup). */
    @POST
    @Path("stream/start")
    public Map<String, Object> startStream() {
        stream.start();
        return stream();
    }

    /** Stops it: what was received is applied, the rolling runs are closed. */
    @POST
    @Path("stream/stop")
    public Map<String, Object> stopStream() {
        stream.stop();
        return stream();
    }

    /** Closes the rolling runs now (they complete; the next events open new ones). */
    @POST
    @Path("stream/roll")
    public Map<String, Object> rollStream() {
        stream.rollRuns();
        return stream();
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
