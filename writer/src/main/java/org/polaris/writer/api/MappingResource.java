package org.polaris.writer.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.writer.mapping.MappingCatalog;
import org.polaris.writer.mapping.MappingCatalog.KindContract;
import org.polaris.writer.mapping.MappingEdits;
import org.polaris.writer.mapping.MappingEdits.Edit;
import org.polaris.writer.mapping.MappingSeed;
import org.polaris.writer.mapping.MappingVersion;
import org.polaris.writer.mapping.MappingVersions;

/**
 * The alias mappings, for administrators only (the design's rule: mapping changes are a global
 * administrator's): each kind's current or a past version, its history (who, when, what changed),
 * and the changes that make the next version (add or remove an alias, the extra-columns policy).
 * A change applies to every run that starts after it, on every replica, without a restart.
 */
@Path("/api/mappings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class MappingResource {

    /** Two administrators changing one kind at once: the later one re-reads and decides again, at most this often. */
    private static final int ATTEMPTS = 3;

    @Inject
    AgroalDataSource db;

    @Inject
    MappingCatalog catalog;

    @Inject
    SecurityIdentity identity;

    /** Every kind's current version. */
    @GET
    public List<Map<String, Object>> list() throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            for (KindContract k : catalog.kinds()) {
                MappingVersion v = latest(c, k);
                out.add(Map.of("kind", k.kind(), "slug", k.slug(), "version", v.version(),
                        "name", MappingVersion.name(k.slug(), v.version()), "extraColumns", v.extraColumns(),
                        "changedBy", v.changedBy(), "changedAt", v.changedAt().toString()));
            }
        }
        return out;
    }

    @GET
    @Path("{kind}")
    public Response show(@PathParam("kind") String kindName, @QueryParam("version") Integer version) throws SQLException {
        Optional<KindContract> kind = catalog.bySlugOrId(kindName);
        if (kind.isEmpty()) {
            return noSuchKind(kindName);
        }
        try (Connection c = db.getConnection()) {
            MappingVersion latest = latest(c, kind.get());
            if (version == null) {
                return Response.ok(MappingView.of(kind.get(), latest)).build();
            }
            return MappingVersions.version(c, kind.get().kind(), version)
                    .map(v -> Response.ok(MappingView.of(kind.get(), v)).build())
                    .orElseGet(() -> SheetResource.error(Response.Status.NOT_FOUND, "the " + kind.get().slug()
                            + " mapping has no version " + version + " (versions 1 to " + latest.version() + ")"));
        }
    }

    @GET
    @Path("{kind}/history")
    public Response history(@PathParam("kind") String kindName) throws SQLException {
        Optional<KindContract> kind = catalog.bySlugOrId(kindName);
        if (kind.isEmpty()) {
            return noSuchKind(kindName);
        }
        try (Connection c = db.getConnection()) {
            latest(c, kind.get());
            return Response.ok(MappingVersions.history(c, kind.get().kind()).stream()
                    .map(v -> new HistoryEntry(v.version(), MappingVersion.name(kind.get().slug(), v.version()), v.changedBy(),
                            v.changedAt().toString(), v.change(), v.note())).toList()).build();
        }
    }

    @POST
    @Path("{kind}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAlias(@PathParam("kind") String kindName, AliasChange body) throws SQLException {
        if (body == null || body.field() == null || body.alias() == null) {
            return SheetResource.error(Response.Status.BAD_REQUEST, "give the field and the alias: {\"field\": ..., \"alias\": ...}");
        }
        return change(kindName, body.note(), (k, v) -> MappingEdits.addAlias(k, v, body.field(), body.alias()));
    }

    @DELETE
    @Path("{kind}/aliases")
    public Response removeAlias(@PathParam("kind") String kindName, @QueryParam("field") String field,
            @QueryParam("alias") String alias, @QueryParam("note") String note) throws SQLException {
        if (field == null || alias == null) {
            return SheetResource.error(Response.Status.BAD_REQUEST, "give the field and the alias: ?field=...&alias=...");
        }
        return change(kindName, note, (k, v) -> MappingEdits.removeAlias(k, v, field, alias));
    }

    @PUT
    @Path("{kind}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response policy(@PathParam("kind") String kindName, PolicyChange body) throws SQLException {
        if (body == null || body.extraColumns() == null) {
            return SheetResource.error(Response.Status.BAD_REQUEST, "give the policy: {\"extraColumns\": \"warn\" or \"ignore\"}");
        }
        return change(kindName, body.note(), (k, v) -> MappingEdits.extraColumns(k, v, body.extraColumns()));
    }

    private Response change(String kindName, String note, BiFunction<KindContract, MappingVersion, Edit> edit)
            throws SQLException {
        Optional<KindContract> kind = catalog.bySlugOrId(kindName);
        if (kind.isEmpty()) {
            return noSuchKind(kindName);
        }
        String user = identity.getPrincipal().getName();
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                MappingVersion current = latest(c, kind.get());
                Edit e = edit.apply(kind.get(), current);
                if (e.refused()) {
                    return SheetResource.error(Response.Status.BAD_REQUEST, e.refusal());
                }
                MappingVersion next = new MappingVersion(current.kind(), current.version() + 1, e.aliases(),
                        e.extraColumns(), user, Instant.now(), e.change(), note == null || note.isBlank() ? null : note.strip());
                if (MappingVersions.append(c, next)) {
                    MappingVersion stored = MappingVersions.version(c, next.kind(), next.version()).orElseThrow();
                    return Response.status(Response.Status.CREATED).entity(MappingView.of(kind.get(), stored)).build();
                }
            }
        }
        return SheetResource.error(Response.Status.CONFLICT, "the " + kind.get().slug()
                + " mapping kept changing under this change; look at it again (bin/polaris mappings show "
                + kind.get().slug() + ") and retry");
    }

    /** The kind's newest version, seeding version 1 from the configuration if it has none yet. */
    private MappingVersion latest(Connection c, KindContract kind) throws SQLException {
        return MappingSeed.latest(c, catalog, kind.kind()).orElseThrow();
    }

    private Response noSuchKind(String name) {
        return SheetResource.error(Response.Status.NOT_FOUND, "no source kind \"" + name + "\" has a mapping (kinds: "
                + String.join(", ", catalog.kinds().stream().map(KindContract::slug).toList()) + ")");
    }

    /** An alias to add, with why. */
    public record AliasChange(String field, String alias, String note) {
    }

    /** The extra-columns policy to set, with why. */
    public record PolicyChange(String extraColumns, String note) {
    }

    /** One line of a kind's history. */
    public record HistoryEntry(int version, String name, String changedBy, String changedAt, String change, String note) {
    }

    /** A version: each field with the header names it matches (its label first), and the policy. */
    public record MappingView(String kind, String slug, int version, String name, String extraColumns,
            List<FieldView> fields, String changedBy, String changedAt, String change, String note) {

        static MappingView of(KindContract kind, MappingVersion v) {
            List<FieldView> fields = kind.fields().stream().map(f -> new FieldView(f.key(), f.label(), f.required(),
                    v.aliases().getOrDefault(f.key(), List.of()))).toList();
            return new MappingView(kind.kind(), kind.slug(), v.version(), MappingVersion.name(kind.slug(), v.version()),
                    v.extraColumns(), fields, v.changedBy(), v.changedAt().toString(), v.change(), v.note());
        }
    }

    /** A contract field and its aliases in a version. */
    public record FieldView(String key, String label, boolean required, List<String> aliases) {
    }
}
