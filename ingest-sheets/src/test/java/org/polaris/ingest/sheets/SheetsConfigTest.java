package org.polaris.ingest.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The mapping as SmallRye (Quarkus' config) builds it, from defaults and from the environment. */
class SheetsConfigTest {

    private static SheetsConfig config(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SheetsConfig.class)
                .withSources(new EnvConfigSource(env, 300))
                .build();
        return config.getConfigMapping(SheetsConfig.class);
    }

    @Test
    void defaultsToGoogleWithThreeTries() {
        SheetsConfig config = config(Map.of());

        assertThat(config.rootUrl()).isEqualTo("https://sheets.googleapis.com/");
        assertThat(config.credentialsFile()).isEmpty();
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsTheEnvironment() {
        SheetsConfig config = config(Map.of("POLARIS_SHEETS_ROOT_URL", "http://127.0.0.1:9999/",
                "POLARIS_SHEETS_MAX_ATTEMPTS", "5", "POLARIS_SHEETS_INITIAL_BACKOFF", "PT0.25S"));

        assertThat(config.rootUrl()).isEqualTo("http://127.0.0.1:9999/");
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.initialBackoff()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theKeyFileIsTheConfiguredOneElseGoogleApplicationCredentials() {
        Map<String, String> env = Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/google/key.json");

        assertThat(SheetsReader.credentialsPath(Optional.empty(), env::get)).isEqualTo(Path.of("/secrets/google/key.json"));
        assertThat(SheetsReader.credentialsPath(Optional.of("/etc/polaris/sa.json"), env::get))
                .isEqualTo(Path.of("/etc/polaris/sa.json"));
        assertThat(SheetsReader.credentialsPath(Optional.empty(), name -> null)).isNull();
        assertThat(SheetsReader.credentialsPath(Optional.empty(), name -> " ")).isNull();
    }
}
