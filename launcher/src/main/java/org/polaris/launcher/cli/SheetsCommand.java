package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polaris sheets list|add|remove}: the Google Sheets registered for imports (administrators). */
@Command(name = "sheets", description = "Register, list and remove the Google Sheets imports read "
        + "(without a subcommand: list them).",
        subcommands = {SheetsCommand.List.class, SheetsCommand.Add.class, SheetsCommand.Remove.class})
final class SheetsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    PolarisCli.Target target;
    @Option(names = "--json", description = "print the sheets as JSON")
    boolean json;

    /** {@code bin/polaris sheets} alone lists the sheets, as {@code sheets list} does. */
    @Override
    public Integer call() throws Exception {
        List list = new List();
        list.spec = spec;
        list.target = target;
        list.json = json;
        return list.call();
    }

    @Command(name = "list", description = "The registered sheets.")
    static final class List implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Option(names = "--json", description = "print the sheets as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ApiClient api = target.api();
            java.util.List<Map<String, Object>> sheets = api.list(api.get("api/sheets"));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(sheets));
            } else {
                java.util.List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ID", "PURPOSE", "YEAR", "DISTRICT", "NAME", "SHEET ID", "RANGE", "HEADER ROWS"});
                for (Map<String, Object> s : sheets) {
                    rows.add(new String[] {str(s.get("id")), str(s.get("purpose")), str(s.get("academicYear")),
                        str(s.get("district")), str(s.get("displayName")), str(s.get("sheetId")), str(s.get("range")),
                        str(s.get("headerRows"))});
                }
                out.print(Reports.table(rows));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "add", description = "Register a sheet: purpose teacher_progress_tracking (a district's roster) "
            + "or virtual_sessions.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Parameters(index = "0", paramLabel = "SHEET_ID", description = "the Google Sheet id (the URL part after /d/)")
        String sheetId;
        @Option(names = "--purpose", required = true, description = "teacher_progress_tracking or virtual_sessions")
        String purpose;
        @Option(names = "--academic-year", required = true, description = "e.g. 2025-2026 (the virtual year)")
        String academicYear;
        @Option(names = "--district", description = "required for a roster sheet")
        String district;
        @Option(names = "--name", required = true, description = "display name, e.g. \"KCK Teachers 25-26\"")
        String name;
        @Option(names = "--range", description = "a tab or A1 range (default: the first tab)")
        String range;
        @Option(names = "--header-rows", description = "rows before the column names (default 0, virtual_sessions 3)")
        Integer headerRows;
        @Option(names = "--json", description = "print the registered sheet as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sheetId", sheetId);
            body.put("purpose", purpose);
            body.put("academicYear", academicYear);
            body.put("district", district);
            body.put("displayName", name);
            body.put("range", range);
            body.put("headerRows", headerRows);
            ApiClient api = target.api();
            Map<String, Object> created = api.object(api.post("api/sheets", ApiClient.JSON.writeValueAsString(body)));
            if (json) {
                spec.commandLine().getOut().println(ApiClient.JSON.writeValueAsString(created));
            } else {
                spec.commandLine().getOut().println("Registered sheet #" + created.get("id") + ": "
                        + created.get("displayName") + " (" + created.get("purpose") + " " + created.get("academicYear")
                        + (created.get("district") == null ? "" : ", " + created.get("district")) + ")");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a registered sheet (its past runs stay in the ledger).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        PolarisCli.Target target;
        @Parameters(index = "0", paramLabel = "ID")
        long id;
        @Option(names = "--json", description = "print {\"removed\": ID} as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            target.api().delete("api/sheets/" + id);
            spec.commandLine().getOut().println(json ? "{\"removed\":" + id + "}" : "Removed sheet #" + id);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
