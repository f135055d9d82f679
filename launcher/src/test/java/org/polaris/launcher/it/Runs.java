package org.polaris.launcher.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.awaitility.Awaitility.await;

/** Test helpers over the HTTP API: submit a file, wait for its run to be final. */
final class Runs {

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    private Runs() {
    }

    /** Uploads a file; returns the receipt (runId, rows, topic, partition, offsets). */
    static Map<String, Object> submit(String kind, Path file, String academicYear) {
        var request = RestAssured.given().multiPart("file", file.toFile(), "text/csv");
        if (academicYear != null) {
            request = request.multiPart("academicYear", academicYear);
        }
        Response response = request.post("/api/imports/" + kind);
        response.then().statusCode(202);
        return response.jsonPath().getMap("");
    }

    /** The run once it is final: complete, rejected or failed (a stalled run may still complete; deadline 60 s). */
    static Map<String, Object> awaitFinal(String runId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response r = RestAssured.get("/api/runs/" + runId);
            return r.statusCode() == 200 ? r.jsonPath().<String, Object>getMap("") : null;
        }, run -> run != null && !"RUNNING".equals(run.get("status")) && !"STALLED".equals(run.get("status")));
    }

    static Map<String, Object> importFile(String kind, Path file, String academicYear) {
        return awaitFinal(submit(kind, file, academicYear).get("runId").toString());
    }

    static List<Map<String, Object>> rows(String runId, String outcomes) {
        return RestAssured.get("/api/runs/" + runId + "/rows?outcome=" + outcomes).then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** The seven counts, in the spec's order, for one-line assertions. */
    static List<Object> counts(Map<String, Object> run) {
        return List.of(run.get("processed"), run.get("created"), run.get("updated"), run.get("skipped"),
                run.get("unmatchedTeacher"), run.get("unmatchedEvent"), run.get("invalid"));
    }
}
