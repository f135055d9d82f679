package org.polaris.writer.kinds.salesforce;

import java.time.Instant;

/** Epoch milliseconds as the instant a timestamptz column is bound from (null stays null). */
final class Timestamps {

    private Timestamps() {
    }

    static Instant of(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
