package org.polaris.writer.api;

import java.time.OffsetDateTime;

/** A run for operators: identity, window, status and the seven counts. */
public record RunView(String runId, String kind, String status, String sourceRef, String window, String district,
        String triggeredBy, String mode, String mappingVersion, String replayOf, Integer expectedRows, int processed,
        int created, int updated, int skipped, int unmatchedTeacher, int unmatchedEvent, int invalid, int warnings,
        int deactivated, int registrations, String message, OffsetDateTime startedAt, OffsetDateTime completedAt,
        boolean countsAddUp) {

    static RunView of(ImportRun r) {
        int sum = r.created + r.updated + r.skipped + r.unmatchedTeacher + r.unmatchedEvent + r.invalid;
        return new RunView(r.id.toString(), r.kind, r.status, r.sourceRef, r.window, r.district, r.triggeredBy, r.mode,
                r.mappingVersion, r.replayOf == null ? null : r.replayOf.toString(), r.expectedRows, r.processed,
                r.created, r.updated, r.skipped, r.unmatchedTeacher, r.unmatchedEvent, r.invalid, r.warnings,
                r.deactivated, r.registrations, r.message, r.startedAt, r.completedAt, sum == r.processed);
    }
}
