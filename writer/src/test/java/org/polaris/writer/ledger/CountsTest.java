package org.polaris.writer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polaris.schemas.avro.OutcomeKind;

class CountsTest {

    @Test
    void zeroHasNothing() {
        assertThat(Counts.ZERO).isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(Counts.ZERO.processed()).isZero();
    }

    @Test
    void processedIsTheSumOfTheSixOutcomeCounts() {
        Counts c = new Counts(3, 2, 2, 2, 1, 3, 0, 0);

        assertThat(c.processed()).isEqualTo(13);
    }

    @Test
    void warningsAreNotPartOfProcessed() {
        Counts c = new Counts(1, 0, 0, 0, 0, 0, 0, 7);

        assertThat(c.processed()).isEqualTo(1);
    }

    @Test
    void plusCreatedAddsToCreatedOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.CREATED, 3, 0)).isEqualTo(new Counts(3, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void plusUpdatedAddsToUpdatedOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.UPDATED, 2, 0)).isEqualTo(new Counts(0, 2, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void plusSkippedAddsToSkippedOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.SKIPPED, 4, 0)).isEqualTo(new Counts(0, 0, 4, 0, 0, 0, 0, 0));
    }

    @Test
    void plusUnmatchedTeacherAddsToUnmatchedTeacherOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.UNMATCHED_TEACHER, 5, 0)).isEqualTo(new Counts(0, 0, 0, 5, 0, 0, 0, 0));
    }

    @Test
    void plusUnmatchedEventAddsToUnmatchedEventOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.UNMATCHED_EVENT, 6, 0)).isEqualTo(new Counts(0, 0, 0, 0, 6, 0, 0, 0));
    }

    @Test
    void plusInvalidAddsToInvalidOnly() {
        assertThat(Counts.ZERO.plus(OutcomeKind.INVALID, 7, 0)).isEqualTo(new Counts(0, 0, 0, 0, 0, 7, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(OutcomeKind.class)
    void plusAnyKindRaisesProcessedByN(OutcomeKind kind) {
        Counts before = new Counts(1, 1, 1, 1, 1, 1, 0, 1);

        Counts after = before.plus(kind, 4, 0);

        assertThat(after.processed()).isEqualTo(before.processed() + 4);
        assertThat(after.warnings()).isEqualTo(1);
    }

    @Test
    void plusAddsWarningsWhateverTheKind() {
        Counts c = Counts.ZERO.plus(OutcomeKind.CREATED, 3, 2).plus(OutcomeKind.INVALID, 1, 1);

        assertThat(c).isEqualTo(new Counts(3, 0, 0, 0, 0, 1, 0, 3));
        assertThat(c.processed()).isEqualTo(4);
    }

    @Test
    void plusDoesNotChangeTheOriginal() {
        Counts start = new Counts(1, 2, 3, 4, 5, 6, 0, 7);

        start.plus(OutcomeKind.CREATED, 10, 10);

        assertThat(start).isEqualTo(new Counts(1, 2, 3, 4, 5, 6, 0, 7));
    }

    @Test
    void plusAccumulatesAcrossCalls() {
        Counts c = Counts.ZERO;
        c = c.plus(OutcomeKind.CREATED, 3, 0);
        c = c.plus(OutcomeKind.UPDATED, 2, 1);
        c = c.plus(OutcomeKind.SKIPPED, 2, 0);
        c = c.plus(OutcomeKind.UNMATCHED_TEACHER, 2, 0);
        c = c.plus(OutcomeKind.UNMATCHED_EVENT, 1, 0);
        c = c.plus(OutcomeKind.INVALID, 3, 0);
        c = c.plus(OutcomeKind.CREATED, 0, 0);

        assertThat(c).isEqualTo(new Counts(3, 2, 2, 2, 1, 3, 0, 1));
        assertThat(c.processed()).isEqualTo(13);
    }
}
