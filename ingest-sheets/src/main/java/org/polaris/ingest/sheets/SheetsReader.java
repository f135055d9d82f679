package org.polaris.ingest.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.google.auth.Retryable;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.ServiceAccountCredentials;
import org.jboss.logging.Logger;

/**
 * Reads a Google Sheet with the Sheets v4 API as a service account, the way a person sees it:
 * displayed values (a formula's result as formatted, not the formula), the sheet's row numbers,
 * and the header rules of {@link SheetTables}.
 * <p>
 * The client is built on first use and kept: the service account's access token is obtained once
 * (a signed JWT exchanged at the key file's {@code token_uri}) and reused until it nears expiry.
 * A missing key file therefore fails the first read, not the application's start, so the rest of
 * the pipeline runs without Google. HTTP 429, 5xx and network failures are retried with
 * {@link Backoff}; 403 and 404 are not, because only sharing the sheet can fix them.
 * <p>
 * Logs name the sheet, the attempt and the HTTP status, never a cell value or the key.
 */
public class SheetsReader {

    /** The variable every Google client reads the key file's path from. */
    public static final String CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";

    /** Displayed values: what the sheet shows for formulas, dates and numbers. */
    static final String FORMATTED_VALUE = "FORMATTED_VALUE";

    private static final Logger LOG = Logger.getLogger(SheetsReader.class);
    private static final String KEY_SETTING = CREDENTIALS_ENV + " (or polaris.sheets.credentials-file)";

    private final String rootUrl;
    private final Path credentialsFile;
    private final Backoff backoff;
    private final Duration readTimeout;
    private final HttpTransport transport = new NetHttpTransport();

    private Client client;
    private String clientKeyVersion;

    /**
     * @param rootUrl         root of the Sheets v4 API, e.g. {@code https://sheets.googleapis.com/}
     * @param credentialsFile the service account's JSON key file; null when none is configured
     *                        (reads then fail naming {@value #CREDENTIALS_ENV})
     * @param maxAttempts     tries per request, the first included
     */
    public SheetsReader(String rootUrl, Path credentialsFile, int maxAttempts, Duration initialBackoff,
            Duration maxBackoff, Duration readTimeout) {
        this.rootUrl = rootUrl;
        this.credentialsFile = credentialsFile;
        this.backoff = new Backoff(maxAttempts, initialBackoff, maxBackoff);
        this.readTimeout = readTimeout;
    }

    /** A reader as configured; the key file is {@code credentials-file}, else {@value #CREDENTIALS_ENV}. */
    public static SheetsReader fromConfig(SheetsConfig config) {
        return new SheetsReader(config.rootUrl(), credentialsPath(config.credentialsFile(), System::getenv),
                config.maxAttempts(), config.initialBackoff(), config.maxBackoff(), config.readTimeout());
    }

    static Path credentialsPath(Optional<String> configured, UnaryOperator<String> env) {
        return configured.or(() -> Optional.ofNullable(env.apply(CREDENTIALS_ENV)))
                .filter(p -> !p.isBlank()).map(Path::of).orElse(null);
    }

    /**
     * Reads one sheet.
     *
     * @param spreadsheetId the id in the sheet's URL
     * @param rangeOrTab    a tab name or A1 range ({@code 'Virtual Sessions'!A1:Z}); null for the first tab
     * @param headerRows    rows above the column names to skip: 0 when row 1 holds them, 3 for a sheet
     *                      with three rows of title and notes
     * @throws SheetReadException with a message for the operator
     */
    public SheetTable read(String spreadsheetId, String rangeOrTab, int headerRows) {
        return readGrid(spreadsheetId, rangeOrTab).table(headerRows);
    }

