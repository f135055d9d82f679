package org.polaris.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system, threads included) spent so far by the processes a benchmark compares:
 * the pipeline JVM, the broker JVM, every PostgreSQL process of the machine, and this CLI (which
 * uploads the file). Read from /proc; on a system without it every figure is 0. Two snapshots around
 * an import give each process's share of it, which a JVM profiler of the pipeline cannot see.
 */
final class CpuSeconds {

    private static final double TICKS = 100.0; // USER_HZ: 100 on every Linux the JDK runs on

    private CpuSeconds() {
    }

    static Map<String, Double> snapshot(long pipelinePid, List<Long> infraPids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("pipeline", of(pipelinePid));
        cpu.put("broker", infraPids.stream().mapToDouble(CpuSeconds::of).sum());
        cpu.put("PostgreSQL", postgres());
        cpu.put("bench client", of(ProcessHandle.current().pid()));
        return cpu;
    }

    /** after - before, per process. */
    static Map<String, Double> spent(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((k, v) -> spent.put(k, Math.max(0, v - before.getOrDefault(k, 0.0))));
        return spent;
    }

    private static double postgres() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuSeconds::isPostgres)
                    .mapToDouble(p -> of(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime of a process, in seconds; 0 when it is gone or unknown. */
    static double of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
