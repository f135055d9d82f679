package org.polaris.ingest.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.polaris.ingest.IngestConfig;
import org.polaris.ingest.HeaderKinds;
import org.polaris.ingest.csv.CsvFile;
import org.polaris.ingest.csv.CsvRejected;
import org.polaris.ingest.publish.RunPublisher;
import org.polaris.ingest.publish.RunReceipt;
import org.polaris.ingest.publish.RunRequest;
import org.polaris.ingest.xlsx.XlsxFile;
import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.SourceKind;
import org.polaris.schemas.kinds.SourceKinds;

/**
 * File imports: {@code POST /api/imports/{kind}} (a registered kind's import name: pathful, roster,
 * events, virtual_sessions, teachers, ...) with a multipart {@code file}, {@code academicYear} (required for Pathful; a roster's year to replace),
 * {@code district} (a roster's district), {@code headerRows} (rows before the column names; 3 for
 * virtual sessions) and {@code validateOnly} (a dry run). The whole file is checked first (encoding, binary,
 * CSV structure, header); then the run is published and 202 answers with its id and row count.
 * The run's outcome is followed on {@code /api/runs/{id}}.
 */
@Path("/api/imports")
@io.quarkus.security.Authenticated
public class ImportResource {

    private static final java.util.regex.Pattern ACADEMIC_YEAR = java.util.regex.Pattern.compile("\\d{4}-\\d{4}");

    @Inject
    jakarta.enterprise.inject.Instance<HeaderKinds> headerKinds;

    @Inject
    RunPublisher publisher;

    @Inject
    IngestConfig config;

    @Inject
    ImportAccess access;

    @POST
    @Path("{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("kind") String kindName, @RestForm("file") FileUpload file,
            @RestForm("academicYear") String academicYear, @RestForm("district") String district,
            @RestForm("headerRows") Integer headerRows, @RestForm("validateOnly") boolean validateOnly) {
        SourceKind<?> kind = SourceKinds.bySlug(kindName).orElse(null);
        if (kind == null) {
            return error(Response.Status.NOT_FOUND, "no import of kind \"" + kindName
                    + "\" (" + String.join(", ", SourceKinds.slugs()) + ")");
        }
        if (!kind.fileUploads()) {
            return error(Response.Status.NOT_FOUND, "no file import of kind \"" + kindName + "\": " + kind.noun()
                    + " come from their sync (bin/polaris salesforce sync)");
        }
        if (file == null) {
            return error(Response.Status.BAD_REQUEST, "attach the file as the multipart part \"file\"");
        }
        String window = academicYear == null || academicYear.isBlank() ? null : academicYear.strip();
        if (kind.window() == SourceKind.Window.REQUIRED && window == null) {
            return error(Response.Status.BAD_REQUEST, "a " + kind.label() + " import needs academicYear, e.g. 2024-2025");
        }
        if (window != null && !ACADEMIC_YEAR.matcher(window).matches()) {
            return error(Response.Status.BAD_REQUEST, "academicYear \"" + window + "\" is not like 2024-2025");
        }
        java.nio.file.Path path = file.uploadedFile();
        // a kind's files may start with title and note rows, like its sheet (a virtual-session layout has 3)
        int skip = headerRows != null ? headerRows : kind.headerRows();
        if (skip < 0 || skip > 20) {
            return error(Response.Status.BAD_REQUEST, "headerRows must be between 0 and 20");
        }
        String scope = district == null || district.isBlank() ? null : district.strip();
        Optional<Response> refused = access.refuse(kind, scope);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (isWorkbook(path)) {
            return importWorkbook(kind, file, path, window, scope, validateOnly);
        }
        CsvFile csv = new CsvFile(path, skip);
        RunRequest request = new RunRequest(kind, file.fileName(), window, scope, access.who(),
                validateOnly ? RunMode.VALIDATE : RunMode.COMMIT, null);
        try {
            csv.checkSize(config.maxFileBytes());
            // one pass: rows are published as they are read, in a transaction aborted at the first bad row
            RunReceipt receipt = publisher.publish(request, csv.header(), sink -> csv.read(sink::accept));
            return Response.accepted(receipt).build();
        } catch (CsvRejected e) {
            Response.Status status = e.getMessage().contains("over the limit") ? Response.Status.REQUEST_ENTITY_TOO_LARGE
                    : Response.Status.BAD_REQUEST;
            return error(status, file.fileName() + ": " + e.getMessage());
        } catch (RunPublisher.PublishFailedException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * An Excel workbook (XLSX) upload: the first sheet, its column names found as the first row (of the
     * first 20) that carries every required field of the kind (exports start with title rows), cells as
     * Excel shows them. Read as a stream, published as it is read, like a CSV.
     */
    private Response importWorkbook(SourceKind<?> kind, FileUpload file, java.nio.file.Path path, String window,
            String scope, boolean validateOnly) {
        XlsxFile workbook = new XlsxFile(path, header -> !headerKinds.isResolvable()
                || headerKinds.get().carries(kind.id(), header));
        RunRequest request = new RunRequest(kind, file.fileName(), window, scope, access.who(),
                validateOnly ? RunMode.VALIDATE : RunMode.COMMIT, null);
        try {
            long size = java.nio.file.Files.size(path);
            if (size > config.maxFileBytes()) {
                return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, file.fileName() + ": the file is " + size
                        + " bytes, over the limit of " + config.maxFileBytes() + " (polaris.ingest.max-file-bytes)");
            }
            List<String> header;
            try {
                header = workbook.header();
            } catch (CsvRejected e) {
                if (e.getMessage().startsWith("no row among") && headerKinds.isResolvable()) {
                    return error(Response.Status.BAD_REQUEST, file.fileName() + ": " + e.getMessage() + " ("
                            + String.join(", ", headerKinds.get().required(kind.id())) + ")");
                }
                throw e;
            }
            RunReceipt receipt = publisher.publish(request, header, sink -> workbook.read(sink::accept));
            return Response.accepted(receipt).build();
        } catch (CsvRejected e) {
            return error(Response.Status.BAD_REQUEST, file.fileName() + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            return error(Response.Status.BAD_REQUEST, file.fileName() + ": the upload could not be read");
        } catch (RunPublisher.PublishFailedException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    private static boolean isWorkbook(java.nio.file.Path path) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
            return XlsxFile.looksLikeXlsx(in.readNBytes(4096));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Response error(Response.Status status, String message) {
        return error(status.getStatusCode(), message);
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
