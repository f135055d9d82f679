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
 * 5,000 change events (field updates, deletes, undeletes, creates, events naming several records)
 * published while the pipeline is SIGKILLed and started again twice: Polaris ends in the peer's final
 * state, each teacher created once in the ledger, and the stored replay id is the last event's. Runs in
 * its own JVM with its own broker and database.
 */
class StreamKillIT {

    private static final int EVENTS = 5_000;

    @TempDir
    Path dir;

    @Test
    void changesPublishedWhileThePipelineIsKilledTwiceEndInSalesforcesState() throws Exception {
        Org org = new Org();
        GeneratedOrg.fill(org, 2_000, 7);
        List<String> teachers = StreamPipelines.teachers(org);
        try (FakeSalesforce sf = FakeSalesforce.start(org)) {
            StreamPipelines pipelines = StreamPipelines.named("stream-kill", sf, dir);
            int port = StreamPipelines.freePort();
            ApiClient api = pipelines.api(port);
            Process pipeline = pipelines.start("local", "first", port);
            try {
                await().atMost(Duration.ofMinutes(3)).until(api::ready);
                await().atMost(Duration.ofMinutes(1)).until(() -> StreamPipelines.connected(api));
                Set<String> deleted = new HashSet<>();
                int kills = 0;
                for (int i = 0; i < EVENTS; i++) {
                    pipelines.publish(i, org, teachers, deleted);
                    if (i == EVENTS / 3 || i == 2 * EVENTS / 3) {
                        pipeline.destroyForcibly(); // SIGKILL, mid-stream
                        assertThat(pipeline.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        pipeline = pipelines.start("local", "restart-" + ++kills, port); // takes the killed one's place
                    }
                    Thread.sleep(2);
                }
                assertThat(kills).isEqualTo(2);

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(StreamPipelines.differences(pipelines.state(),
                                StreamPipelines.expected(org, teachers))).isEmpty());
                pipelines.assertLedger(2);
            } finally {
                pipeline.destroy();
                pipeline.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }
}
