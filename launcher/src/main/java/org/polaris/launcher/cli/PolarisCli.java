package org.polaris.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/polaris}: runs the pipeline locally and talks to a running one over its HTTP API.
 * Exit codes: 0 done, 2 refused (bad input, rejected run), 3 Polaris unreachable, failing (5xx) or timed out.
 */
@Command(name = "polaris", mixinStandardHelpOptions = true, version = "polaris 0.1.0",
        description = "Polaris import pipeline: run it locally, import files, follow runs and progress.",
        subcommands = {UpCommand.class, ImportCommand.class, RunsCommand.class, RunCommand.class, SalesforceCommand.class,
            ProgressCommand.class, SheetsCommand.class, TeachersCommand.class, DemoCommand.class, BenchCommand.class,
            HashPasswordCommand.class, MappingsCommand.class, ReplayCommand.class, UnmatchedCommand.class})
public final class PolarisCli {

    static final int REFUSED = 2;
    static final int UNAVAILABLE = 3;

    public static void main(String[] args) {
        System.exit(commandLine(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true))
                .execute(args));
    }

    /** The command line with its streams and the exit-code rules (tests call this too). */
    static CommandLine commandLine(java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine cli = new CommandLine(new PolarisCli());
        withHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ApiClient.ApiException api) {
                commandLine.getErr().println("polaris: " + api.getMessage());
                // unreachable or the service failing is "try again"; a 4xx is "fix your input"
                return api.status == 0 || api.status >= 500 ? UNAVAILABLE : REFUSED;
            }
            // first line only: a driver's message can carry a whole SQL batch
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            commandLine.getErr().println("polaris: " + (message.length() > 300 ? message.substring(0, 300) + "..." : message));
            return 1;
        });
        return cli;
    }

    /** Every command and subcommand answers --help (and -h) with its usage. */
    private static void withHelp(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(PolarisCli::withHelp);
    }

    /** --url, shared by the commands that talk to a running pipeline. */
    static final class Target {
        @CommandLine.Option(names = "--url", description = "Polaris API (default: $POLARIS_URL or http://localhost:8080)")
        String url;

        ApiClient api() {
            String u = url != null ? url : System.getenv().getOrDefault("POLARIS_URL", "http://localhost:8080");
            return new ApiClient(u);
        }
    }
}
