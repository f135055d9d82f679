package org.polaris.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka header every row record carries from ingest to the writer: {@code polaris-origin}, its
 * run id and source row number ({@code 3f0958e2-…/17}; the run id alone on a run's markers). A
 * record whose value cannot be decoded (corrupt, or written by a newer schema) is still attributed
 * to its run and row through it, so it ends as that row's invalid outcome and the run completes.
 * Kafka Streams forwards it from the matcher's input to its output. One header, not two: SmallRye's
 * generation-id lookup and Kafka Streams' record-size metric decode every header key of every
 * record, a visible share of the benchmark's CPU profile. The two headers of the first version
 * ({@code polaris-run}, {@code polaris-row}) are still read.
 */
public final class RecordHeaders {

    public static final String ORIGIN = "polaris-origin";
    /** The first version's headers, read on records written before {@link #ORIGIN}. */
    static final String RUN = "polaris-run";
    static final String ROW = "polaris-row";

    private RecordHeaders() {
    }

    /** The header naming a run and, when known (> 0), a row. */
    public static Headers of(String runId, int rowNumber) {
        Headers h = new org.apache.kafka.common.header.internals.RecordHeaders();
        if (runId != null) {
            h.add(ORIGIN, (rowNumber > 0 ? runId + "/" + rowNumber : runId).getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    /** The run a record belongs to: its header, else its key when the key is a run id (raw topics); else null. */
    public static String runOf(Headers headers, String key) {
        String origin = text(headers, ORIGIN);
        String fromHeader = origin != null ? origin.substring(0, slash(origin)) : text(headers, RUN);
        if (isRunId(fromHeader)) {
            return fromHeader;
        }
        return isRunId(key) ? key : null;
    }

    /** The record's source row number, or 0 when its header does not say. */
    public static int rowOf(Headers headers) {
        String origin = text(headers, ORIGIN);
        String row = origin != null ? (slash(origin) < origin.length() ? origin.substring(slash(origin) + 1) : null)
                : text(headers, ROW);
        try {
            return row == null ? 0 : Integer.parseInt(row);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int slash(String origin) {
        int i = origin.indexOf('/');
        return i < 0 ? origin.length() : i;
    }

    public static boolean isRunId(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
