package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * What a command that starts a run and waits for it takes (import, replay): a dry run, JSON output,
 * how long to wait; and the waiting and the report of the run's end.
 */
final class RunFollow {

    @Option(names = "--validate-only", description = "a dry run: every row is checked and counted, nothing is written")
    boolean validateOnly;

    @Option(names = "--json", description = "print one JSON object instead of the summary")
    boolean json;

    @Option(names = "--timeout", description = "how long to wait for the run (ISO-8601 duration, default PT30M)",
            defaultValue = "PT30M")
    Duration timeout;

    /** Says what was submitted (on stderr), waits for the run, prints its summary; returns the exit code. */
    int follow(ApiClient api, String runId, String submitted, PrintWriter out, PrintWriter err) throws Exception {
        err.println(submitted + (validateOnly ? " (validate only: nothing will be written)" : ""));
        Map<String, Object> run = RunWaiter.await(api, runId, timeout, err);
        return ImportCommand.report(run, runId, json, out, err);
    }
}
