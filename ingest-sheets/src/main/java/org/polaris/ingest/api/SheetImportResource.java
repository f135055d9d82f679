package org.polaris.ingest.api;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.polaris.ingest.SheetSources;
import org.polaris.ingest.SheetSources.SheetSource;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.ingest.sheets.SheetReadException;
import org.polaris.ingest.sheets.SheetTable;
import org.polaris.ingest.sheets.SheetsReader;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * On-demand sheet imports (Playbooks B and C): {@code POST /api/sheets/{id}/import}, or by purpose
 * and year: {@code POST /api/sheets/import?purpose=virtual_sessions&academicYear=2024-2025}. The
 * sheet is read whole (displayed values), then published as one run; 202 answers with its id.
 * {@code validateOnly=true} runs it as a dry run: outcomes recorded, nothing written.
 */
@Path("/api/sheets")
@Produces(MediaType.APPLICATION_JSON)
@io.quarkus.security.Authenticated
public class SheetImportResource {

    @Inject
    SheetSources sources;

    @Inject
    SheetsReader reader;

    @Inject
    RunPublisher publisher;

    @Inject
    ImportAccess access;

    @POST
    @Path("{id}/import")
    public Response importById(@PathParam("id") long id, @QueryParam("validateOnly") boolean validateOnly) {
        Optional<SheetSource> source = sources.byId(id);
        if (source.isEmpty()) {
            return ImportResource.error(Response.Status.NOT_FOUND, "No Google Sheet configured with id " + id);
        }
        return run(source.get(), validateOnly);
    }

    @POST
    @Path("import")
    public Response importByPurpose(@QueryParam("purpose") String purpose, @QueryParam("academicYear") String year,
            @QueryParam("district") String district, @QueryParam("validateOnly") boolean validateOnly) {
        Optional<SourceKind<?>> kind = SourceKinds.bySheetPurpose(purpose);
        if (kind.isPresent() && kind.get().access() == SourceKind.Access.DISTRICT
                && (district == null || district.isBlank())) {
            return ImportResource.error(Response.Status.BAD_REQUEST, "a " + kind.get().noun()
                    + " sheet is per district: give district (or import the sheet by its id)");
        }
        Optional<SheetSource> source = sources.byPurpose(purpose, year, district);
        if (source.isEmpty()) {
            return ImportResource.error(Response.Status.NOT_FOUND, SheetReadException.notConfigured(
                    purpose + (district == null ? "" : " (" + district + ")"), year).getMessage());
        }
        return run(source.get(), validateOnly);
    }

    private Response run(SheetSource sheet, boolean validateOnly) {
        SourceKind<?> kind = SourceKinds.bySheetPurpose(sheet.purpose()).orElse(null);
        if (kind == null) {
            return ImportResource.error(Response.Status.CONFLICT, "sheet #" + sheet.id() + " has purpose \""
                    + sheet.purpose() + "\", which no import reads");
        }
        Optional<Response> refused = access.refuse(kind, sheet.district());
        if (refused.isPresent()) {
            return refused.get();
        }
        SheetTable table;
        try {
            table = reader.read(sheet.sheetId(), sheet.range(), sheet.headerRows());
        } catch (SheetReadException e) {
            // Google busy or failing: try again later (502); not shared, no key, bad header: a person fixes it (422)
            boolean later = e.getMessage().contains("gave up after") || e.getMessage().contains("asked to wait")
                    || e.getMessage().contains("interrupted");
            // 422 has no Response.Status constant (fromStatusCode(422) is null): built from the number
            return ImportResource.error(later ? Response.Status.BAD_GATEWAY.getStatusCode() : 422, e.getMessage());
        }
        RunRequest request = new RunRequest(kind, "sheet #" + sheet.id() + " " + sheet.displayName() + " ("
                + sheet.sheetId() + ")", sheet.academicYear(), sheet.district(), access.who(),
                validateOnly ? RunMode.VALIDATE : RunMode.COMMIT, null);
        try {
            RunReceipt receipt = publisher.publish(request, table.header(),
                    sink -> table.rows().forEach(r -> sink.accept(r.rowNumber(), r.cells(), List.of())));
            return Response.accepted(receipt).build();
        } catch (RunPublisher.PublishFailedException e) {
            return ImportResource.error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
