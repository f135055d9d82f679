package org.polaris.salesforce.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * REST {@code query} / {@code queryAll} and their {@code nextRecordsUrl} pages. The result set
 * is kept server-side per cursor, as Salesforce does, so later pages do not see writes made
 * after the query ran. Like Salesforce, only the newest few cursors stay open.
 */
final class RestQueries {

    /** Salesforce keeps 10 open query cursors per user and drops the oldest beyond that. */
    static final int MAX_OPEN_CURSORS = 10;
    private static final Pattern LOCATOR = Pattern.compile("(01g[A-Za-z0-9]+)-(\\d+)");
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");

    private record Cursor(QueryResult result, int pageSize) {
    }

    private final Org org;
    private final PeerSettings settings;
    private final AtomicLong cursorNumbers = new AtomicLong();
    private final Map<String, Cursor> cursors = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN_CURSORS;
        }
    };

    RestQueries(Org org, PeerSettings settings) {
        this.org = org;
        this.settings = settings;
    }

    /** {@code GET /services/data/vXX.X/query?q=} (or queryAll when {@code includeDeleted}). */
    Response query(Request request, String version, boolean includeDeleted) throws IOException {
        String soql = request.params().get("q");
        if (soql == null || soql.isBlank()) {
            return Response.restError(400, SoqlException.MALFORMED_QUERY, "A query string has to be specified");
        }
        QueryResult result;
        try {
            result = org.query(soql, includeDeleted);
        } catch (SoqlException e) {
            return Response.restError(400, e.errorCode(), e.getMessage());
        }
        if (result.countOnly()) {
            return page(version, result, 0, 0, null);
        }
        int pageSize = pageSize(request.header("Sforce-Query-Options"));
        if (result.totalSize() <= pageSize) {
            return page(version, result, 0, result.totalSize(), null);
        }
        String cursorId = String.format("01gD%010d", cursorNumbers.incrementAndGet());
        synchronized (cursors) {
            cursors.put(cursorId, new Cursor(result, pageSize));
        }
        return page(version, result, 0, pageSize, nextUrl(version, cursorId, pageSize));
    }

    /** {@code GET /services/data/vXX.X/query/01gD...-2000}: the page starting at that offset. */
    Response next(String version, String locator) throws IOException {
        Matcher m = LOCATOR.matcher(locator);
        Cursor cursor;
        synchronized (cursors) {
            cursor = m.matches() ? cursors.get(m.group(1)) : null;
        }
        int from = cursor == null ? -1 : parseNonNegative(m.group(2));
        if (cursor == null || from < 0 || from >= cursor.result().totalSize()) {
            return Response.restError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int to = Math.min(from + cursor.pageSize(), cursor.result().totalSize());
        boolean last = to == cursor.result().totalSize();
        if (last) {
            // the client has everything; freeing the snapshot keeps big benchmarks in bounds
            synchronized (cursors) {
                cursors.remove(m.group(1));
            }
        }
        return page(version, cursor.result(), from, to, last ? null : nextUrl(version, m.group(1), to));
    }

    private static int parseNonNegative(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The configured page size, lowered by the client's {@code Sforce-Query-Options: batchSize=n} hint. */
    private int pageSize(String queryOptions) {
        int size = settings.pageSize;
        if (queryOptions != null) {
            Matcher m = BATCH_SIZE.matcher(queryOptions);
            if (m.find()) {
                size = Math.min(size, Math.max(1, parseNonNegative(m.group(1))));
            }
        }
        return size;
    }

    private static String nextUrl(String version, String cursorId, int offset) {
        return "/services/data/v" + version + "/query/" + cursorId + "-" + offset;
    }

    /** Streams one page with Jackson's generator: no per-record maps for 2,000-record pages. */
    private static Response page(String version, QueryResult result, int from, int to, String nextUrl) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (to - from) * 512);
        try (JsonGenerator g = Response.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("totalSize", result.totalSize());
            g.writeBooleanField("done", nextUrl == null);
            if (nextUrl != null) {
                g.writeStringField("nextRecordsUrl", nextUrl);
            }
            g.writeArrayFieldStart("records");
            List<String> fields = result.fields();
            String urlPrefix = "/services/data/v" + version + "/sobjects/" + result.sobject() + "/";
            for (int i = from; i < to; i++) {
                g.writeStartObject();
                g.writeObjectFieldStart("attributes");
                g.writeStringField("type", result.sobject());
                g.writeStringField("url", urlPrefix + result.ids().get(i));
                g.writeEndObject();
                Object[] row = result.rows().get(i);
                for (int f = 0; f < row.length; f++) {
                    g.writeFieldName(fields.get(f));
                    Wire.writeJson(g, row[f]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return Response.bytes(200, Response.JSON_TYPE, out.toByteArray()).withRecords(to - from);
    }
}
