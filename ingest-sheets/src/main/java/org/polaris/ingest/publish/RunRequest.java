package org.polaris.ingest.publish;

import org.polaris.schemas.avro.RunMode;
import org.polaris.schemas.kinds.SourceKind;

/** What an operator asked for: a run of this kind from this source, for this window. */
public record RunRequest(SourceKind<?> kind, String sourceRef, String window, String district, String triggeredBy,
        RunMode mode, String replayOf) {
}
