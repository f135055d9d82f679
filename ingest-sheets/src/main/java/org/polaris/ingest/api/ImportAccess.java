package org.polaris.ingest.api;

import java.util.Map;
import java.util.Optional;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.schemas.avro.RunKind;

/**
 * Who may import what (facts §7 access matrix, issue 3): global administrators ({@code admin})
 * everything; global users ({@code user}) Pathful, events, teachers and rosters; district-scoped
 * users ({@code district:<name>}) the roster of their own district only; virtual-session sheets
 * are for global administrators. The roles come from the authenticated identity.
 */
@RequestScoped
public class ImportAccess {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String DISTRICT_PREFIX = "district:";

    @Inject
    SecurityIdentity identity;

    /** A 403 response when the caller may not import this kind (for this district), else empty. */
    public Optional<Response> refuse(RunKind kind, String district) {
        if (identity.hasRole(ADMIN)) {
            return Optional.empty();
        }
        boolean global = identity.hasRole(USER);
        boolean allowed = switch (kind) {
            case PATHFUL, EVENTS, TEACHERS -> global;
            case ROSTER -> global || (district != null && identity.hasRole(DISTRICT_PREFIX + district));
            default -> false;
        };
        if (allowed) {
            return Optional.empty();
        }
        String what = switch (kind) {
            case ROSTER -> district == null ? "a roster without a district" : "the roster of " + district;
            case VIRTUAL_SESSIONS -> "virtual sessions (global administrators only)";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT) + " files";
        };
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", identity.getPrincipal().getName() + " may not import " + what)).build());
    }

    /** The authenticated user, as the run records who triggered it. */
    public String who(String headerUser) {
        return identity.isAnonymous() ? (headerUser == null || headerUser.isBlank() ? "api" : headerUser)
                : identity.getPrincipal().getName();
    }
}
