package org.polaris.launcher.cli;

import java.util.LinkedHashMap;
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

    @Override
    public Integer call() throws Exception {
        ApiClient api = target.api();
        Map<String, Object> run = api.run(runId);
        var problems = api.rows(runId, "INVALID,UNMATCHED_TEACHER,UNMATCHED_EVENT,WAITING");
        var warnings = api.warnings(runId);
        var out = spec.commandLine().getOut();
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
