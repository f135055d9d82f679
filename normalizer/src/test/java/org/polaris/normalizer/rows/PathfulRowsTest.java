package org.polaris.normalizer.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.CHICAGO;
import static org.polaris.normalizer.Fixtures.cells;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRow;

class PathfulRowsTest {

    private static final String STATUSES = "registered, upcoming, signed up, attended, completed, absent, no-show, "
            + "no show, canceled, cancelled";
    private static final String DATE_FORMS = "ISO-8601 like 2025-03-05T14:15:00-06:00, yyyy-MM-dd HH:mm[:ss], "
            + "yyyy-MM-dd or M/d/yyyy [h:mm AM]";

    private static RowResult<NormalizedAttendance> normalize(Map<String, String> cells) {
        RawRow row = Fixtures.row("PATHFUL", "2024-2025", 7, cells);
        HeaderResolution columns = Fixtures.defaultMapping().resolve("PATHFUL", Fixtures.contract("PATHFUL"), cells.keySet());
        assertThat(columns.problems()).as("test header").isEmpty();
        return PathfulRows.normalize(row, columns, "2024-2025", CHICAGO);
    }

    private static Map<String, String> goodRow() {
        return cells("SessionId", "S-100", "EventId", "E-200", "TeacherEmail", "  Ana.Garcia@KCKPS.org ",
                "SessionStart", "2025-03-05T14:15:00.000+0000", "AttendanceStatus", "Attended", "ParticipantType", "");
    }

    private static NormalizedAttendance valid(Map<String, String> cells) {
        RowResult<NormalizedAttendance> r = normalize(cells);
        assertThat(r.reasons()).as("reasons").isEmpty();
        assertThat(r.isValid()).isTrue();
        return r.value();
    }

    @Test
    void validRowIsNormalized() {
        NormalizedAttendance a = valid(goodRow());

        assertThat(a.getRunId()).isEqualTo("run-1");
        assertThat(a.getRowNumber()).isEqualTo(7);
        assertThat(a.getAcademicYear()).isEqualTo("2024-2025");
        assertThat(a.getSessionId()).isEqualTo("S-100");
        assertThat(a.getEventId()).isEqualTo("E-200");
        assertThat(a.getTeacherEmail()).isEqualTo("ana.garcia@kckps.org");
        assertThat(a.getSessionStart()).isEqualTo(Instant.parse("2025-03-05T14:15:00Z").toEpochMilli())
                .isEqualTo(1_741_184_100_000L);
        assertThat(a.getSessionDate()).isEqualTo("2025-03-05");
        assertThat(a.getSessionZone()).isEqualTo("America/Chicago");
        assertThat(a.getStatus()).isEqualTo(AttendanceStatus.ATTENDED);
        assertThat(a.getParticipantType()).isEqualTo("Volunteer");
        assertThat(a.getWarnings()).isEmpty();
    }

