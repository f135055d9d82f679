package org.polaris.ingest.csv;

/** A file refused before a run starts: why, and where (row number, 0 when it is the file as a whole). */
public class CsvRejected extends RuntimeException {

    private final int row;

    public CsvRejected(int row, String message) {
        super(row > 0 ? "row " + row + ": " + message : message);
        this.row = row;
    }

    public int row() {
        return row;
    }
}
