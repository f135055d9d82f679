package org.polaris.launcher.cli;

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

/** {@code polaris run RUN_ID}: one run in the import-log layout, with its invalid and unmatched rows. */
@Command(name = "run", description = "Show one run in the import-log layout, with the rows behind its counts.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PolarisCli.Target target;

    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--json", description = "print the run and its rows as JSON")
    boolean json;

    @Option(names = "--diff", description = "what a validate-only run would change: the rows it would create, the "
            + "fields old -> new of each row it would update, the entries it would deactivate")
    boolean diff;

    @Override
    public Integer call() throws Exception {
        ApiClient api = target.api();
        Map<String, Object> run = api.run(runId);
        var problems = api.rows(runId, "INVALID,UNMATCHED_TEACHER,UNMATCHED_EVENT,WAITING");
        var warnings = api.warnings(runId);
        var out = spec.commandLine().getOut();
        if (diff) {
            List<Map<String, Object>> changes = api.list(api.get("api/runs/" + ApiClient.encode(runId) + "/changes?limit=100000"));
            out.print(json ? ApiClient.JSON.writeValueAsString(changes) + "\n" : Reports.diff(run, changes));
            out.flush();
            return 0;
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>(run);
            all.put("rows", problems);
            all.put("warningRows", warnings);
            out.println(ApiClient.JSON.writeValueAsString(all));
        } else {
            out.print(Reports.importLog(run, problems, warnings));
        }
        out.flush();
        return 0;
    }
}
