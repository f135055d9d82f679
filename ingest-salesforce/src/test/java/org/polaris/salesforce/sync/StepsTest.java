package org.polaris.salesforce.sync;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepsTest {

    private static Steps.Selection flags(boolean daily, boolean weekly, boolean full, boolean students, List<String> only,
            List<String> exclude) {
        return new Steps.Selection(daily, weekly, full, students, only, exclude);
    }

    @Test
    void dailyIsTheFirstFiveInOrder() {
        assertThat(Steps.select(flags(true, false, false, false, null, null)))
                .containsExactly("organizations", "volunteers", "affiliations", "events", "history");
        assertThat(Steps.select(flags(false, false, false, false, null, null)))
                .as("no flag is --daily").containsExactly("organizations", "volunteers", "affiliations", "events", "history");
    }

    @Test
    void weeklyAddsSchoolsClassesTeachersButNoStudents() {
        assertThat(Steps.select(flags(false, true, false, false, null, null))).containsExactly("organizations",
                "volunteers", "affiliations", "events", "history", "schools", "classes", "teachers");
    }

    @Test
    void fullIsEveryStepAndStudentsAddTheStudentSteps() {
        assertThat(Steps.select(flags(false, false, true, false, null, null))).isEqualTo(Steps.ORDER);
        assertThat(Steps.select(flags(false, false, false, true, null, null)))
                .containsExactly("student_participations", "students");
        assertThat(Steps.select(flags(true, false, false, true, null, null))).containsExactly("organizations",
                "volunteers", "affiliations", "events", "history", "student_participations", "students");
    }

    @Test
    void onlyAndExcludeKeepTheRunnersOrder() {
        assertThat(Steps.select(flags(false, false, false, false, List.of("teachers", "Organizations"), null)))
                .containsExactly("organizations", "teachers");
        assertThat(Steps.select(flags(false, true, false, false, null, List.of("volunteers", "history"))))
                .containsExactly("organizations", "affiliations", "events", "schools", "classes", "teachers");
        assertThat(Steps.select(flags(false, false, false, false, List.of("student-participations"), null)))
                .containsExactly("student_participations");
    }

    @Test
    void anUnknownStepIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Steps.select(flags(false, false, false, false, List.of("contacts"), null)))
                .hasMessage("no step contacts (steps: organizations, volunteers, affiliations, events, history, "
                        + "schools, classes, teachers, student_participations, students, unaffiliated_events)");
    }
}
