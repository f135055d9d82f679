package org.polaris.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.salesforce.peer.FakeSalesforce;
import org.polaris.salesforce.peer.GeneratedOrg;
import org.polaris.salesforce.peer.Org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two pipeline instances (two JVMs, one broker, one database): exactly one holds the subscription; it
 * is SIGKILLed mid-stream, the other takes the subscription over within 30 s and resumes from the stored
 * replay id, and Polaris ends in the peer's final state with each teacher created once in the ledger.
 * Runs in its own JVM with its own broker and database.
 */
class StreamFailoverIT {

    private static final int EVENTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void whenTheSubscriberDiesTheOtherInstanceTakesOverAndNothingIsLostOrAppliedTwice() throws Exception {
        Org org = new Org();
        GeneratedOrg.fill(org, 2_000, 11);
        List<String> teachers = StreamPipelines.teachers(org);
        try (FakeSalesforce sf = FakeSalesforce.start(org)) {
            StreamPipelines pipelines = StreamPipelines.named("stream-failover", sf, dir);
            int portA = StreamPipelines.freePort();
            int portB = StreamPipelines.freePort();
            ApiClient a = pipelines.api(portA);
            ApiClient b = pipelines.api(portB);
            Process pa = pipelines.start("a", "a", portA);
            Process pb = pipelines.start("b", "b", portB);
            try {
                await().atMost(Duration.ofMinutes(3)).until(() -> a.ready() && b.ready());
                await().atMost(Duration.ofMinutes(1)).until(() -> StreamPipelines.connected(a) || StreamPipelines.connected(b));
                // one subscriber in the cluster, for as long as both run
                for (int check = 0; check < 5; check++) {
                    assertThat(StreamPipelines.connected(a) && StreamPipelines.connected(b)).as("both subscribed").isFalse();
                    Thread.sleep(1_000);
                }
                boolean aHolds = StreamPipelines.connected(a);
                Process holder = aHolds ? pa : pb;
                ApiClient other = aHolds ? b : a;

                Set<String> deleted = new HashSet<>();
                long killedAt = 0;
                for (int i = 0; i < EVENTS; i++) {
                    pipelines.publish(i, org, teachers, deleted);
                    if (i == EVENTS / 3) {
                        holder.destroyForcibly(); // SIGKILL the subscriber, mid-stream
                        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        killedAt = System.nanoTime();
                    }
                    if (i == EVENTS / 3 + 1) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> StreamPipelines.connected(other));
                        System.out.printf("the other instance subscribed %.1f s after the kill%n",
                                (System.nanoTime() - killedAt) / 1e9);
                    }
                    Thread.sleep(2);
                }

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(StreamPipelines.differences(pipelines.state(),
                                StreamPipelines.expected(org, teachers))).isEmpty());
                pipelines.assertLedger(2);
            } finally {
                for (Process p : List.of(pa, pb)) {
                    p.destroy();
                    p.waitFor(60, TimeUnit.SECONDS);
                }
            }
        }
    }
}