    /** The sheet's cells as displayed, once; {@link Grid#table} reads them with the column names on a given row. */
    public Grid readGrid(String spreadsheetId, String rangeOrTab) {
        Client c = client(spreadsheetId);
        String range = rangeOrTab != null && !rangeOrTab.isBlank() ? rangeOrTab
                : quoted(firstTab(c, spreadsheetId));
        ValueRange answer = call(c, spreadsheetId, range, () -> c.sheets().spreadsheets().values()
                .get(spreadsheetId, range).setValueRenderOption(FORMATTED_VALUE).setMajorDimension("ROWS").execute());
        return new Grid(spreadsheetId, answer.getRange(), answer.getValues());
    }

    /** A sheet's cells as Google answered them. */
    public record Grid(String spreadsheetId, String range, List<List<Object>> values) {

        /** The table with its column names after {@code headerRows} rows (throws SheetReadException for a bad header). */
        public SheetTable table(int headerRows) {
            SheetTable table = SheetTables.of(spreadsheetId, range, values, headerRows);
            LOG.infof("Google Sheet %s: read %s, %d columns, %d data rows", spreadsheetId, range,
                    table.header().size(), table.rows().size());
            return table;
        }
    }

    private String firstTab(Client c, String spreadsheetId) {
        Spreadsheet spreadsheet = call(c, spreadsheetId, null, () -> c.sheets().spreadsheets().get(spreadsheetId)
                .setFields("sheets.properties.title").execute());
        List<Sheet> tabs = spreadsheet.getSheets();
        if (tabs == null || tabs.isEmpty() || tabs.get(0).getProperties() == null) {
            throw new SheetReadException(spreadsheetId, "the spreadsheet has no tabs");
        }
        return tabs.get(0).getProperties().getTitle();
    }

    /** A tab title as an A1 range: quoted, so titles with spaces or "!" work. */
    private static String quoted(String title) {
        return "'" + title.replace("'", "''") + "'";
    }

