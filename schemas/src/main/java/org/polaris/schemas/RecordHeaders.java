package org.polaris.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka headers every row record carries from ingest to the writer: its run id and source row
 * number. A record whose value cannot be decoded (corrupt, or written by a newer schema) is still
 * attributed to its run and row through them, so it ends as that row's invalid outcome and the run
 * completes. Kafka Streams forwards them from the matcher's input to its output.
 */
public final class RecordHeaders {

    public static final String RUN = "polaris-run";
    public static final String ROW = "polaris-row";

    private RecordHeaders() {
    }

    /** Headers naming a run and, when known (> 0), a row. */
    public static Headers of(String runId, int rowNumber) {
        Headers h = new org.apache.kafka.common.header.internals.RecordHeaders();
        if (runId != null) {
            h.add(RUN, runId.getBytes(StandardCharsets.UTF_8));
        }
        if (rowNumber > 0) {
            h.add(ROW, Integer.toString(rowNumber).getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    /** The run a record belongs to: its header, else its key when the key is a run id (raw topics); else null. */
    public static String runOf(Headers headers, String key) {
        String fromHeader = text(headers, RUN);
        if (isRunId(fromHeader)) {
            return fromHeader;
        }
        return isRunId(key) ? key : null;
    }

    /** The record's source row number, or 0 when its headers do not say. */
    public static int rowOf(Headers headers) {
        String row = text(headers, ROW);
        try {
            return row == null ? 0 : Integer.parseInt(row);
        } catch (NumberFormatException e) {
            return 0;
        }
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
