package org.polaris.salesforce.client;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.salesforce.TestConfig;
import org.polaris.salesforce.peer.FakeSalesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a peer that speaks Salesforce's OAuth, REST and Bulk 2.0 wire formats over HTTP. */
class SalesforceClientTest {

    private static KeyPair key;

    @TempDir
    static Path dir;

    private FakeSalesforce sf;
    private TestConfig config;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        key = g.generateKeyPair();
    }

    @BeforeEach
    void start() {
        sf = FakeSalesforce.start();
        sf.acceptClient("polaris-app", "s3cret").acceptUser("sync@prepkc.org", "pw", "TOKEN")
                .acceptJwt("polaris-app", "sync@prepkc.org", (RSAPublicKey) key.getPublic());
        for (int i = 1; i <= 5; i++) {
            sf.org().insert("Account", Map.of("Name", "Org " + i + (i == 3 ? " O'Brien" : ""), "Type", "Business"));
        }
        config = new TestConfig();
        config.loginUrl = sf.loginUrl();
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    private SalesforceClient client() {
        return new SalesforceClient(config, HttpClient.newHttpClient());
    }

    private List<Map<String, String>> all(SalesforceClient c, String soql, boolean bulk) {
        List<Map<String, String>> records = new ArrayList<>();
        if (bulk) {
            c.bulkQuery(soql, true, records::add);
        } else {
            c.query(soql, true, records::add);
        }
        return records;
    }

    @Test
    void theJwtBearerFlowSignsInAndCallsGoToTheInstanceAtTheNewestVersion() throws Exception {
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        config.clientId = "polaris-app";
        config.username = "sync@prepkc.org";
        config.privateKeyFile = pem;
        SalesforceClient c = client();

        assertThat(c.flow().label()).isEqualTo("jwt-bearer");
        assertThat(c.apiVersion()).isEqualTo("65.0");
        assertThat(all(c, "SELECT Id, Name FROM Account", false)).extracting(r -> r.get("Name"))
                .contains("Org 3 O'Brien").hasSize(5);
        assertThat(sf.grantsUsed()).containsExactly("urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(c.limits().text()).startsWith("api-usage=");
    }

    @Test
    void restPagesAreFollowedAndQueryAllIncludesDeletedRecords() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        sf.setPageSize(2);
        String gone = sf.org().insert("Account", Map.of("Name", "Gone", "Type", "Business"));
        sf.org().delete("Account", gone);
        SalesforceClient c = client();

        List<Map<String, String>> records = all(c, "SELECT Id, Name, IsDeleted FROM Account", false);
        assertThat(records).hasSize(6);
        assertThat(records).filteredOn(r -> r.get("Id").equals(gone)).singleElement()
                .satisfies(r -> assertThat(r.get("IsDeleted")).isEqualTo("true"));
        assertThat(c.count("SELECT COUNT() FROM Account")).isEqualTo(5);
        assertThat(sf.grantsUsed()).containsExactly("client_credentials");
    }

    @Test
    void bulkResultsAreReadOverEveryLocatorPage() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        config.bulkMaxRecords = 2;
        sf.setBulkPollsBeforeComplete(2);
        SalesforceClient c = client();

        List<Map<String, String>> records = all(c, "SELECT Id, Name, Type FROM Account", true);
        assertThat(records).hasSize(5);
        assertThat(records.get(2)).containsEntry("Name", "Org 3 O'Brien").containsEntry("Type", "Business");
    }

    @Test
    void aSessionThatExpiresMidRunIsRenewedOnceAndTheReadGoesOn() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        sf.setPageSize(1);
        SalesforceClient c = client();
        c.apiVersion();
        sf.expireTokensAfter(2);

        assertThat(all(c, "SELECT Id FROM Account", false)).hasSize(5);
        assertThat(sf.grantsUsed()).containsExactly("client_credentials", "client_credentials");
    }

    @Test
    void thePasswordFlowAppendsTheSecurityTokenAndWrongCredentialsNameTheSettings() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        config.username = "sync@prepkc.org";
        config.password = "pw";
        config.securityToken = "TOKEN";
        assertThat(client().count("SELECT COUNT() FROM Account")).isEqualTo(5);

        config.securityToken = "WRONG";
        assertThatThrownBy(() -> client().count("SELECT COUNT() FROM Account"))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SalesforceException.Reason.REFUSED))
                .hasMessageContaining("Salesforce refused the password sign-in")
                .hasMessageContaining("invalid_grant: authentication failure")
                .hasMessageContaining("check SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN, SF_CLIENT_ID and SF_CLIENT_SECRET")
                .hasMessageNotContaining("WRONG");
    }

    @Test
    void aSessionRefusedAgainAfterRenewalFailsNamingTheFlowsSettings() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        SalesforceClient c = client();
        c.apiVersion();
        // the user lost API access: the session is refused, and so is the one signed in for again
        String refused = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
        sf.failNext(401, refused);
        sf.failNext(401, refused);

        assertThatThrownBy(() -> c.count("SELECT COUNT() FROM Account"))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SalesforceException.Reason.REFUSED))
                .hasMessage("Salesforce refused the session again right after a new client-credentials sign-in (401 "
                        + "INVALID_SESSION_ID: Session expired or invalid): check SF_CLIENT_ID and SF_CLIENT_SECRET, and "
                        + "that the user may use the API");
        assertThat(sf.grantsUsed()).hasSize(2);
    }

    @Test
    void theRequestLimitFailsClearlyAndSaysWhenItFreesUp() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        SalesforceClient c = client();
        c.apiVersion();
        sf.limitExceeded(true);

        assertThatThrownBy(() -> all(c, "SELECT Id FROM Account", false))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SalesforceException.Reason.LIMITED))
                .hasMessageStartingWith("Salesforce's 24-hour API request limit is used up (api-usage=")
                .hasMessageContaining("capacity frees up as the requests of 24 hours ago age out, all of it by");
    }

    @Test
    void noCredentialsAtAllSaysWhichToSet() {
        assertThatThrownBy(this::client).isInstanceOf(SalesforceException.class)
                .hasMessageStartingWith("no Salesforce credentials are set: set SF_CLIENT_ID, SF_USERNAME and "
                        + "SF_PRIVATE_KEY_FILE (JWT bearer)");
    }

    @Test
    void aFieldTheOrgDoesNotHaveIsARefusalNamingTheSetting() {
        config.clientId = "polaris-app";
        config.clientSecret = "s3cret";
        assertThatThrownBy(() -> all(client(), "SELECT Id, Nmae FROM Account", false))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SalesforceException.Reason.REFUSED))
                .hasMessageContaining("INVALID_FIELD").hasMessageContaining("polaris.salesforce.objects");
    }
}
