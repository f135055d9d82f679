package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.launcher.it.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/polaris up} behaves like a service: the pipeline JVM is killed (SIGKILL) under the
 * supervisor, which says so with the exit code and starts it again, ready within 15 s (static group
 * membership: no waiting out the dead members' sessions); with {@code --no-restart} the supervisor
 * stops with the JVM's exit code instead. The real local stack: the broker JVM of the deploy module
 * and the packaged pipeline, against the real PostgreSQL. Runs in its own failsafe JVM.
 */
class LocalStackIT {

    @TempDir
    Path dir;

    @Test
    void aKilledPipelineIsStartedAgainAndReadyWithinFifteenSecondsOrStopsTheStackWithNoRestart() throws Exception {
        String db = TestDatabase.fresh("polaris_stack_it");
        int kafkaPort = freePortPair();
        LocalStack.Settings settings = new LocalStack.Settings(Path.of("..").toAbsolutePath().normalize(),
                dir.resolve("data"), freePort(), db, kafkaPort, 0, false, "1g");
        StringWriter said = new StringWriter();
        PrintWriter err = new PrintWriter(said, true);
        ExecutorService supervisors = Executors.newCachedThreadPool();
        try (LocalStack stack = LocalStack.start(settings, err)) {
            ApiClient api = new ApiClient(stack.url(), stack.credentials());
            assertThat(importEvents(api, settings)).isEqualTo("COMPLETED");

            Future<Integer> supervising = supervisors.submit(() -> stack.supervise(true));
            long killed = kill(stack);
            await().atMost(Duration.ofSeconds(60)).until(() -> said.toString().contains("ready again after"));
            double readyAfter = (System.nanoTime() - killed) / 1e9;
            String log = said.toString();
            assertThat(log).contains("polaris: the pipeline JVM exited with code 137 (killed: SIGKILL")
                    .contains("polaris: starting the pipeline again");
            Matcher m = Pattern.compile("ready again after ([0-9.]+) s").matcher(log);
            assertThat(m.find()).isTrue();
            System.out.printf("pipeline killed; ready again %.1f s after the kill (start to ready %s s)%n", readyAfter,
                    m.group(1));
            assertThat(readyAfter).as("seconds from the kill to ready").isLessThan(15.0);
            assertThat(supervising).isNotDone();
            // the restarted pipeline takes imports: its consumers have their partitions
            assertThat(importEvents(api, settings)).isEqualTo("COMPLETED");

            supervising.cancel(true); // interrupted in its sleep: this supervisor ends
            Future<Integer> noRestart = supervisors.submit(() -> stack.supervise(false));
            kill(stack);
            assertThat(noRestart.get(60, TimeUnit.SECONDS)).isEqualTo(137);
            assertThat(said.toString()).contains("polaris: stopping (--no-restart)");
        } finally {
            supervisors.shutdownNow();
        }
    }

    private static String importEvents(ApiClient api, LocalStack.Settings settings) throws Exception {
        Map<String, Object> receipt = api.upload("events", settings.home().resolve("samples/events.csv"), Map.of());
        Map<String, Object> run = RunWaiter.await(api, receipt.get("runId").toString(), Duration.ofMinutes(2),
                new PrintWriter(java.io.Writer.nullWriter()));
        return run == null ? null : String.valueOf(run.get("status"));
    }

    /** SIGKILL to the pipeline JVM; returns when it is gone (System.nanoTime of the kill). */
    private static long kill(LocalStack stack) throws Exception {
        ProcessHandle pipeline = ProcessHandle.of(stack.pipelinePid()).orElseThrow();
        long at = System.nanoTime();
        pipeline.destroyForcibly();
        pipeline.onExit().get(30, TimeUnit.SECONDS);
        return at;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A port whose successor is free too (the broker's controller listens on kafka port + 1). */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            try (ServerSocket next = new ServerSocket(p + 1)) {
                return p;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