    /** Runs one API request, retrying what may pass on another try. */
    private <T> T call(Client c, String spreadsheetId, String range, Request<T> request) {
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration wait;
            try {
                return request.execute();
            } catch (HttpResponseException e) {
                int status = e.getStatusCode();
                LOG.warnf("Google Sheet %s: attempt %d of %d answered HTTP %d", spreadsheetId, attempt,
                        backoff.maxAttempts(), status);
                if (status == 403 && googleMessage(e).contains("has not been used in project")) {
                    // also a 403, but sharing would not help: the project's administrator must enable the API
                    throw new SheetReadException(spreadsheetId, "the Google Sheets API is not enabled for the project of"
                            + " the service account " + c.serviceAccount() + ": " + firstLine(googleMessage(e)), e);
                }
                if (status == 403 || status == 404) {
                    throw new SheetReadException(spreadsheetId, "not found or not shared with the service account "
                            + c.serviceAccount() + " (check the id, and share the sheet with that address as a viewer)");
                }
                if (status != 429 && status < 500) {
                    throw new SheetReadException(spreadsheetId, refusal(e, range), e);
                }
                failure = "HTTP " + status;
                Optional<Duration> asked = Backoff.retryAfter(e.getHeaders().getRetryAfter(), Instant.now());
                if (asked.isPresent() && asked.get().compareTo(backoff.max()) > 0 && attempt < backoff.maxAttempts()) {
                    throw new SheetReadException(spreadsheetId, "Google answered " + failure + " and asked to wait "
                            + asked.get().toSeconds() + " s, longer than polaris.sheets.max-backoff ("
                            + backoff.max().toSeconds() + " s); try again later", e);
                }
                wait = asked.orElse(backoff.after(attempt));
            } catch (IOException e) {
                if (e instanceof Retryable token && !token.isRetryable()) {
                    // the token exchange was refused (the auth library already retried what it deems transient)
                    throw new SheetReadException(spreadsheetId, "the service account " + c.serviceAccount()
                            + " could not get an access token: " + firstLine(e.getMessage()), e);
                }
                // timeouts, resets, refused connections: Google or the network may be back on the next try
                failure = e.getClass().getSimpleName();
                LOG.warnf("Google Sheet %s: attempt %d of %d failed: %s", spreadsheetId, attempt,
                        backoff.maxAttempts(), failure);
                wait = backoff.after(attempt);
            }
            if (attempt >= backoff.maxAttempts()) {
                throw new SheetReadException(spreadsheetId, "gave up after " + attempt + " tries (last: " + failure
                        + "); Google Sheets may be unavailable or over quota, try again later");
            }
            LOG.infof("Google Sheet %s: retrying in %d ms (attempt %d of %d)", spreadsheetId, wait.toMillis(),
                    attempt + 1, backoff.maxAttempts());
            sleep(spreadsheetId, wait);
        }
    }

    /** A short reason for a refusal retrying cannot fix, naming the range when Sheets could not find it. */
    private static String refusal(HttpResponseException e, String range) {
        String message = googleMessage(e);
        if (range != null && e.getStatusCode() == 400 && message.startsWith("Unable to parse range")) {
            return "the sheet has no tab or range " + range;
        }
        return "HTTP " + e.getStatusCode() + (message.isEmpty() ? "" : ": " + firstLine(message));
    }

    /** Google's one-line explanation from the JSON error body, else the HTTP reason phrase; never null. */
    private static String googleMessage(HttpResponseException e) {
        String message = e instanceof GoogleJsonResponseException j && j.getDetails() != null
                ? j.getDetails().getMessage() : e.getStatusMessage();
        return message == null ? "" : message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void sleep(String spreadsheetId, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SheetReadException(spreadsheetId, "interrupted while waiting to retry", e);
        }
    }

    /**
     * The client: it holds the credentials, whose access token is cached. Built again when the key
     * file changed (a rotated key takes effect without a restart) or was removed (the read says so).
     */
    private synchronized Client client(String spreadsheetId) {
        String version = keyVersion();
        if (client == null || !java.util.Objects.equals(version, clientKeyVersion)) {
            client = null;
            client = connect(spreadsheetId);
            clientKeyVersion = version;
        }
        return client;
    }

    /** The key file's size and modification time, or null when it cannot be seen. */
    private String keyVersion() {
        if (credentialsFile == null) {
            return null;
        }
        try {
            return Files.size(credentialsFile) + "@" + Files.getLastModifiedTime(credentialsFile).toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    private Client connect(String spreadsheetId) {
        if (credentialsFile == null) {
            throw new SheetReadException(spreadsheetId, "no service account key is configured: set " + KEY_SETTING
                    + " to the path of the service account's JSON key file");
        }
        byte[] key;
        try {
            key = Files.readAllBytes(credentialsFile);
        } catch (NoSuchFileException e) {
            throw new SheetReadException(spreadsheetId, "the service account key file " + credentialsFile
                    + " named by " + KEY_SETTING + " does not exist", e);
        } catch (IOException e) {
            throw new SheetReadException(spreadsheetId, "the service account key file " + credentialsFile
                    + " named by " + KEY_SETTING + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        ServiceAccountCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(key), () -> transport);
        } catch (IOException | RuntimeException e) {
            // no cause attached: a parser's message may quote the file, and the file holds the private key
            throw new SheetReadException(spreadsheetId, "the file " + credentialsFile + " named by " + KEY_SETTING
                    + " is not a service account key (expected the JSON key downloaded for a service account)");
        }
        HttpCredentialsAdapter auth = new HttpCredentialsAdapter(
                credentials.createScoped(SheetsScopes.SPREADSHEETS_READONLY));
        int timeout = Math.toIntExact(readTimeout.toMillis());
        HttpRequestInitializer init = request -> {
            auth.initialize(request);
            request.setReadTimeout(timeout);
        };
        Sheets sheets = new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), init)
                .setRootUrl(rootUrl)
                .setApplicationName("polaris")
                .build();
        return new Client(sheets, credentials.getClientEmail());
    }

    private record Client(Sheets sheets, String serviceAccount) {
    }

    @FunctionalInterface
    private interface Request<T> {
        T execute() throws IOException;
    }
}
