package org.polaris.ingest.sheets;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the Google Sheets reader reaches Google: where, as whom, and how patiently. */
@ConfigMapping(prefix = "polaris.sheets")
public interface SheetsConfig {

    /**
     * Root URL of the Sheets v4 API (POLARIS_SHEETS_ROOT_URL). Settable so tests and air-gapped
     * environments can point the real client at a local peer speaking the same wire protocol.
     */
    @WithDefault("https://sheets.googleapis.com/")
    String rootUrl();

    /**
     * Path of the service account's JSON key file (POLARIS_SHEETS_CREDENTIALS_FILE). When unset the
     * standard GOOGLE_APPLICATION_CREDENTIALS variable is used, as every Google client does, so the
     * one variable operators already know is enough. The key's {@code token_uri} is where the access
     * token is obtained. The key itself never appears in configuration or logs: only its path.
     */
    Optional<String> credentialsFile();

    /**
     * Tries per request, the first included (POLARIS_SHEETS_MAX_ATTEMPTS). HTTP 429, 5xx and network
     * timeouts are retried; a sheet that is not shared is not (retrying cannot fix it).
     */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second try, doubled for each later one (POLARIS_SHEETS_INITIAL_BACKOFF). */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /**
     * Longest wait between tries (POLARIS_SHEETS_MAX_BACKOFF). A Retry-After longer than this ends the
     * read at once with the wait Google asked for, rather than holding the operator's request open.
     */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** Longest wait for Google's answer to one request (POLARIS_SHEETS_READ_TIMEOUT); large sheets take seconds. */
    @WithDefault("PT60S")
    Duration readTimeout();
}
