package org.polaris.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code polaris demo}: starts the local stack on a fresh data directory, imports the bundled
 * samples (events, roster, two Pathful exports), prints every run's summary, the import log of
 * the last one and the progress table, then stops.
 */
@Command(name = "demo", description = "Start the pipeline, import the bundled samples, print the results, stop.")
final class DemoCommand implements Callable<Integer> {

    private static final String YEAR = "2024-2025";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StackOptions options;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path samples = StackOptions.home().resolve("samples");
        // the demo's own directory goes with its database; a --data-dir named by the caller is kept whole
        boolean own = options.dataDir == null;
        Path dataDir = own ? Files.createTempDirectory("polaris-demo-") : null;
        LocalStack.Settings settings = options.settings(dataDir, false, "1g");
        try (LocalStack stack = LocalStack.start(own ? settings.asEphemeral() : settings, err)) {
            ApiClient api = new ApiClient(stack.url(), stack.credentials());
            List<String[]> imports = List.of(
                    new String[] {"events", "events.csv"},
                    new String[] {"roster", "roster-2024-2025.csv"},
                    new String[] {"pathful", "pathful-2024-10.csv"},
                    new String[] {"pathful", "pathful-2024-11.csv"});
            String lastRun = null;
            for (String[] i : imports) {
                Path file = samples.resolve(i[1]);
                out.println("$ bin/polaris import " + i[0] + " samples/" + i[1] + ("pathful".equals(i[0]) ? " --academic-year " + YEAR : ""));
                Map<String, Object> receipt = api.upload(i[0], file,
                        "events".equals(i[0]) ? Map.of() : Map.of("academicYear", YEAR));
                lastRun = receipt.get("runId").toString();
                Map<String, Object> run = RunWaiter.await(api, lastRun, Duration.ofMinutes(5), err);
                if (ImportCommand.report(run, lastRun, false, out, err) != 0) {
                    return PolarisCli.REFUSED;
                }
                out.println();
            }
            out.println("$ bin/polaris run " + lastRun);
            out.print(Reports.importLog(api.run(lastRun), api.rows(lastRun, "INVALID,UNMATCHED_TEACHER,UNMATCHED_EVENT"),
                    api.warnings(lastRun)));
            out.println();
            out.println("$ bin/polaris progress --academic-year " + YEAR);
            out.print(Reports.progressTable(api.progress(YEAR)));
            out.println();
            out.println("$ bin/polaris runs");
            out.print(Reports.runsTable(api.runs(10)));
            out.flush();
            err.println("Demo done; stopping. Run `bin/polaris up` to keep a pipeline running.");
            return 0;
        } finally {
            if (own) {
                // the stack has stopped (its database deleted with it): nothing of the demo is left behind
                LocalStack.deleteTree(dataDir);
            }
        }
    }
}
