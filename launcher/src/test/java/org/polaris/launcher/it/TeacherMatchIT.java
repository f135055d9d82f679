package org.polaris.launcher.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Playbook B's post-import teacher matching through the pipeline: a roster and the VMS teachers
 * (a CSV until the Salesforce teacher import) are imported, the auto-match links by email, then by
 * name; a person reviews, matches and unmatches, and the auto-match never overrides them.
 */
@QuarkusTest
@QuarkusTestResource(PipelineResource.class)
class TeacherMatchIT {

    private static final String YEAR = "2027-2028";

    @TempDir
    Path dir;

    @BeforeAll
    static void login() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
    }

    @Test
    void rosterEntriesAreLinkedToVmsTeachersAutomaticallyAndByHand() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"), """
                Teacher Email,Teacher Name,School,Academic Year,Virtual Year
                ana.garcia@wyco.example.org,"Garcia, Ana M.",Turner High School,2027-2028,2027-2028
                rsmith@wyco.example.org,Robert Smith,Turner High School,2027-2028,2027-2028
                lee.park@wyco.example.org,Lee Park,Piper Middle School,2027-2028,2027-2028
                """, StandardCharsets.UTF_8);
        Path teachers = Files.writeString(dir.resolve("teachers.csv"), """
                Teacher ID,First Name,Last Name,Email,School
                003A000001,Ana,Garcia,ana.garcia@wyco.example.org,Turner HS
                003A000002,Bob,Smith,bob.smith@personal.example.com,Turner High School
                003A000003,Leigh,Parkinson,lparkinson@wyco.example.org,Piper Middle School
                """, StandardCharsets.UTF_8);

        assertThat(upload("roster", roster).get("status")).isEqualTo("COMPLETED");
        Map<String, Object> teacherRun = upload("teachers", teachers);
        assertThat(List.of(teacherRun.get("processed"), teacherRun.get("created"))).containsExactly(3, 3);

        Map<String, Map<String, Object>> byEmail = rosterByEmail(false);
        assertThat(byEmail.get("ana.garcia@wyco.example.org")).containsEntry("status", "AUTO_EMAIL");
        assertThat(byEmail.get("rsmith@wyco.example.org")).containsEntry("status", "AUTO_NAME");
        assertThat(byEmail.get("lee.park@wyco.example.org").get("status")).isIn("UNMATCHED", "REVIEW");
        assertThat(rosterByEmail(true)).containsOnlyKeys("lee.park@wyco.example.org");

        long leigh = teacherId("003A000003");
        link("match", "lee.park@wyco.example.org", leigh).then().statusCode(200);
        RestAssured.post("/api/teachers/auto-match?academicYear=" + YEAR).then().statusCode(200);
        assertThat(rosterByEmail(false).get("lee.park@wyco.example.org"))
                .containsEntry("status", "MANUAL").containsEntry("teacherId", (int) leigh);
        assertThat(rosterByEmail(true)).isEmpty();

        // one teacher is never linked to two roster entries of a year
        link("match", "rsmith@wyco.example.org", leigh).then().statusCode(409)
                .body("error", containsString("already linked to another roster entry"));

        link("unmatch", "lee.park@wyco.example.org", null).then().statusCode(200);
        RestAssured.post("/api/teachers/auto-match?academicYear=" + YEAR).then().statusCode(200);
        assertThat(rosterByEmail(true)).containsOnlyKeys("lee.park@wyco.example.org");
        assertThat(rosterByEmail(true).get("lee.park@wyco.example.org")).containsEntry("status", "MANUAL");

        RestAssured.given().auth().preemptive().basic("wyco", "wyco-secret").contentType(ContentType.JSON)
                .body(Map.of("academicYear", YEAR, "email", "lee.park@wyco.example.org", "teacherId", leigh))
                .post("/api/teachers/match").then().statusCode(403);
    }

    private Map<String, Object> upload(String kind, Path file) {
        String runId = RestAssured.given().multiPart("file", file.toFile(), "text/csv")
                .multiPart("academicYear", YEAR).multiPart("district", "WYCO")
                .post("/api/imports/" + kind).then().statusCode(202).extract().jsonPath().getString("runId");
        return Runs.awaitFinal(runId);
    }

    private static Map<String, Map<String, Object>> rosterByEmail(boolean unmatchedOnly) {
        List<Map<String, Object>> rows = RestAssured.get("/api/teachers/roster?academicYear=" + YEAR
                + "&unmatchedOnly=" + unmatchedOnly).then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Map<String, Object>> byEmail = new java.util.HashMap<>();
        rows.forEach(r -> byEmail.put(r.get("email").toString(), r));
        return byEmail;
    }

    private static long teacherId(String salesforceId) {
        return RestAssured.get("/api/teachers/vms/salesforce/" + salesforceId).then().statusCode(200)
                .extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response link(String action, String email, Long teacherId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("academicYear", YEAR);
        body.put("email", email);
        body.put("teacherId", teacherId);
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/teachers/" + action);
    }
}
