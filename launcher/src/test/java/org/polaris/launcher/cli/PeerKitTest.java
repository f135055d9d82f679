package org.polaris.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerKitTest {

    @Test
    void printsThePipelinesRatioToEachLoadOfThePeer() {
        PeerKit.Results results = new PeerKit.Results(Map.of("peer/new", 20_000.0, "peer-steady/new", 25_000.0,
                "peer/unchanged", 18_000.0, "peer/changed", 16_000.0), 200_000);
        StringWriter text = new StringWriter();
        results.print(new PrintWriter(text, true), 24_000, 20_000);
        assertThat(text.toString())
                .contains("Debezium JDBC sink on Kafka Connect, 200,000 rows")
                .containsPattern("new rows, empty table: +20,000 rows/s \\(25,000 from its first row\\)  pipeline fresh / peer = 1.20")
                .containsPattern("unchanged rows \\(all rewritten\\): +18,000 rows/s \\(\\? from its first row\\)  pipeline warm / peer = 1.11")
                .containsPattern("changed rows \\(every row an update\\): +16,000 rows/s .*pipeline warm / peer = 1.25");
    }

    @Test
    void aMissingKitIsNamedWithTheWayToPointAtIt(@TempDir Path empty) {
        assertThatThrownBy(() -> PeerKit.run(empty, 10, new PrintWriter(new StringWriter())))
                .hasMessageContaining("no peer kit at " + empty)
                .hasMessageContaining("--peers-kit DIR or set POLARIS_BENCH_PEERS");
        assertThat(PeerKit.problem(empty)).startsWith("no peer kit at " + empty);
        assertThat(Files.exists(empty.resolve(PeerKit.SCRIPT))).isFalse();
    }
}
