package org.polaris.launcher.cli;

import java.nio.file.Path;
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
        LocalStack.Settings settings = options.settings(StackOptions.home().resolve(".polaris"), true, "2g");
        try (LocalStack stack = LocalStack.start(settings, err)) {
            Path credentials = settings.dataDir().resolve(Credentials.FILE);
            // what the CLI needs to reach this stack beyond its defaults (another data directory, another port)
            String env = (credentials.equals(Credentials.defaultFile()) ? "" : "POLARIS_CREDENTIALS=" + credentials + " ")
                    + (stack.url().equals("http://localhost:8080") ? "" : "POLARIS_URL=" + stack.url() + " ");
            err.println();
            err.println("Polaris is ready: " + stack.url() + "  (Kafka " + stack.kafka() + ", database " + stack.jdbcUrl() + ")");
            err.println("  login:    the administrator is in " + credentials + (env.contains("POLARIS_CREDENTIALS")
                    ? " (the CLI reads it when POLARIS_CREDENTIALS names it, as below)"
                    : " (the CLI finds it there by default; elsewhere set POLARIS_CREDENTIALS to that file)"));
            err.println("  import:   " + env + "bin/polaris import pathful FILE --academic-year 2024-2025");
            err.println("  runs:     " + env + "bin/polaris runs");
            err.println("  health:   " + stack.url() + "/q/health/ready   metrics: " + stack.url() + "/q/metrics");
            err.println("Ctrl-C stops the pipeline, then Kafka and the database."
                    + (noRestart ? "" : " A pipeline JVM that dies is started again."));
            err.flush();
            return stack.supervise(!noRestart);
        }
    }
}