    @Test
    void zoneLessSessionStartIsReadInChicago() {
        Map<String, String> cells = goodRow();
        cells.put("SessionStart", "2025-03-05 14:15");

        NormalizedAttendance a = valid(cells);

        assertThat(a.getSessionStart()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z").toEpochMilli());
        assertThat(a.getSessionDate()).isEqualTo("2025-03-05");
    }

    @Test
    void sessionDateIsTheChicagoDateOfTheStart() {
        Map<String, String> cells = goodRow();
        cells.put("SessionStart", "2025-03-06T03:00:00Z"); // 9 PM on the 5th in Chicago

        assertThat(valid(cells).getSessionDate()).isEqualTo("2025-03-05");
    }

    @Test
    void idsAreTrimmedAndCollapsed() {
        Map<String, String> cells = goodRow();
        cells.put("SessionId", "  S-100 ");
        cells.put("EventId", "E  200");

        NormalizedAttendance a = valid(cells);

        assertThat(a.getSessionId()).isEqualTo("S-100");
        assertThat(a.getEventId()).isEqualTo("E 200");
    }

    @Test
    void emailWithNonBreakingSpaceIsCleaned() {
        Map<String, String> cells = goodRow();
        cells.put("TeacherEmail", "\u00A0ana.garcia@kckps.org\u00A0");

        assertThat(valid(cells).getTeacherEmail()).isEqualTo("ana.garcia@kckps.org");
    }

    @Test
    void statusIsResolvedFromTheVocabulary() {
        Map<String, String> cells = goodRow();
        cells.put("AttendanceStatus", " No  Show ");

        assertThat(valid(cells).getStatus()).isEqualTo(AttendanceStatus.NO_SHOW);
    }

    @Test
    void participantTypeDefaultsToVolunteerWhenTheColumnIsAbsent() {
        Map<String, String> cells = goodRow();
        cells.remove("ParticipantType");

        NormalizedAttendance a = valid(cells);

        assertThat(a.getParticipantType()).isEqualTo("Volunteer");
        assertThat(a.getWarnings()).isEmpty();
    }

    @Test
    void participantTypeIsCanonicalized() {
        Map<String, String> cells = goodRow();
        cells.put("ParticipantType", "presenter");
        assertThat(valid(cells).getParticipantType()).isEqualTo("Presenter");

        cells.put("ParticipantType", " VOLUNTEER ");
        assertThat(valid(cells).getParticipantType()).isEqualTo("Volunteer");
    }

    @Test
    void unknownParticipantTypeIsKeptWithAWarning() {
        Map<String, String> cells = goodRow();
        cells.put("ParticipantType", "Host");

        NormalizedAttendance a = valid(cells);

        assertThat(a.getParticipantType()).isEqualTo("Host");
        assertThat(a.getWarnings()).containsExactly("ParticipantType \"Host\" is not Volunteer or Presenter; kept as given");
    }

    @Test
    void invalidEmailReasonDoesNotRepeatTheAddress() {
        Map<String, String> cells = goodRow();
        cells.put("TeacherEmail", "ana.garcia@@kckps.org");

        RowResult<NormalizedAttendance> r = normalize(cells);

        assertThat(r.isValid()).isFalse();
        assertThat(r.value()).isNull();
        assertThat(r.reasons()).containsExactly("TeacherEmail is not a valid email address");
    }

    @Test
    void everyFailingRuleIsReportedInColumnOrder() {
        RowResult<NormalizedAttendance> r = normalize(cells("SessionId", " ", "EventId", "", "TeacherEmail",
                "Ana.Garcia@kckps", "SessionStart", "2025-13-45 09:00", "AttendanceStatus", "maybe", "ParticipantType",
                "Host"));

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly(
                "SessionId is empty",
                "EventId is empty",
                "TeacherEmail is not a valid email address",
                "SessionStart \"2025-13-45 09:00\" is not a date/time (expected " + DATE_FORMS + ")",
                "AttendanceStatus \"maybe\" is not one of: " + STATUSES);
        assertThat(r.reasons()).noneMatch(reason -> reason.toLowerCase().contains("ana.garcia") || reason.contains("@"));
    }

    @Test
    void emptyRequiredCellsAreReportedAsEmpty() {
        RowResult<NormalizedAttendance> r = normalize(cells("SessionId", "S-100", "EventId", "E-200", "TeacherEmail", "",
                "SessionStart", "  ", "AttendanceStatus", ""));

        assertThat(r.reasons()).containsExactly("TeacherEmail is empty", "SessionStart is empty", "AttendanceStatus is empty");
    }

    @Test
    void sessionStartWithoutAYearIsInvalid() {
        Map<String, String> cells = goodRow();
        cells.put("SessionStart", "March 5");

        assertThat(normalize(cells).reasons())
                .containsExactly("SessionStart \"March 5\" is not a date/time (expected " + DATE_FORMS + ")");
    }

    @Test
    void aSessionStartInTheSpringForwardGapIsImportedWithAWarning() {
        Map<String, String> cells = goodRow();
        cells.put("SessionStart", "2025-03-09 02:30");

        NormalizedAttendance a = valid(cells);

        assertThat(a.getSessionStart()).isEqualTo(Instant.parse("2025-03-09T08:30:00Z").toEpochMilli());
        assertThat(a.getWarnings()).containsExactly("SessionStart 2025-03-09 02:30 does not exist in America/Chicago "
                + "(the clocks spring forward that night): read as 2025-03-09 03:30 -05:00");
    }
}
