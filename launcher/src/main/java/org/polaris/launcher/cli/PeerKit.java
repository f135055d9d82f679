package org.polaris.launcher.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the peer kit's Debezium JDBC sink benchmark ({@code 03-peer-connect.sh}: a Kafka Connect
 * worker with the Debezium JDBC sink loading Pathful-shaped rows from a topic into PostgreSQL), on the
 * same number of rows, right after the pipeline: the machine's speed moves between runs, so only
 * figures of one run are compared. The kit keeps its results beside its scripts, so it runs from a
 * copy in a scratch folder (kept across runs: its tools and jars are built once).
 */
final class PeerKit {

    static final String SCRIPT = "03-peer-connect.sh";
    private static final Pattern SUMMARY = Pattern.compile("^SUMMARY (\\S+)\\s.*median_rows_per_s=(\\d+)");

    private PeerKit() {
    }

    /** The kit's medians by "method/load", e.g. {@code peer/new} (connector creation to the last row) and {@code peer-steady/new}. */
    record Results(Map<String, Double> rates, int rows) {

        Double rate(String key) {
            return rates.get(key);
        }

        void print(PrintWriter out, double fresh, double warm) {
            out.printf("  Debezium JDBC sink on Kafka Connect, %,d rows (peer kit, same run; from connector creation to the last row):%n",
                    rows);
            line(out, "new rows, empty table", "new", fresh, "pipeline fresh");
            line(out, "unchanged rows (all rewritten)", "unchanged", warm, "pipeline warm");
            line(out, "changed rows (every row an update)", "changed", warm, "pipeline warm");
        }

        private void line(PrintWriter out, String label, String load, double pipeline, String against) {
            Double peer = rate("peer/" + load);
            if (peer == null || peer == 0) {
                return;
            }
            Double steady = rate("peer-steady/" + load);
            out.printf("    %-36s %,9.0f rows/s (%s from its first row)  %s / peer = %.2f%n", label + ":", peer,
                    steady == null ? "?" : String.format("%,.0f", steady), against, pipeline / peer);
        }
    }

    /** Why {@code kit} cannot be run, or null when it can. */
    static String problem(Path kit) {
        return Files.isRegularFile(kit.resolve(SCRIPT)) ? null
                : "no peer kit at " + kit + " (" + SCRIPT + " missing): pass --peers-kit DIR or set POLARIS_BENCH_PEERS";
    }

    static Results run(Path kit, int rows, PrintWriter err) throws IOException, InterruptedException {
        if (problem(kit) != null) {
            throw new IOException(problem(kit));
        }
        Path copy = Path.of(System.getProperty("java.io.tmpdir"), "polaris-bench-peers");
        if (!Files.isRegularFile(copy.resolve(SCRIPT))) {
            copyTree(kit, copy);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT).directory(copy.toFile()).redirectErrorStream(true);
        pb.environment().put("N", Integer.toString(rows));
        pb.environment().put("RUNS", "1");
        pb.environment().put("PEER_LOADS", "new unchanged changed");
        Process p = pb.start();
        Map<String, Double> rates = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.println("  [peers] " + line);
                err.flush();
                Matcher m = SUMMARY.matcher(line);
                if (m.find()) {
                    rates.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || rates.isEmpty()) {
            throw new IOException("the peer kit's " + SCRIPT + " failed (exit " + exit + "); its output is above");
        }
        return new Results(rates, rows);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
