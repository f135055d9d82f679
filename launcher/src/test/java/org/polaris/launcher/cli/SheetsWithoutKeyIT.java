package org.polaris.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.polaris.launcher.it.PipelineResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first row of the README's sheet-error table: a pipeline started without a service account
 * key refuses a sheet import with the setting to set (HTTP 422, CLI exit 2). Its own boot, because
 * the key is configuration (every other IT's pipeline has FakeGoogle's).
 */
@QuarkusTest
@TestProfile(SheetsWithoutKeyIT.NoKey.class)
class SheetsWithoutKeyIT {

    /** The pipeline of the other ITs, without a key. */
    public static final class NoKey implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WithoutKey.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** PipelineResource without the service-account key. */
    public static final class WithoutKey extends PipelineResource {
        @Override
        protected boolean withSheetsKey() {
            return false;
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Test
    void aPipelineWithoutAKeySaysWhichSettingToSet() {
        RestAssured.authentication = RestAssured.preemptive().basic("admin", "admin-secret");
        long id = RestAssured.given().contentType(ContentType.JSON).body(Map.of("sheetId", "1ErrNoKeyAbCdEfGhIjKlMnOpQ",
                        "purpose", "virtual_sessions", "academicYear", "2040-2041", "displayName", "no key"))
                .post("/api/sheets").then().statusCode(201).extract().jsonPath().getLong("id");
        String message = "Error reading Google Sheet 1ErrNoKeyAbCdEfGhIjKlMnOpQ: no service account key is configured: "
                + "set GOOGLE_APPLICATION_CREDENTIALS (or polaris.sheets.credentials-file) to the path of the service "
                + "account's JSON key file";

        assertThat(RestAssured.post("/api/sheets/" + id + "/import").then().statusCode(422).extract().jsonPath()
                .getString("error")).isEqualTo(message);

        System.setProperty("polaris.user", "admin");
        System.setProperty("polaris.password", "admin-secret");
        StringWriter err = new StringWriter();
        int code = PolarisCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("import", "sheet", Long.toString(id), "--url", url.toString());
        assertThat(code).isEqualTo(PolarisCli.REFUSED);
        assertThat(err.toString()).contains(message);
    }
}
