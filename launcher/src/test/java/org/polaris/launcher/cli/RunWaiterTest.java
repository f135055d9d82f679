package org.polaris.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following a run survives what happens to a running pipeline: a 503 while the database restarts, a
 * connection that drops, a stalled run; the wait ends with the run once it is final.
 */
class RunWaiterTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private List<Answer> script;

    private record Answer(int status, String body) {
        static final Answer DROP = new Answer(-1, null);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/runs/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Answer a = script.get(Math.min(requests.getAndIncrement(), script.size() - 1));
        if (a.status() < 0) {
            exchange.close(); // no answer at all: the client sees the connection drop
            return;
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String run(String status, int processed, String message) {
        return "{\"runId\": \"r1\", \"status\": \"" + status + "\", \"processed\": " + processed
                + ", \"expectedRows\": 3, \"message\": " + (message == null ? "null" : "\"" + message + "\"") + "}";
    }

    @Test
    void aPassing503ADroppedConnectionAndAStallDoNotEndTheWait() throws Exception {
        script = List.of(new Answer(200, run("RUNNING", 1, null)), new Answer(503, "{\"error\": \"database restarting\"}"),
                // twice: the JDK's client retries a GET once by itself when the connection drops
                Answer.DROP, Answer.DROP, new Answer(200, run("STALLED", 2, "stalled: 1 of 3 rows have no outcome")),
                new Answer(200, run("COMPLETED", 3, null)));
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort(), null);
        StringWriter progress = new StringWriter();

        Map<String, Object> done = RunWaiter.await(api, "r1", Duration.ofSeconds(30), new PrintWriter(progress, true));

        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("processed", 3);
        assertThat(progress.toString()).contains("Polaris did not answer (database restarting)")
                .contains("the connection to Polaris dropped").contains("Polaris answers again")
                .contains("stalled: 1 of 3 rows have no outcome; still waiting");
    }

    @Test
    void aRefusalEndsTheWaitAtOnce() {
        script = List.of(new Answer(403, "{\"error\": \"run r1 is outside your districts\"}"));
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort(), null);

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ApiClient.ApiException.class,
                () -> RunWaiter.await(api, "r1", Duration.ofSeconds(30), new PrintWriter(new StringWriter())));

        assertThat(thrown.status).isEqualTo(403);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void theWaitEndsAtTheTimeoutWhenPolarisStaysAway() throws Exception {
        script = List.of(new Answer(503, "{\"error\": \"down\"}"));
        ApiClient api = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort(), null);

        assertThat(RunWaiter.await(api, "r1", Duration.ofSeconds(1), new PrintWriter(new StringWriter()))).isNull();
    }
}
