package org.polaris.ingest.api;

import java.util.Map;
import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.schemas.kinds.SourceKind;

/**
 * Who may import what (facts §7 access matrix): global administrators ({@code admin}) everything;
 * global users ({@code user}) every kind whose {@link SourceKind#access()} is GLOBAL or DISTRICT;
 * district-scoped users ({@code district:<name>}) a DISTRICT kind (the roster) of their own district
 * only; ADMINS kinds (virtual sessions) are for global administrators. The roles come from the
 * authenticated identity.
 */
@RequestScoped
public class ImportAccess {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String DISTRICT_PREFIX = "district:";

    @Inject
    SecurityIdentity identity;

    /** A 403 response when the caller may not import this kind (for this district), else empty. */
    public Optional<Response> refuse(SourceKind<?> kind, String district) {
        if (identity.hasRole(ADMIN)) {
            return Optional.empty();
        }
        boolean global = identity.hasRole(USER);
        boolean allowed = switch (kind.access()) {
            case GLOBAL -> global;
            case DISTRICT -> global || (district != null && identity.hasRole(DISTRICT_PREFIX + district));
            case ADMINS -> false;
        };
        if (allowed) {
            return Optional.empty();
        }
        String what = switch (kind.access()) {
            case DISTRICT -> district == null ? "a " + kind.noun() + " without a district"
                    : "the " + kind.noun() + " of " + district;
            case ADMINS -> kind.noun() + " (global administrators only)";
            case GLOBAL -> kind.noun() + " files";
        };
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", identity.getPrincipal().getName() + " may not import " + what)).build());
    }

    /** The authenticated user, as the run records who triggered it (imports are never anonymous). */
    public String who() {
        return identity.getPrincipal().getName();
    }
}
