package org.polaris.writer.store;

import java.util.List;
import java.util.Map;

import org.polaris.schemas.avro.OutcomeKind;

/** The terminal outcome of one source row, as the ledger records it. */
public record Outcome(String runId, int rowNumber, OutcomeKind kind, List<String> reasons, List<String> warnings,
        Map<String, String> cells) {

    public static Outcome of(String runId, int rowNumber, OutcomeKind kind, List<String> warnings) {
        return new Outcome(runId, rowNumber, kind, List.of(), warnings, null);
    }

    public RowKey key() {
        return new RowKey(runId, rowNumber);
    }

    /** A source row: run id + row number, the ledger's key. */
    public record RowKey(String runId, int rowNumber) {
    }
}
