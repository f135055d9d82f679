package org.polaris.salesforce.peer;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bulk API 2.0 query jobs: create, poll, page through CSV results by locator, delete.
 * The result set is computed when the job is created; the job then reports InProgress for
 * a configurable number of polls before JobComplete (or Failed), so clients exercise their
 * polling loop and the "results before completion" error.
 */
final class BulkQueries {

    static final int DEFAULT_MAX_RECORDS = 50_000;
    /** What Salesforce's Bulk CSV looks like: every value quoted, LF line endings, header quoted too. */
    static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\n")
            .get();

    private static final class Job {
        final String id;
        final String operation;
        final String object;
        final String version;
        final Instant created;
        final QueryResult result;   // null when the query failed
        final String errorMessage;  // set when the query failed
        final int pollsBeforeComplete;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean finished;

        Job(String id, String operation, String object, String version, Instant created,
            QueryResult result, String errorMessage, int pollsBeforeComplete) {
            this.id = id;
            this.operation = operation;
            this.object = object;
            this.version = version;
            this.created = created;
            this.result = result;
            this.errorMessage = errorMessage;
            this.pollsBeforeComplete = pollsBeforeComplete;
        }

        /** A status poll: InProgress for the first polls, then the terminal state for good. */
        String poll() {
            if (polls.incrementAndGet() > pollsBeforeComplete) {
                finished = true;
            }
            return state();
        }

        String state() {
            if (!finished) {
                return "InProgress";
            }
            return result == null ? "Failed" : "JobComplete";
        }
    }

    private final Org org;
    private final PeerSettings settings;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobNumbers = new AtomicLong();

    BulkQueries(Org org, PeerSettings settings) {
        this.org = org;
        this.settings = settings;
    }

    /** {@code POST /services/data/vXX.X/jobs/query} with {@code {"operation":..,"query":..}}. */
    Response create(Request request, String version) {
        JsonNode body;
        try {
            body = Response.JSON.readTree(request.body());
        } catch (IOException e) {
            return Response.bulkError(400, "JSON_PARSER_ERROR", "Unable to parse the request body as JSON");
        }
        String operation = body == null ? null : body.path("operation").asText(null);
        String soql = body == null ? null : body.path("query").asText(null);
        if (!"query".equals(operation) && !"queryAll".equals(operation)) {
            return Response.bulkError(400, "INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        if (soql == null || soql.isBlank()) {
            return Response.bulkError(400, "INVALIDJOB", "InvalidJob : the query is required");
        }
        String id = String.format("750D%014d", jobNumbers.incrementAndGet());
        Job job;
        try {
            Soql.Query parsed = Soql.parse(soql);
            if (parsed.count()) {
                throw SoqlException.malformed("Aggregate queries are not supported by Bulk API 2.0: COUNT()");
            }
            QueryResult result = org.query(parsed, operation.equals("queryAll"));
            job = new Job(id, operation, result.sobject(), version, org.clock(), result, null,
                    settings.bulkPollsBeforeComplete);
        } catch (SoqlException e) {
            // Salesforce reports some query errors only through the job: it fails
            job = new Job(id, operation, objectNameOf(soql), version, org.clock(), null,
                    e.errorCode() + ": " + e.getMessage(), settings.bulkPollsBeforeComplete);
        }
        jobs.put(id, job);
        return Response.json(200, describe(job, "UploadComplete", false));
    }

    /** {@code GET .../jobs/query/{id}}: each call is one poll. */
    Response status(String id) {
        Job job = jobs.get(id);
        return job == null ? Response.notFound() : Response.json(200, describe(job, job.poll(), true));
    }

    Response delete(String id) {
        return jobs.remove(id) == null ? Response.notFound() : Response.noContent();
    }

    /** {@code GET .../jobs/query/{id}/results?maxRecords=&locator=}: one CSV page. */
    Response results(Request request, String id) throws IOException {
        Job job = jobs.get(id);
        if (job == null) {
            return Response.notFound();
        }
        if (!job.state().equals("JobComplete")) {
            return Response.bulkError(400, "INVALIDJOBSTATE",
                    "Results can only be retrieved for a job in state JobComplete; the job is " + job.state());
        }
        int maxRecords = DEFAULT_MAX_RECORDS;
        String max = request.params().get("maxRecords");
        if (max != null) {
            maxRecords = parsePositive(max);
            if (maxRecords <= 0) {
                return Response.bulkError(400, "INVALIDREQUEST", "maxRecords must be a positive integer: " + max);
            }
        }
        int from = 0;
        String locator = request.params().get("locator");
        if (locator != null && !locator.isEmpty()) {
            from = decodeLocator(locator);
            if (from < 0 || from >= job.result.totalSize()) {
                return Response.bulkError(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
            }
        }
        int to = (int) Math.min(job.result.totalSize(), (long) from + maxRecords);
        byte[] csv = csv(job.result, from, to).getBytes(StandardCharsets.UTF_8);
        return Response.bytes(200, "text/csv", csv)
                .withHeader("Sforce-Locator", to < job.result.totalSize() ? encodeLocator(to) : "null")
                .withHeader("Sforce-NumberOfRecords", Integer.toString(to - from))
                .withRecords(to - from);
    }

    private static String csv(QueryResult result, int from, int to) throws IOException {
        StringWriter out = new StringWriter(64 + (to - from) * 256);
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            printer.printRecord(result.fields());
            List<String> values = new ArrayList<>(result.fields().size());
            for (int i = from; i < to; i++) {
                values.clear();
                for (Object value : result.rows().get(i)) {
                    values.add(Wire.csv(value));
                }
                printer.printRecord(values);
            }
        }
        return out.toString();
    }

    /** Locators are opaque to clients; Salesforce's look like base64 of the offset ("MTAwMDA" = 10000). */
    static String encodeLocator(int offset) {
        return Base64.getEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }

    static int decodeLocator(String locator) {
        try {
            return parsePositive(new String(Base64.getDecoder().decode(locator), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int parsePositive(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String objectNameOf(String soql) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\bFROM\\s+(\\w+)").matcher(soql);
        return m.find() ? m.group(1) : null;
    }

    /** The job document, in the field order Salesforce uses; polls add the processing counters. */
    private static Map<String, Object> describe(Job job, String state, boolean polled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id);
        body.put("operation", job.operation);
        body.put("object", job.object);
        body.put("createdById", TokenEndpoint.USER_ID + "AAA");
        body.put("createdDate", Wire.restDateTime(job.created));
        body.put("systemModstamp", Wire.restDateTime(job.created));
        body.put("state", state);
        body.put("concurrencyMode", "Parallel");
        body.put("contentType", "CSV");
        body.put("apiVersion", Double.parseDouble(job.version));
        if (polled) {
            body.put("jobType", "V2Query");
        }
        body.put("lineEnding", "LF");
        body.put("columnDelimiter", "COMMA");
        if (polled) {
            boolean complete = state.equals("JobComplete");
            body.put("numberRecordsProcessed", complete ? job.result.totalSize() : 0);
            body.put("retries", 0);
            body.put("totalProcessingTime", 0);
            if (state.equals("Failed")) {
                body.put("errorMessage", job.errorMessage);
            }
        }
        return body;
    }
}
