package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Follows a run until it is final (completed, rejected or failed), showing progress on stderr. A
 * stalled run is not final (it completes if its rows arrive): the waiter says so once and goes on. A
 * connection that drops or a passing 5xx (the database restarting) does not end the wait: it is
 * tried again until the timeout.
 */
final class RunWaiter {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Set<String> WAITING = Set.of("RUNNING", "STALLED");

    private RunWaiter() {
    }

    /** What a poll saw: when (System.nanoTime) and how many rows the run had processed. */
    interface Progress {
        void seen(long nanos, int processed);
    }

    /** The run once final, or null when the timeout passed first. */
    static Map<String, Object> await(ApiClient api, String runId, Duration timeout, PrintWriter progress)
            throws IOException, InterruptedException {
        return await(api, runId, timeout, progress, POLL, (nanos, processed) -> { });
    }

    /** As {@link #await(ApiClient, String, Duration, PrintWriter)}, polling every {@code poll} and telling {@code seen}. */
    static Map<String, Object> await(ApiClient api, String runId, Duration timeout, PrintWriter progress, Duration poll,
            Progress seen) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean tty = System.console() != null;
        long begin = System.nanoTime();
        long lastPrint = 0;
        int lastProcessed = -1;
        String lastTrouble = null;
        boolean saidStalled = false;
        while (System.nanoTime() < deadline) {
            Map<String, Object> run;
            try {
                run = api.run(runId);
                if (lastTrouble != null) {
                    progress.println("  Polaris answers again");
                    lastTrouble = null;
                }
            } catch (ApiClient.ApiException e) {
                if (e.status == 404) {
                    run = null; // the writer has not seen the run yet
                } else if (e.status == 0 || e.status >= 500) {
                    lastTrouble = say(progress, lastTrouble, "  Polaris did not answer (" + e.getMessage()
                            + "); trying again until the timeout");
                    run = null;
                } else {
                    throw e;
                }
            } catch (IOException e) {
                // a dropped connection (reset, timed out): the run goes on without us
                lastTrouble = say(progress, lastTrouble, "  the connection to Polaris dropped ("
                        + e.getClass().getSimpleName() + "); trying again until the timeout");
                run = null;
            }
            if (run != null) {
                seen.seen(System.nanoTime(), Reports.num(run, "processed"));
            }
            if (run != null && !WAITING.contains(String.valueOf(run.get("status")))) {
                if (tty && lastProcessed >= 0) {
                    progress.print("\r\033[K");
                }
                return run;
            }
            if (run != null && "STALLED".equals(run.get("status")) && !saidStalled) {
                progress.println((tty ? "\r\033[K" : "") + "  " + run.get("message") + "; still waiting (--timeout)");
                saidStalled = true;
            }
            int processed = run == null ? Math.max(lastProcessed, 0) : Reports.num(run, "processed");
            long now = System.nanoTime();
            boolean started = processed > 0 || now - begin > Duration.ofSeconds(2).toNanos();
            if (run != null && started && processed != lastProcessed
                    && (tty || now - lastPrint > Duration.ofSeconds(2).toNanos())) {
                Object expected = run.get("expectedRows");
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
            Thread.sleep(poll.toMillis());
        }
        return null;
    }

    private static String say(PrintWriter progress, String last, String trouble) {
        if (!trouble.equals(last)) {
            progress.println(trouble);
            progress.flush();
        }
        return trouble;
    }
}
