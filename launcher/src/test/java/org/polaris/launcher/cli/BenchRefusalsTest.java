package org.polaris.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bench can refuse, it refuses at once, saying why, before it starts anything. */
class BenchRefusalsTest {

    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return PolarisCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(all);
    }

    @Test
    void aSliceOfNoRows() {
        assertThat(bench("--slice", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("polaris: --slice must be at least 1 row (got 0)\n");
    }

    @Test
    void noRows() {
        assertThat(bench("--rows", "-5")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("polaris: --rows must be at least 1 (got -5)\n");
    }

    @Test
    void peersWithoutTheKit(@TempDir Path empty) {
        assertThat(bench("--peers", "--peers-kit", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("polaris: no peer kit at " + empty
                + " (03-peer-connect.sh missing): pass --peers-kit DIR or set POLARIS_BENCH_PEERS\n");
    }
}
