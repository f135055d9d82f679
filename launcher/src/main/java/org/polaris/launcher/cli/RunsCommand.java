package org.polaris.launcher.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code polaris runs}: the latest runs with their counts. */
@Command(name = "runs", description = "List runs, newest first, with their counts.")
final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PolarisCli.Target target;

    @Option(names = "--limit", defaultValue = "50", description = "how many runs (default 50)")
    int limit;

    @Option(names = "--json", description = "print the runs as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var runs = target.api().runs(limit);
        var out = spec.commandLine().getOut();
        out.print(json ? ApiClient.JSON.writeValueAsString(runs) + "\n" : Reports.runsTable(runs));
        out.flush();
        return 0;
    }
}
