package org.polaris.launcher.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until the benchmark lands in this module. */
@Command(name = "bench", description = "Benchmark (see README).", hidden = true)
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
