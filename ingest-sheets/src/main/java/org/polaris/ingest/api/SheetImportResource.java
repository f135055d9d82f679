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
import org.polaris.ingest.HeaderKinds;
import org.polaris.ingest.SheetSources;
import org.polaris.ingest.SheetSources.SheetSource;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.ingest.sheets.SheetReadException;
import org.polaris.ingest.sheets.SheetTable;
import org.polaris.ingest.sheets.SheetsReader;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;
import org.polaris.schemas.kinds.VirtualSessionsKind;

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
    jakarta.enterprise.inject.Instance<HeaderKinds> headerKinds;

    /** The kind a sheet's rows are, by its header, and the table read with that header. */
    private record Detected(SourceKind<?> kind, SheetTable table) {
    }

    /**
     * A virtual_sessions sheet holds either Playbook C's layout (column names after its title rows) or a
     * Pathful export (Playbook A reads its rows from such a sheet): the header says which. Its column
     * names are looked for on the registered header row, and for a Pathful export on the first row too.
     * Empty: neither. A sheet whose registered header row cannot be read (say, two columns of one name)
     * and is no Pathful export is refused for that, as before.
     */
    private Optional<Detected> detect(SheetSource sheet) {
        SheetsReader.Grid grid = reader.readGrid(sheet.sheetId(), sheet.range());
        SheetReadException unreadable = null;
        SheetTable registered = null;
        try {
            registered = grid.table(sheet.headerRows());
            if (headerKinds.get().carries(VirtualSessionsKind.ID, registered.header())) {
                return Optional.of(new Detected(SourceKinds.byId(VirtualSessionsKind.ID).orElseThrow(), registered));
            }
        } catch (SheetReadException e) {
            unreadable = e;
        }
        for (int headerRows : new java.util.LinkedHashSet<>(List.of(sheet.headerRows(), 0))) {
            try {
                SheetTable t = headerRows == sheet.headerRows() && registered != null ? registered : grid.table(headerRows);
                if (headerKinds.get().carries(PathfulKind.ID, t.header())) {
                    return Optional.of(new Detected(SourceKinds.byId(PathfulKind.ID).orElseThrow(), t));
                }
            } catch (SheetReadException e) {
                // not a Pathful export's header on that row either
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return Optional.empty();
    }

    private String neither(SheetSource sheet) {
        return "sheet #" + sheet.id() + " holds neither a virtual-session sheet (column names on row "
                + (sheet.headerRows() + 1) + " with " + String.join(", ", headerKinds.get().required(VirtualSessionsKind.ID))
                + ") nor a Pathful export (column names on row 1" + (sheet.headerRows() == 0 ? "" : " or " + (sheet.headerRows() + 1))
                + " with " + String.join(", ", headerKinds.get().required(PathfulKind.ID)) + ")";
    }

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
        SourceKind<?> runKind = kind;
        try {
            if (VirtualSessionsKind.ID.equals(kind.id()) && headerKinds.isResolvable()) {
                Optional<Detected> detected = detect(sheet);
                if (detected.isEmpty()) {
                    return ImportResource.error(422, neither(sheet));
                }
                table = detected.get().table();
                runKind = detected.get().kind();
            } else {
                table = reader.read(sheet.sheetId(), sheet.range(), sheet.headerRows());
            }
        } catch (SheetReadException e) {
            // Google busy or failing: try again later (502); not shared, no key, bad header: a person fixes it (422)
            boolean later = e.getMessage().contains("gave up after") || e.getMessage().contains("asked to wait")
                    || e.getMessage().contains("interrupted");
            // 422 has no Response.Status constant (fromStatusCode(422) is null): built from the number
            return ImportResource.error(later ? Response.Status.BAD_GATEWAY.getStatusCode() : 422, e.getMessage());
        }
        RunRequest request = new RunRequest(runKind, "sheet #" + sheet.id() + " " + sheet.displayName() + " ("
                + sheet.sheetId() + ")" + (runKind == kind ? "" : " read as " + runKind.label() + " rows (its header)"),
                sheet.academicYear(), sheet.district(), access.who(),
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
