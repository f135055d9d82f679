package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polaris.schemas.avro.AttendanceStatus;

class AttendanceStatusesTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "registered | REGISTERED",
            "Registered | REGISTERED",
            "upcoming   | REGISTERED",
            "UPCOMING   | REGISTERED",
            "signed up  | REGISTERED",
            "Signed Up  | REGISTERED",
            "attended   | ATTENDED",
            "Attended   | ATTENDED",
            "completed  | ATTENDED",
            "COMPLETED  | ATTENDED",
            "absent     | NO_SHOW",
            "Absent     | NO_SHOW",
            "no-show    | NO_SHOW",
            "No-Show    | NO_SHOW",
            "no show    | NO_SHOW",
            "NO SHOW    | NO_SHOW",
            "canceled   | CANCELLED",
            "Canceled   | CANCELLED",
            "cancelled  | CANCELLED",
            "CANCELLED  | CANCELLED"})
    void resolvesTheVocabularyCaseInsensitively(String raw, AttendanceStatus expected) {
        assertThat(AttendanceStatuses.resolve(raw)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'  Attended  ' | ATTENDED", "'signed   up' | REGISTERED", "' No   Show ' | NO_SHOW",
            "' no \t show ' | NO_SHOW", "'no\u00A0show' | NO_SHOW"})
    void extraWhitespaceResolvesToTheSameStatus(String raw, AttendanceStatus expected) {
        assertThat(AttendanceStatuses.resolve(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"maybe", "   ", "no_show", "noshow", "signedup", "attend", "present", "waitlisted"})
    void anythingElseResolvesToNothing(String raw) {
        assertThat(AttendanceStatuses.resolve(raw)).isEmpty();
    }
}
