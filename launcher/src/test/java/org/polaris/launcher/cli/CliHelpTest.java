package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command answers --help with its usage, and starts nothing. */
class CliHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"up", "demo", "import", "runs", "run", "progress", "sheets", "sheets list", "sheets add",
        "sheets remove", "teachers", "teachers unmatched", "teachers match", "teachers unmatch", "teachers auto-match",
        "bench", "hash-password"})
    void everyCommandAnswersHelp(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        int code = PolarisCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Usage: polaris " + command).contains("-h, --help");
        assertThat(err.toString()).isEmpty();
    }
}
