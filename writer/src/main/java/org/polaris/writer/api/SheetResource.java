package org.polaris.writer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * Sheet configurations (Playbooks B and C): an administrator registers a Google Sheet for a purpose,
 * an academic year and (for rosters) a district; imports then run by the configuration's id. Global
 * users see every sheet; a district's users see their district's sheets only.
 */
@Path("/api/sheets")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
public class SheetResource {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern SHEET_ID = Pattern.compile("[A-Za-z0-9_-]{10,}");

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    /** The registered sheets the caller may see: every one for global users, a district's own for its users. */
    @GET
    public List<SheetView> list(@QueryParam("purpose") String purpose, @QueryParam("academicYear") String academicYear) {
        Scope scope = Scope.of(identity);
        return SheetConfig.<SheetConfig>listAll(Sort.ascending("academicYear", "purpose", "district", "id")).stream()
                .filter(s -> purpose == null || purpose.equals(s.purpose))
                .filter(s -> academicYear == null || academicYear.equals(s.academicYear))
                .filter(s -> scope.sees(s.district))
                .map(SheetView::of).toList();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        SheetConfig s = SheetConfig.findById(id);
        // a sheet of another district is as absent as one that does not exist (its id says nothing)
        return s == null || !Scope.of(identity).sees(s.district) ? notFound(id) : Response.ok(SheetView.of(s)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @jakarta.annotation.security.RolesAllowed("admin")
    public Response add(NewSheet body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        String user = security.getUserPrincipal() == null ? "api" : security.getUserPrincipal().getName();
        List<String> problems = problems(body);
        if (!problems.isEmpty()) {
            return error(Response.Status.BAD_REQUEST, String.join("; ", problems));
        }
        String district = blankToNull(body.district());
        SheetConfig existing = SheetConfig.<SheetConfig>find(
                "purpose = ?1 and academicYear = ?2 and sheetId = ?3 and "
                        + (district == null ? "district is null" : "district = ?4"),
                district == null ? new Object[] {body.purpose(), body.academicYear(), body.sheetId().strip()}
                        : new Object[] {body.purpose(), body.academicYear(), body.sheetId().strip(), district})
                .firstResult();
        if (existing != null) {
            return error(Response.Status.CONFLICT, "sheet " + body.sheetId().strip() + " is already registered for "
                    + body.purpose() + " " + body.academicYear() + (district == null ? "" : " (" + district + ")")
                    + " as #" + existing.id);
        }
        SheetConfig s = new SheetConfig();
        s.district = district;
        s.academicYear = body.academicYear();
        s.purpose = body.purpose();
        s.displayName = body.displayName().strip();
        s.sheetId = body.sheetId().strip();
        s.range = blankToNull(body.range());
        // rosters start with their column names; virtual-session sheets have 3 title/note rows first
        s.headerRows = body.headerRows() != null ? body.headerRows()
                : SourceKinds.bySheetPurpose(s.purpose).map(SourceKind::headerRows).orElse(0);
        s.createdBy = user == null ? "api" : user;
        s.persist();
        return Response.status(Response.Status.CREATED).entity(SheetView.of(s)).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @jakarta.annotation.security.RolesAllowed("admin")
    public Response remove(@PathParam("id") long id) {
        return SheetConfig.deleteById(id) ? Response.noContent().build() : notFound(id);
    }

    static List<String> problems(NewSheet b) {
        List<String> problems = new ArrayList<>();
        if (b == null) {
            return List.of("a JSON body is required");
        }
        Optional<SourceKind<?>> kind = SourceKinds.bySheetPurpose(b.purpose());
        if (kind.isEmpty()) {
            problems.add("purpose \"" + b.purpose() + "\" is not one of " + String.join(", ", SourceKinds.all().stream()
                    .flatMap(k -> k.sheetPurpose().stream()).toList()));
        }
        var year = b.academicYear() == null ? null : YEAR.matcher(b.academicYear());
        if (year == null || !year.matches()
                || Integer.parseInt(year.group(2)) != Integer.parseInt(year.group(1)) + 1) {
            problems.add("academicYear \"" + b.academicYear() + "\" is not two consecutive years like 2024-2025");
        }
        if (kind.isPresent() && kind.get().access() == SourceKind.Access.DISTRICT && blankToNull(b.district()) == null) {
            problems.add("a " + kind.get().noun() + " sheet needs its district");
        }
        if (blankToNull(b.displayName()) == null) {
            problems.add("displayName is required");
        }
        if (b.sheetId() == null || !SHEET_ID.matcher(b.sheetId().strip()).matches()) {
            problems.add("sheetId \"" + b.sheetId() + "\" is not a Google Sheet id (the part of the sheet's URL after /d/)");
        }
        if (b.headerRows() != null && (b.headerRows() < 0 || b.headerRows() > 20)) {
            problems.add("headerRows must be between 0 and 20");
        }
        return problems;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Response notFound(long id) {
        return error(Response.Status.NOT_FOUND, "no sheet configuration #" + id);
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }

    /** What an administrator registers. */
    public record NewSheet(String district, String academicYear, String purpose, String displayName, String sheetId,
            String range, Integer headerRows) {
    }

    /** A registered sheet. */
    public record SheetView(long id, String district, String academicYear, String purpose, String displayName,
            String sheetId, String range, int headerRows, String createdBy) {
        static SheetView of(SheetConfig s) {
            return new SheetView(s.id, s.district, s.academicYear, s.purpose, s.displayName, s.sheetId, s.range,
                    s.headerRows, s.createdBy);
        }
    }
}
