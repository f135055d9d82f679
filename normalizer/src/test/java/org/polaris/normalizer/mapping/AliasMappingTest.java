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
                "missing required column \"TeacherEmail\" (closest header present: \"EducatorEmail\"; if it is that column: "
                        + "bin/polaris mappings set pathful TeacherEmail --alias EducatorEmail)");
        assertThat(r.missing()).containsExactly("TeacherEmail");
        assertThat(r.columns()).doesNotContainKey("teacher-email");
    }

    @Test
    void closestHeaderHintSkipsColumnsAlreadyMappedToEarlierFields() {
        // SessionId and EventId are mapped before TeacherEmail is looked for: never offered as the closest header
        HeaderResolution r = mapping.resolve("PATHFUL", Fixtures.contract("PATHFUL"), List.of("SessionId", "EventId", "SessionStart",
                "AttendanceStatus", "Educator_Mail"));

        assertThat(r.problems()).containsExactly(
                "missing required column \"TeacherEmail\" (closest header present: \"Educator_Mail\"; if it is that column: "
                        + "bin/polaris mappings set pathful TeacherEmail --alias Educator_Mail)");
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
    void unknownExtraColumnsDoNotRejectTheRunAndAreListed() {
        List<String> header = new java.util.ArrayList<>(ROSTER_HEADER);
        header.add("Notes");
        header.add("Phone");

        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"), header);

        assertThat(r.accepted()).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.columns()).hasSize(8).doesNotContainValue("Notes").doesNotContainValue("Phone");
        assertThat(r.extra()).containsExactly("Notes", "Phone");
    }

    @Test
    void extraColumnsAreAWarningUnderWarnAndNothingUnderIgnore() {
        KindMapping warn = mapping.current("ROSTER");
        KindMapping ignore = new KindMapping("ROSTER", "roster-v2", warn.aliases(), KindMapping.ExtraColumns.IGNORE);

        assertThat(warn.extraColumnsWarning(List.of("Notes", "Phone"))).contains("columns \"Notes\" and \"Phone\" are not "
                + "in the roster mapping (roster-v1) and were not read; map one with bin/polaris mappings set roster FIELD "
                + "--alias NAME, or hide this warning with bin/polaris mappings policy roster --extra-columns ignore");
        assertThat(warn.extraColumnsWarning(List.of())).isEmpty();
        assertThat(ignore.extraColumnsWarning(List.of("Notes"))).isEmpty();
    }

    @Test
    void theFixCommandQuotesNamesTheShellWouldSplit() {
        HeaderResolution r = mapping.resolve("ROSTER", Fixtures.contract("ROSTER"), List.of("Teacher Email", "Teacher Name",
                "School", "Academic Year", "Virtual Yr (KC's)"));

        assertThat(r.problems()).containsExactly("missing required column \"Virtual Year\" (closest header present: "
                + "\"Virtual Yr (KC's)\"; if it is that column: bin/polaris mappings set roster 'Virtual Year' --alias "
                + "'Virtual Yr (KC'\\''s)')");
    }

    @Test
    void anAliasAddedInANewVersionMapsTheColumn() {
        Map<String, List<String>> aliases = new java.util.HashMap<>(mapping.aliasesOf("PATHFUL"));
        aliases.put("teacher-email", List.of("TeacherEmail", "EducatorEmail"));
        KindMapping v2 = new KindMapping("PATHFUL", "pathful-v2", aliases, KindMapping.ExtraColumns.WARN);

        HeaderResolution r = v2.resolve(Fixtures.contract("PATHFUL"),
                List.of("SessionId", "EventId", "EducatorEmail", "SessionStart", "AttendanceStatus"));

        assertThat(r.accepted()).isTrue();
        assertThat(r.columns()).containsEntry("teacher-email", "EducatorEmail");
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
