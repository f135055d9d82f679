package org.polaris.ingest.publish;

import org.polaris.schemas.avro.RunKind;
import org.polaris.schemas.avro.RunMode;

/** What an operator asked for: a run of this kind from this source, for this window. */
public record RunRequest(RunKind kind, String sourceRef, String window, String district, String triggeredBy,
        RunMode mode, String replayOf) {
}
