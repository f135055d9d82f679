package org.polaris.launcher.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import io.quarkus.elytron.security.common.BcryptUtil;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polaris hash-password}: the bcrypt hash of a password, for a user's
 * {@code polaris.security.users.NAME.password-hash}. The password is read from the terminal without
 * echo, or from the first line of standard input; it never appears on the command line (process
 * lists and shell histories would keep it).
 */
@Command(name = "hash-password", description = "Print the bcrypt hash of a password read from the terminal or "
        + "standard input, for polaris.security.users.NAME.password-hash.")
final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cost", defaultValue = "10", description = "bcrypt cost, 4-31 (default 10: about 50 ms a check)")
    int cost;

    @Override
    public Integer call() throws Exception {
        if (cost < 4 || cost > 31) {
            spec.commandLine().getErr().println("polaris: --cost must be between 4 and 31");
            return PolarisCli.REFUSED;
        }
        String password;
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            spec.commandLine().getErr().println("polaris: no password given");
            return PolarisCli.REFUSED;
        }
        spec.commandLine().getOut().println(BcryptUtil.bcryptHash(password, cost));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
