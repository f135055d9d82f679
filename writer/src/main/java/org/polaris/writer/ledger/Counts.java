package org.polaris.writer.ledger;

import org.polaris.schemas.avro.OutcomeKind;

/** Outcome counts of one run; processed is always the sum of the seven outcome counts. */
public record Counts(int created, int updated, int skipped, int unmatchedTeacher, int unmatchedEvent, int invalid,
        int waiting, int warnings) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public int processed() {
        return created + updated + skipped + unmatchedTeacher + unmatchedEvent + invalid + waiting;
    }

    public Counts plus(OutcomeKind kind, int n, int withWarnings) {
        return new Counts(
                created + (kind == OutcomeKind.CREATED ? n : 0),
                updated + (kind == OutcomeKind.UPDATED ? n : 0),
                skipped + (kind == OutcomeKind.SKIPPED ? n : 0),
                unmatchedTeacher + (kind == OutcomeKind.UNMATCHED_TEACHER ? n : 0),
                unmatchedEvent + (kind == OutcomeKind.UNMATCHED_EVENT ? n : 0),
                invalid + (kind == OutcomeKind.INVALID ? n : 0),
                waiting + (kind == OutcomeKind.WAITING ? n : 0),
                warnings + withWarnings);
    }
}
