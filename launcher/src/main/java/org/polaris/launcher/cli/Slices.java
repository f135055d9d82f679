package org.polaris.launcher.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows/s of each slice of a run (the first {@code size} rows processed, the next {@code size}, ...),
 * from polls of its processed count: the moment a slice's last row was processed is interpolated
 * between the two polls around it. The first slice starts when the upload returned (the run published).
 * A flat series says the pipeline keeps its pace as a run grows; a falling one says something grows
 * with the run (an index, a map, a scan).
 */
final class Slices {

    private final int size;
    private final List<Double> ends = new ArrayList<>(); // seconds since the start at which each slice ended
    private final long start;
    private long lastNanos;
    private int lastProcessed;

    Slices(long startNanos, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("a slice needs at least one row, got " + size);
        }
        this.start = startNanos;
        this.size = size;
        this.lastNanos = startNanos;
    }

    /** A poll: at {@code nanos} the run had processed {@code processed} rows. */
    synchronized void seen(long nanos, int processed) {
        if (processed < lastProcessed || nanos <= lastNanos) {
            return; // a count never goes back; a poll of the same instant says nothing new
        }
        if (processed == lastProcessed) {
            lastNanos = nanos; // still there at this moment: the next slice end lies after it
            return;
        }
        for (long boundary = (long) (ends.size() + 1) * size; boundary <= processed; boundary += size) {
            double share = (double) (boundary - lastProcessed) / (processed - lastProcessed);
            ends.add((lastNanos + share * (nanos - lastNanos) - start) / 1e9);
        }
        lastNanos = nanos;
        lastProcessed = processed;
    }

    /** Rows/s of each complete slice, in order. */
    synchronized List<Double> rates() {
        List<Double> rates = new ArrayList<>();
        double previous = 0;
        for (double end : ends) {
            rates.add(end > previous ? size / (end - previous) : 0);
            previous = end;
        }
        return rates;
    }
}
