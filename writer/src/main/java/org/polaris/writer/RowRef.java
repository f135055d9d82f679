package org.polaris.writer;

import org.polaris.schemas.avro.RunMode;
import org.polaris.writer.store.Outcome.RowKey;

/** The source row a record is: its run, its row number, and whether the run is a dry run. */
public record RowRef(String runId, int rowNumber, boolean validateOnly) {

    public static RowRef of(String runId, int rowNumber, RunMode mode) {
        return new RowRef(runId, rowNumber, mode == RunMode.VALIDATE);
    }

    public RowKey key() {
        return new RowKey(runId, rowNumber);
    }
}
