package org.polaris.writer.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The run ledger, read-only: runs with their counts, and the rows behind the counts. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
public class RunResource {

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    /** Outcomes an operator has to look at; the others are listed on request. */
    private static final List<String> NEEDS_ATTENTION = List.of("INVALID", "UNMATCHED_TEACHER", "UNMATCHED_EVENT", "WAITING");

    @GET
    public List<RunView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        Scope scope = Scope.of(identity);
        if (!scope.global() && scope.districts().isEmpty()) {
            return List.of();
        }
        var runs = scope.global() ? ImportRun.<ImportRun>findAll(Sort.descending("startedAt").and("id"))
                : ImportRun.<ImportRun>find("district in ?1", Sort.descending("startedAt").and("id"), scope.districts());
        return runs.page(Page.ofSize(Math.max(1, Math.min(limit, 1000)))).list().stream().map(RunView::of).toList();
    }

    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") String id) {
        ImportRun run = find(id);
        List<String> replays = ImportRun.<ImportRun>find("replayOf", Sort.ascending("startedAt"), run.id).stream()
                .map(r -> r.id.toString()).toList();
        return RunView.of(run, replays);
    }

    /** Rows of a run by outcome (default: invalid and unmatched), in row order, with reasons and warnings. */
    @GET
    @Path("{id}/rows")
    public List<RowView> rows(@PathParam("id") String id, @QueryParam("outcome") String outcomes,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        ImportRun run = find(id);
        List<String> wanted = outcomes == null || outcomes.isBlank() ? NEEDS_ATTENTION
                : Arrays.stream(outcomes.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        return OutcomeRow.<OutcomeRow>find("runId = ?1 and outcome in ?2", Sort.ascending("rowNumber"), run.id, wanted)
                .page(Page.ofSize(Math.max(1, Math.min(limit, 100_000)))).list()
                .stream().map(RowView::of).toList();
    }

    /** Rows of a run that carry warnings, whatever their outcome. */
    @GET
    @Path("{id}/warnings")
    public List<RowView> warnings(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("1000") int limit) {
        ImportRun run = find(id);
        return OutcomeRow.<OutcomeRow>find("runId = ?1 and warnings is not null", Sort.ascending("rowNumber"), run.id)
                .page(Page.ofSize(Math.max(1, Math.min(limit, 100_000)))).list()
                .stream().map(RowView::of).toList();
    }

    /**
     * What a validate-only run would change: the rows it would create (every field's new value) or
     * update (the fields old -> new), then the entries its completion would deactivate. Empty for a
     * run that wrote what it read.
     */
    @GET
    @Path("{id}/changes")
    public List<org.polaris.writer.ledger.RunChanges.Change> changes(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("1000") int limit) throws java.sql.SQLException {
        ImportRun run = find(id);
        try (java.sql.Connection c = db.getConnection()) {
            return org.polaris.writer.ledger.RunChanges.of(c, run.id.toString(), Math.max(1, Math.min(limit, 100_000)));
        }
    }

    private ImportRun find(String id) {
        ImportRun run = findAny(id);
        if (!Scope.of(identity).sees(run.district)) {
            throw new jakarta.ws.rs.ForbiddenException("run " + id + " is outside your districts");
        }
        return run;
    }

    private static ImportRun findAny(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no run " + id);
        }
        ImportRun run = ImportRun.findById(uuid);
        if (run == null) {
            throw new NotFoundException("no run " + id);
        }
        return run;
    }

    /** One row's outcome for operators. */
    public record RowView(int row, String outcome, List<String> reasons, List<String> warnings) {
        static RowView of(OutcomeRow o) {
            return new RowView(o.rowNumber, o.outcome, split(o.reasons), split(o.warnings));
        }

        private static List<String> split(String s) {
            return s == null ? List.of() : List.of(s.split("\n"));
        }
    }
}
