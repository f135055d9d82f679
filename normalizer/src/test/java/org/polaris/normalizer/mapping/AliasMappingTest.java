package org.polaris.normalizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polaris.normalizer.Fixtures;

class AliasMappingTest {

    private static final List<String> PATHFUL_HEADER = List.of("SessionId", "EventId", "TeacherEmail", "SessionStart",
            "AttendanceStatus", "ParticipantType");
    private static final List<String> ROSTER_HEADER = List.of("Teacher Email", "Teacher Name", "School or Building",
            "Grade", "Academic Year", "Virtual Year", "Target Sessions", "District");

    private final AliasMapping mapping = Fixtures.defaultMapping();

    @Test
    void versionIsTheConfiguredOne() {
        assertThat(mapping.version()).isEqualTo("1");
    }

    @Test
    void normalizedNameKeepsOnlyLowerCaseLettersAndDigits() {
        assertThat(AliasMapping.normalize(" Teacher_E-mail (K12) ")).isEqualTo("teacheremailk12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TeacherEmail", "Teacher Email", "teacher_email", "TEACHEREMAIL", "teacher-email", " Teacher.Email "})
    void teacherEmailIsMatchedIgnoringCaseSpacesAndPunctuation(String header) {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"),
                List.of("SessionId", "EventId", header, "SessionStart", "AttendanceStatus"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.columns()).containsEntry("teacher-email", header);
    }

    @Test
    void contractHeaderMapsEveryField() {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"), PATHFUL_HEADER);

        assertThat(r.accepted()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.missing()).isEmpty();
        assertThat(r.columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "session-id", "SessionId", "event-id", "EventId", "teacher-email", "TeacherEmail",
                "session-start", "SessionStart", "attendance-status", "AttendanceStatus",
                "participant-type", "ParticipantType"));
    }

    @Test
    void aliasesOfTheConfigurationMatch() {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"),
                List.of("Session ID", "Event ID", "Teacher Email", "Session Start", "Attendance Status", "Participant Type"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.columns()).containsEntry("session-id", "Session ID").containsEntry("participant-type",
                "Participant Type");
    }

    @Test
    void missingRequiredColumnNamesTheFieldAndTheClosestHeader() {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"),
                List.of("SessionId", "EventId", "EducatorEmail", "SessionStart", "AttendanceStatus"));

        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).containsExactly(
                "missing required column \"TeacherEmail\" (closest header present: \"EducatorEmail\")");
        assertThat(r.missing()).containsExactly("TeacherEmail");
        assertThat(r.columns()).doesNotContainKey("teacher-email");
    }

    @Test
    void closestHeaderHintSkipsColumnsAlreadyMappedToEarlierFields() {
        // SessionId and EventId are mapped before TeacherEmail is looked for: never offered as the closest header
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"), List.of("SessionId", "EventId", "SessionStart",
                "AttendanceStatus", "Educator_Mail"));

        assertThat(r.problems()).containsExactly(
                "missing required column \"TeacherEmail\" (closest header present: \"Educator_Mail\")");
    }

    @Test
    void missingColumnWithNoOtherHeaderSaysSo() {
        HeaderResolution r = mapping.resolve("EVENTS", Fixtures.contract("EVENTS"), List.of("Session ID", "Session Title"));

        assertThat(r.problems()).containsExactly("missing required column \"Date\" (no other header present)");
        assertThat(r.missing()).containsExactly("Date");
    }

    @Test
    void everyMissingRequiredColumnIsReportedInContractOrder() {
        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"), List.of("Teacher Email", "Teacher Name", "Building"));

        assertThat(r.missing()).containsExactly("Academic Year", "Virtual Year");
        assertThat(r.problems()).hasSize(2);
        assertThat(r.problems().get(0)).startsWith("missing required column \"Academic Year\"");
        assertThat(r.problems().get(1)).startsWith("missing required column \"Virtual Year\"");
    }

    @Test
    void optionalParticipantTypeMayBeAbsent() {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"),
                List.of("SessionId", "EventId", "TeacherEmail", "SessionStart", "AttendanceStatus"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.missing()).isEmpty();
        assertThat(r.columns()).doesNotContainKey("participant-type");
    }

    @Test
    void optionalRosterColumnsMayBeAbsent() {
        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"),
                List.of("Teacher Email", "Teacher Name", "School", "Academic Year", "Virtual Year"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.columns()).doesNotContainKeys("grade", "target-sessions", "district");
    }

    @Test
    void twoColumnsClaimingOneFieldRejectTheHeaderNamingBoth() {
        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"),
                List.of("Teacher Email", "Teacher Name", "School", "Building", "Academic Year", "Virtual Year"));

        assertThat(r.accepted()).isFalse();
        assertThat(r.problems()).containsExactly("columns \"School\" and \"Building\" all map to School or Building: keep one");
        assertThat(r.missing()).isEmpty();
        assertThat(r.columns()).doesNotContainKey("building");
    }

    @Test
    void twoSpellingsOfOneColumnAreAmbiguousToo() {
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"),
                List.of("SessionId", "EventId", "TeacherEmail", "teacher_email", "SessionStart", "AttendanceStatus"));

        assertThat(r.problems()).containsExactly(
                "columns \"TeacherEmail\" and \"teacher_email\" all map to TeacherEmail: keep one");
    }

    @Test
    void unknownExtraColumnsAreIgnored() {
        List<String> header = new java.util.ArrayList<>(ROSTER_HEADER);
        header.add("Notes");
        header.add("Phone");

        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"), header);

        assertThat(r.accepted()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.columns()).hasSize(8).doesNotContainValue("Notes").doesNotContainValue("Phone");
    }

    @Test
    void cellIsReadThroughTheMappedColumn() {
        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"), List.of("Email", "Name", "School", "Academic Year",
                "Virtual Year"));
        Map<String, String> cells = Map.of("Email", "ana@kckps.org", "Name", "Ana Garcia");

        assertThat(r.cell(cells, Contracts.Roster.TEACHER_EMAIL)).isEqualTo("ana@kckps.org");
        assertThat(r.cell(cells, Contracts.Roster.TEACHER_NAME)).isEqualTo("Ana Garcia");
        assertThat(r.cell(cells, Contracts.Roster.GRADE)).isNull(); // column absent
        assertThat(r.cell(cells, Contracts.Roster.BUILDING)).isNull(); // column mapped, cell absent
    }

    @Test
    void headerWithoutAnyKnownColumnMissesEveryRequiredField() {
        HeaderResolution r = mapping.resolve("EVENTS", Fixtures.contract("EVENTS"), List.of());

        assertThat(r.missing()).containsExactly("Session ID", "Session Title", "Date");
        assertThat(r.problems()).containsExactly(
                "missing required column \"Session ID\" (no other header present)",
                "missing required column \"Session Title\" (no other header present)",
                "missing required column \"Date\" (no other header present)");
    }

    @Test
    void theClosestHeaderHintNeverNamesAColumnAnotherFieldClaims() {
        var resolution = Fixtures.defaultMapping().resolve("PATHFUL", org.polaris.normalizer.Fixtures.contract("PATHFUL"),
                java.util.List.of("EventId", "TeacherEmail", "SessionStart", "AttendanceStatus"));

        assertThat(resolution.problems())
                .containsExactly("missing required column \"SessionId\" (no other header present)");
    }
}
