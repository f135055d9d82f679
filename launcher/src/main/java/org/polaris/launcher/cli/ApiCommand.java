package org.polaris.launcher.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What a command that talks to the pipeline has: where it is, --json, and how it prints an answer. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    PolarisCli.Target target;
    @Option(names = "--json", description = "print JSON")
    boolean json;

    /** Prints the API's answer as is (--json), or as the table {@code text} makes of it. */
    int print(String body, java.util.function.Function<String, String> text) throws Exception {
        var out = spec.commandLine().getOut();
        out.print(json ? body + "\n" : text.apply(body));
        out.flush();
        return 0;
    }

    /** This command with another's target and options (a command that runs a subcommand by default). */
    <T extends ApiCommand> T from(ApiCommand other) {
        spec = other.spec;
        target = other.target;
        json = other.json;
        @SuppressWarnings("unchecked")
        T self = (T) this;
        return self;
    }
}

