package org.polaris.writer.api;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Teacher progress of an academic year: the roster teachers and their derived status. */
@Path("/api/progress")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
public class ProgressResource {

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    private static final Pattern YEAR = Pattern.compile("\\d{4}-\\d{4}");

    @GET
    public List<ProgressView> progress(@QueryParam("academicYear") String academicYear) {
        if (academicYear == null || !YEAR.matcher(academicYear).matches()) {
            throw new BadRequestException("academicYear is required, e.g. 2024-2025");
        }
        Scope scope = Scope.of(identity);
        return TeacherProgressRow.<TeacherProgressRow>find("academicYear = ?1 and active = true",
                        Sort.ascending("building", "name", "email"), academicYear)
                .list().stream().filter(t -> scope.sees(t.district)).map(ProgressView::of).toList();
    }

    /** One teacher's progress. */
    public record ProgressView(String email, String name, String building, int targetSessions, int attended,
            int registered, String status) {
        static ProgressView of(TeacherProgressRow t) {
            return new ProgressView(t.email, t.name, t.building, t.targetSessions, t.attendedSessions,
                    t.registeredSessions, t.status);
        }
    }
}
