package org.polaris.launcher.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code polaris up}: the whole pipeline in the foreground on embedded defaults, until Ctrl-C. */
@Command(name = "up", description = "Run the whole pipeline in the foreground: Kafka (KRaft), the database "
        + "(embedded unless --db), every worker and the HTTP API. Ctrl-C stops it.")
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StackOptions options;

    @picocli.CommandLine.Option(names = "--no-restart", description = "when the pipeline JVM dies, stop (exit "
            + "non-zero, with the reason) instead of starting it again")
    boolean noRestart;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        try (LocalStack stack = LocalStack.start(options.settings(StackOptions.home().resolve(".polaris"), true, "2g"), err)) {
            err.println();
            err.println("Polaris is ready: " + stack.url() + "  (Kafka " + stack.kafka() + ", database " + stack.jdbcUrl() + ")");
            err.println("  login:    the administrator is in " + options.settings(StackOptions.home().resolve(".polaris"), true, "2g")
                    .dataDir().resolve(Credentials.FILE) + " (the CLI finds it there by default; elsewhere set"
                    + " POLARIS_CREDENTIALS to that file)");
            err.println("  import:   bin/polaris import pathful FILE --academic-year 2024-2025");
            err.println("  runs:     bin/polaris runs");
            err.println("  health:   " + stack.url() + "/q/health/ready   metrics: " + stack.url() + "/q/metrics");
            err.println("Ctrl-C stops the pipeline, then Kafka and the database."
                    + (noRestart ? "" : " A pipeline JVM that dies is started again."));
            err.flush();
            return stack.supervise(!noRestart);
        }
    }
}
