package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;
import org.polaris.salesforce.peer.QueryResult;

/**
 * The Streaming API benchmark ({@code bin/bench-salesforce-stream}, README "Benchmark"): the local stack
 * (broker JVM, pipeline JVM, PostgreSQL) subscribed to FakeSalesforce's Bayeux server; change events
 * published at a fixed rate, each on a teacher of its own; latency = the row's {@code updated_at} (the
 * writer's transaction) minus the instant the event was published, p50 / p99 per rate; then rates held
 * for a minute each, a rate sustained when every change is in Polaris within 5 s of the minute's end.
 */
public final class SalesforceStreamBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int contacts = Integer.parseInt(opts.getOrDefault("contacts", "100000"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "15"));
        int sustainSeconds = Integer.parseInt(opts.getOrDefault("sustain-seconds", "60"));
        List<Integer> rates = parse(opts.getOrDefault("rates", "50,500"));
        List<Integer> sustain = parse(opts.getOrDefault("sustain", "500,1000,2000"));
        String db = opts.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/polaris_sfstreambench");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);

        URI login = URI.create(System.getenv("SF_LOGIN_URL"));
        Org org = new Org();
        GeneratedOrg.fill(org, contacts, 0, 0, 42);
        QueryResult r = org.query("SELECT Id, FirstName, LastName FROM Contact WHERE Contact_Type__c = 'Teacher'", false);
        List<String> teachers = new ArrayList<>();
        for (Object[] row : r.rows()) {
            if (row[1] != null && !row[1].toString().isBlank() && row[2] != null && !row[2].toString().isBlank()) {
                teachers.add(row[0].toString());
            }
        }
        try (FakeSalesforce sf = FakeSalesforce.start(org, login.getPort(), login.getPort() + 1)) {
            sf.acceptClient(System.getenv("SF_CLIENT_ID"), System.getenv("SF_CLIENT_SECRET"));
            sf.setApiLimit(100_000_000);
            BenchCommand.recreate(db);
            Path dir = Files.createTempDirectory("polaris-sfstreambench-");
            try {
                LocalStack.Settings settings = new LocalStack.Settings(StackOptions.home(), dir.resolve("stack"), 18080, db,
                        19092, 0, false, "2g");
                try (LocalStack stack = LocalStack.start(settings, err);
                        Connection c = DriverManager.getConnection(db, "postgres", "")) {
                    ApiClient api = new ApiClient(stack.url(), stack.credentials());
                    err.printf("Syncing %,d teachers, then subscribing...%n", teachers.size());
                    String id = (String) api.object(api.post("api/salesforce/sync",
                            "{\"full\": true, \"only\": [\"teachers\"]}")).get("syncId");
                    while (!Boolean.TRUE.equals(api.object(api.get("api/salesforce/syncs/" + id)).get("finished"))) {
                        Thread.sleep(250);
                    }
                    api.post("api/salesforce/stream/start", "{}");
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!connected(api) && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    out.printf("Salesforce stream benchmark: %,d teachers, events on /data/ContactChangeEvent, %d cores%n",
                            teachers.size(), Runtime.getRuntime().availableProcessors());
                    int next = 0;
                    for (int rate : rates) {
                        int n = rate * seconds;
                        if (next + n > teachers.size()) {
                            next = 0;
                        }
                        String mark = "lat-" + rate + "-";
                        Map<String, Long> published = publish(sf, teachers.subList(next, next + n), mark, rate);
                        next += n;
                        List<Long> latencies = await(c, mark, published, Duration.ofSeconds(60));
                        Collections.sort(latencies);
                        out.printf("  %,5d events/s for %d s: %,d of %,d applied; latency p50 %,d ms, p99 %,d ms, max %,d ms%n",
                                rate, seconds, latencies.size(), n, pct(latencies, 50), pct(latencies, 99),
                                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
                    }
                    int best = 0;
                    for (int rate : sustain) {
                        String mark = "sus-" + rate + "-";
                        Map<String, Long> last = new HashMap<>();
                        long end = System.nanoTime() + Duration.ofSeconds(sustainSeconds).toNanos();
                        int sent = 0;
                        long start = System.nanoTime();
                        while (System.nanoTime() < end) {
                            String t = teachers.get(sent % teachers.size());
                            String value = mark + sent;
                            sf.change("Contact", t, Map.of("Department", value));
                            last.put(t, (long) sent);
                            sent++;
                            long due = start + (long) (sent * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        double achieved = sent / ((System.nanoTime() - start) / 1e9);
                        Map<String, Long> finals = new HashMap<>();
                        last.forEach((t, i) -> finals.put(mark + i, 0L));
                        long caughtUp = System.nanoTime();
                        List<Long> applied = await(c, mark, finals, Duration.ofSeconds(30));
                        double behind = (System.nanoTime() - caughtUp) / 1e9;
                        boolean held = applied.size() == finals.size() && behind <= 5;
                        out.printf("  sustained %,5d events/s for %d s (published %,.0f/s): %s, every record's last change in "
                                + "Polaris %.1f s after the minute%n", rate, sustainSeconds, achieved,
                                held ? "held" : "NOT held", behind);
                        if (held) {
                            best = rate;
                        } else {
                            break;
                        }
                    }
                    out.printf("  highest rate sustained for %d s: %,d events/s%n", sustainSeconds, best);
                    out.printf("  peak memory (RSS): pipeline JVM %,d MB%n", BenchCommand.peakRssKb(stack.pipelinePid()) / 1024);
                }
            } finally {
                LocalStack.deleteTree(dir);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean connected(ApiClient api) throws Exception {
        Map<String, Object> s = api.object(api.get("api/salesforce/stream"));
        return ((List<Map<String, Object>>) s.get("channels")).stream()
                .anyMatch(ch -> "/data/ContactChangeEvent".equals(ch.get("channel")) && Boolean.TRUE.equals(ch.get("connected")));
    }

    /** Publishes one change per teacher at the rate; returns each marker's publish time (epoch ms). */
    private static Map<String, Long> publish(FakeSalesforce sf, List<String> teachers, String mark, int rate)
            throws InterruptedException {
        Map<String, Long> at = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < teachers.size(); i++) {
            String value = mark + i;
            at.put(value, System.currentTimeMillis());
            sf.change("Contact", teachers.get(i), Map.of("Department", value));
            long wait = start + (long) ((i + 1) * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return at;
    }

    /** Waits until every marker is in the teacher table (or the timeout); returns updated_at − published, ms. */
    private static List<Long> await(Connection c, String mark, Map<String, Long> published, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> seen = new HashMap<>();
        while (seen.size() < published.size() && System.nanoTime() < deadline) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select department, updated_at from teacher where department like ?")) {
                ps.setString(1, mark + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String d = rs.getString(1);
                        if (published.containsKey(d)) {
                            seen.put(d, rs.getTimestamp(2).getTime());
                        }
                    }
                }
            }
            if (seen.size() < published.size()) {
                Thread.sleep(200);
            }
        }
        List<Long> latencies = new ArrayList<>();
        seen.forEach((d, t) -> latencies.add(published.get(d) == 0L ? 0L : t - published.get(d)));
        return latencies;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static List<Integer> parse(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }

    private SalesforceStreamBench() {
    }
}
