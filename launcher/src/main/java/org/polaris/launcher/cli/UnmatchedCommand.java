package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polaris unmatched}: Pathful rows kept unmatched (teacher or event unknown when they ran), with
 * the reason; pending ones are matched again by a REMATCH run once both exist.
 */
@Command(name = "unmatched", description = "Pathful rows still unmatched, with the reason (pending: a REMATCH run "
        + "matches them once their teacher and event exist).")
final class UnmatchedCommand extends ApiCommand {

    @Option(names = "--academic-year", paramLabel = "Y", description = "only this year's rows")
    String academicYear;

    @Option(names = "--status", paramLabel = "S", defaultValue = "pending",
            description = "pending (default), resolved (re-matched since) or all")
    String status;

    @Override
    public Integer call() throws Exception {
        ApiClient api = target.api();
        String body = api.get("api/pathful/unmatched?status=" + ApiClient.encode(status)
                + (academicYear == null ? "" : "&academicYear=" + ApiClient.encode(academicYear)));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN ID", "ROW", "YEAR", "EVENT ID", "TEACHER EMAIL", "STATUS", "REASON"});
        for (Map<String, Object> r : api.list(body)) {
            rows.add(new String[] {str(r.get("runId")), str(r.get("row")), str(r.get("academicYear")), str(r.get("eventId")),
                str(r.get("teacherEmail")), str(r.get("status")) + (r.get("resolvedByRun") == null ? ""
                    : " by " + r.get("resolvedByRun")), str(r.get("reason"))});
        }
        return print(body, b -> Reports.table(rows));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
