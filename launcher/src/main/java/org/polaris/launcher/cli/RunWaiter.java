package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** Follows a run until it is complete or rejected, showing progress on stderr. */
final class RunWaiter {

    private static final Duration POLL = Duration.ofMillis(250);

    private RunWaiter() {
    }

    /** The run once final, or null when the timeout passed first. */
    static Map<String, Object> await(ApiClient api, String runId, Duration timeout, PrintWriter progress)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean tty = System.console() != null;
        long begin = System.nanoTime();
        long lastPrint = 0;
        int lastProcessed = -1;
        while (System.nanoTime() < deadline) {
            Map<String, Object> run;
            try {
                run = api.run(runId);
            } catch (ApiClient.ApiException e) {
                if (e.status != 404) {
                    throw e;
                }
                run = null; // the writer has not seen the run yet
            }
            if (run != null && !"RUNNING".equals(run.get("status"))) {
                if (tty && lastProcessed >= 0) {
                    progress.print("\r\033[K");
                }
                return run;
            }
            int processed = run == null ? 0 : Reports.num(run, "processed");
            long now = System.nanoTime();
            boolean started = processed > 0 || now - begin > Duration.ofSeconds(2).toNanos();
            if (started && processed != lastProcessed && (tty || now - lastPrint > Duration.ofSeconds(2).toNanos())) {
                Object expected = run == null ? null : run.get("expectedRows");
                String line = "  processed " + processed + (expected == null ? "" : " of " + expected) + " rows";
                if (tty) {
                    progress.print("\r\033[K" + line);
                } else {
                    progress.println(line);
                }
                progress.flush();
                lastProcessed = processed;
                lastPrint = now;
            }
            Thread.sleep(POLL.toMillis());
        }
        return null;
    }
}
