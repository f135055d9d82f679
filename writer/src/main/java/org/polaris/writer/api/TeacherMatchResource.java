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
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.writer.store.TeacherLinks;

/**
 * Teacher matching (Playbook B, Post-Import): the roster entries of a year with their link to a
 * VMS teacher, the review candidates, and manual match / unmatch. A link a person made (MANUAL) is
 * never changed by the auto-match; one teacher is never linked to two roster entries of a year.
 */
@Path("/api/teachers")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
public class TeacherMatchResource {

    private static final String ROSTER = """
            select tp.id, tp.email, tp.name, tp.building, tp.district, tp.match_status, tp.match_score, t.id,
                   t.first_name || ' ' || t.last_name
            from teacher_progress tp left join teacher t on t.id = tp.teacher_id
            where tp.academic_year = ? and tp.active
            order by tp.building, tp.name, tp.email
            """;
    private static final String CANDIDATES = """
            select c.teacher_id, t.first_name || ' ' || t.last_name, t.school, c.score from teacher_match_candidate c
            join teacher t on t.id = c.teacher_id where c.teacher_progress_id = ? order by c.score desc
            """;

    @Inject
    AgroalDataSource db;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("roster")
    @Transactional
    public List<Map<String, Object>> roster(@QueryParam("academicYear") String year,
            @QueryParam("unmatchedOnly") boolean unmatchedOnly) throws SQLException {
        requireYear(year);
        Scope scope = Scope.of(identity);
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(ROSTER)) {
            ps.setString(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(6);
                    boolean linked = rs.getObject(8) != null;
                    if ((unmatchedOnly && linked) || !scope.sees(rs.getString(5))) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("email", rs.getString(2));
                    row.put("name", rs.getString(3));
                    row.put("building", rs.getString(4));
                    row.put("status", status);
                    row.put("score", rs.getObject(7));
                    row.put("teacherId", rs.getObject(8));
                    row.put("teacherName", rs.getString(9));
                    row.put("candidates", candidates(c, rs.getLong(1)));
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * VMS teachers whose name, email or school contains {@code q} (to find the id to link by hand): for
     * administrators and global users (VMS teachers are every district's).
     */
    @GET
    @Path("vms")
    @Transactional
    @RolesAllowed({"admin", "user"})
    public List<Map<String, Object>> vms(@QueryParam("q") String q) throws SQLException {
        String like = "%" + (q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return teachers("select id, salesforce_id, first_name, last_name, email, school from teacher where lower("
                + "first_name || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || coalesce(school, '')) like ? "
                + "order by last_name, first_name limit 200", like);
    }

    @GET
    @Path("vms/salesforce/{salesforceId}")
    @Transactional
    @RolesAllowed({"admin", "user"})
    public Response vmsBySalesforceId(@jakarta.ws.rs.PathParam("salesforceId") String id) throws SQLException {
        List<Map<String, Object>> found = teachers(
                "select id, salesforce_id, first_name, last_name, email, school from teacher where salesforce_id = ?", id);
        return found.isEmpty() ? SheetResource.error(Response.Status.NOT_FOUND, "no VMS teacher with Salesforce id " + id)
                : Response.ok(found.get(0)).build();
    }

    private List<Map<String, Object>> teachers(String sql, String parameter) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", rs.getLong(1));
                    t.put("salesforceId", rs.getString(2));
                    t.put("name", rs.getString(3) + " " + rs.getString(4));
                    t.put("email", rs.getString(5));
                    t.put("school", rs.getString(6));
                    out.add(t);
                }
            }
        }
        return out;
    }

    @POST
    @Path("match")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({"admin", "user"})
    public Response match(Link body) throws SQLException {
        requireYear(body.academicYear());
        try (Connection c = db.getConnection()) {
            try (PreparedStatement taken = c.prepareStatement("""
                    select email from teacher_progress where academic_year = ? and active and teacher_id = ? and email <> ?""")) {
                taken.setString(1, body.academicYear());
                taken.setLong(2, body.teacherId());
                taken.setString(3, email(body.email()));
                try (ResultSet rs = taken.executeQuery()) {
                    if (rs.next()) {
                        return SheetResource.error(Response.Status.CONFLICT, "teacher #" + body.teacherId()
                                + " is already linked to another roster entry of " + body.academicYear() + ": unmatch it first");
                    }
                }
            }
            try (PreparedStatement exists = c.prepareStatement("select 1 from teacher where id = ?")) {
                exists.setLong(1, body.teacherId());
                if (!exists.executeQuery().next()) {
                    return SheetResource.error(Response.Status.NOT_FOUND, "no teacher #" + body.teacherId());
                }
            }
            return link(c, body.academicYear(), body.email(), body.teacherId());
        }
    }

    @POST
    @Path("unmatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({"admin", "user"})
    public Response unmatch(Link body) throws SQLException {
        requireYear(body.academicYear());
        try (Connection c = db.getConnection()) {
            return link(c, body.academicYear(), body.email(), null);
        }
    }

    @POST
    @Path("auto-match")
    @Transactional
    @RolesAllowed({"admin", "user"})
    public Map<String, Object> autoMatch(@QueryParam("academicYear") String year) throws SQLException {
        requireYear(year);
        try (Connection c = db.getConnection()) {
            return Map.of("academicYear", year, "linked", TeacherLinks.autoMatch(c, year));
        }
    }

    private static Response link(Connection c, String year, String email, Long teacherId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update teacher_progress set teacher_id = ?, match_status = 'MANUAL', match_score = null, updated_at = now()
                where academic_year = ? and email = ?""")) {
            if (teacherId == null) {
                ps.setNull(1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, teacherId);
            }
            ps.setString(2, year);
            ps.setString(3, email(email));
            if (ps.executeUpdate() == 0) {
                return SheetResource.error(Response.Status.NOT_FOUND, "no roster entry of " + year + " with that email");
            }
        }
        return Response.ok(Map.of("academicYear", year, "status", "MANUAL", "teacherId",
                teacherId == null ? "none" : teacherId)).build();
    }

    private static List<Map<String, Object>> candidates(Connection c, long rosterId) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setLong(1, rosterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.of("teacherId", rs.getLong(1), "name", rs.getString(2),
                            "school", String.valueOf(rs.getString(3)), "score", Math.round(rs.getDouble(4) * 1000) / 1000.0));
                }
            }
        }
        return out;
    }

    private static String email(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void requireYear(String year) {
        if (year == null || !year.matches("\\d{4}-\\d{4}")) {
            throw new BadRequestException("academicYear is required, e.g. 2024-2025");
        }
    }

    /** A manual link: the roster entry (year + email) and the VMS teacher's id. */
    public record Link(String academicYear, String email, Long teacherId) {
    }
}
