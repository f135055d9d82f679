package org.polaris.writer.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressStatusTest {

    @Test
    void labelsAreTheDisplayStrings() {
        assertThat(ProgressStatus.ACHIEVED.label()).isEqualTo("Achieved");
        assertThat(ProgressStatus.IN_PROGRESS.label()).isEqualTo("In Progress");
        assertThat(ProgressStatus.NOT_STARTED.label()).isEqualTo("Not Started");
    }

    @Test
    void withDefaultTargetOfOneNothingAttendedOrRegisteredIsNotStarted() {
        assertThat(ProgressStatus.of(0, 0, 1)).isEqualTo(ProgressStatus.NOT_STARTED);
    }

    @Test
    void withDefaultTargetOfOneOneAttendedSessionIsAchieved() {
        assertThat(ProgressStatus.of(1, 0, 1)).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void withDefaultTargetOfOneOnlyRegisteredIsInProgress() {
        assertThat(ProgressStatus.of(0, 1, 1)).isEqualTo(ProgressStatus.IN_PROGRESS);
    }

    @Test
    void withDefaultTargetOfOneAttendedAndRegisteredIsAchieved() {
        assertThat(ProgressStatus.of(1, 2, 1)).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void attendingMoreThanTheTargetIsAchieved() {
        assertThat(ProgressStatus.of(5, 0, 3)).isEqualTo(ProgressStatus.ACHIEVED);
    }

    @Test
    void fewerAttendedThanTargetIsInProgress() {
        assertThat(ProgressStatus.of(2, 0, 3)).isEqualTo(ProgressStatus.IN_PROGRESS);
    }

    @Test
    void registeredSessionsDoNotCountTowardsTheTarget() {
        assertThat(ProgressStatus.of(0, 5, 3)).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(ProgressStatus.of(2, 5, 3)).isEqualTo(ProgressStatus.IN_PROGRESS);
    }

    @ParameterizedTest(name = "attended={0} registered={1} target={2} -> {3}")
    @CsvSource({
        "0, 0, 1, Not Started",
        "0, 0, 3, Not Started",
        "1, 0, 1, Achieved",
        "3, 0, 3, Achieved",
        "4, 1, 3, Achieved",
        "1, 0, 2, In Progress",
        "0, 1, 2, In Progress",
        "2, 3, 4, In Progress",
    })
    void statusFollowsTheRule(int attended, int registered, int target, String label) {
        assertThat(ProgressStatus.of(attended, registered, target).label()).isEqualTo(label);
    }
}
