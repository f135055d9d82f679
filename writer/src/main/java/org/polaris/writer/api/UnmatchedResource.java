package org.polaris.writer.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Pathful rows kept unmatched: {@code GET /api/pathful/unmatched[?academicYear=Y][&status=pending|resolved|all]}.
 * A pending row is matched again by a REMATCH run once its teacher and event exist (within
 * {@code polaris.rematch.window}); a resolved one names that run. Pathful runs are no district's: for
 * global administrators and users.
 */
@Path("/api/pathful/unmatched")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "user"})
public class UnmatchedResource {

    private static final String ROWS = """
            select run_id::text, row_no, kind, reason, academic_year, session_id, event_id, teacher_email, session_start,
                   status, resolved_by_run::text, resolved_at, created_at
            from pathful_unmatched_record
            where (?::text is null or academic_year = ?) and (?::text = 'all' or status = ?)
            order by created_at, run_id, row_no limit ?
            """;

    @Inject
    AgroalDataSource db;

    @GET
    public Response list(@QueryParam("academicYear") String year, @QueryParam("status") @DefaultValue("pending") String status,
            @QueryParam("limit") @DefaultValue("1000") int limit) throws SQLException {
        if (!List.of("pending", "resolved", "ignored", "all").contains(status)) {
            return SheetResource.error(Response.Status.BAD_REQUEST, "status is pending, resolved, ignored or all, not \""
                    + status + "\"");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(ROWS)) {
            ps.setString(1, year);
            ps.setString(2, year);
            ps.setString(3, status);
            ps.setString(4, status);
            ps.setInt(5, Math.max(1, Math.min(limit, 100_000)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("runId", rs.getString(1));
                    row.put("row", rs.getInt(2));
                    row.put("unmatched", rs.getString(3));
                    row.put("reason", rs.getString(4));
                    row.put("academicYear", rs.getString(5));
                    row.put("sessionId", rs.getString(6));
                    row.put("eventId", rs.getString(7));
                    row.put("teacherEmail", rs.getString(8));
                    row.put("sessionStart", rs.getTimestamp(9).toInstant().toString());
                    row.put("status", rs.getString(10));
                    row.put("resolvedByRun", rs.getString(11));
                    row.put("resolvedAt", rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant().toString());
                    row.put("keptAt", rs.getTimestamp(13).toInstant().toString());
                    out.add(row);
                }
            }
        }
        return Response.ok(out).build();
    }
}
