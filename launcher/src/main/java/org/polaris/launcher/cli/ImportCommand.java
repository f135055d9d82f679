package org.polaris.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polaris import KIND FILE} (any kind the pipeline registers: pathful, roster, events,
 * virtual_sessions, teachers, ...) and {@code polaris import sheet ID}: submit a file or a
 * registered Google Sheet, follow the run, print its summary. The pipeline checks the kind and its
 * options (a Pathful file needs its academic year) and answers with what is wrong.
 */
@Command(name = "import", description = "Import a CSV file or an Excel workbook (XLSX), or a registered Google Sheet (by its id, or by "
        + "--purpose and --academic-year), and wait for the run's result.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PolarisCli.Target target;

    @Parameters(index = "0", paramLabel = "KIND", description = "what the file is: pathful, roster, events, virtual_sessions, teachers (any import the "
            + "pipeline registers), or sheet")
    String kind;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|ID",
            description = "the CSV or XLSX file; for `sheet`, the sheet configuration's id (or give --purpose)")
    String source;

    @Option(names = "--purpose", description = "`sheet` without an id: the sheet registered for this purpose "
            + "(teacher_progress_tracking or virtual_sessions), --academic-year and, for a roster, --district")
    String purpose;

    @Mixin
    RunFollow run;

    @Option(names = "--header-rows", description = "rows before the column names (default 3 for virtual_sessions, else 0)")
    Integer headerRows;

    @Option(names = "--academic-year", description = "the run's academic year, e.g. 2024-2025 (required for pathful; "
            + "for a roster, the year whose roster it replaces)")
    String academicYear;

    @Option(names = "--district", description = "roster: the district whose roster of --academic-year this file replaces")
    String district;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ApiClient api = target.api();
        if ("sheet".equals(kind)) {
            if (source == null && purpose != null) {
                if (academicYear == null) {
                    err.println("polaris: `import sheet --purpose` needs --academic-year, e.g. --academic-year 2025-2026");
                    return PolarisCli.REFUSED;
                }
                Map<String, Object> receipt = api.object(api.post("api/sheets/import?purpose=" + ApiClient.encode(purpose)
                        + "&academicYear=" + ApiClient.encode(academicYear)
                        + (district == null ? "" : "&district=" + ApiClient.encode(district))
                        + "&validateOnly=" + run.validateOnly, null));
                return follow(api, receipt, purpose + " sheet of " + academicYear, out, err);
            }
            if (source == null || !source.matches("\\d+")) {
                err.println("polaris: `import sheet` takes the sheet configuration's id (see bin/polaris sheets list), "
                        + "or --purpose and --academic-year");
                return PolarisCli.REFUSED;
            }
            Map<String, Object> receipt = api.object(api.post("api/sheets/" + source + "/import?validateOnly="
                    + run.validateOnly, null));
            return follow(api, receipt, "sheet #" + source, out, err);
        }
        if (source == null) {
            err.println("polaris: give the file to import: bin/polaris import " + kind + " FILE");
            return PolarisCli.REFUSED;
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            err.println("polaris: no such file: " + file);
            return PolarisCli.REFUSED;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("academicYear", academicYear);
        fields.put("district", district);
        fields.put("headerRows", headerRows == null ? null : headerRows.toString());
        fields.put("validateOnly", run.validateOnly ? "true" : null);
        Map<String, Object> receipt;
        try {
            receipt = api.upload(kind, file, fields);
        } catch (ApiClient.ApiException e) {
            throw new ApiClient.ApiException(e.status, asOptions(e.getMessage()));
        }
        return follow(api, receipt, file.getFileName().toString(), out, err);
    }

    /** The API names its form fields (academicYear); on the command line they are options (--academic-year). */
    static String asOptions(String message) {
        return message.replaceAll("\\bacademicYear\\b", "--academic-year").replaceAll("\\bheaderRows\\b", "--header-rows");
    }

    private int follow(ApiClient api, Map<String, Object> receipt, String what, java.io.PrintWriter out,
            java.io.PrintWriter err) throws Exception {
        String runId = receipt.get("runId").toString();
        return run.follow(api, runId, "Run " + runId + ": " + receipt.get("rows") + " rows of " + what + " submitted", out,
                err);
    }

    static int report(Map<String, Object> run, String runId, boolean json, java.io.PrintWriter out,
            java.io.PrintWriter err) throws Exception {
        if (run == null) {
            err.println("polaris: run " + runId + " is still running; follow it with: bin/polaris run " + runId);
            return PolarisCli.UNAVAILABLE;
        }
        if (json) {
            out.println(ApiClient.JSON.writeValueAsString(Reports.json(run)));
        }
        if ("FAILED".equals(run.get("status"))) {
            // its rows are recorded, its completion was not: not the input's fault, try again or ask for help
            err.println("polaris: run " + runId + " failed: " + run.get("message"));
            return PolarisCli.UNAVAILABLE;
        }
        if (!"COMPLETED".equals(run.get("status"))) {
            err.println("polaris: run " + runId + " was rejected: " + run.get("message"));
            return PolarisCli.REFUSED;
        }
        if (!json) {
            out.print(Reports.summary(run));
        }
        out.flush();
        return 0;
    }
}
