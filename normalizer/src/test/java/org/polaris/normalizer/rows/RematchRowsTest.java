package org.polaris.normalizer.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.KindRules.RowContext;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.NormalizedAttendance;

class RematchRowsTest {

    private final RematchRows rules = new RematchRows();

    private RowResult<NormalizedAttendance> normalize(Map<String, String> cells) {
        HeaderResolution columns = Fixtures.defaultMapping().resolve("REMATCH", rules.contract(), cells.keySet());
        return rules.normalize(Fixtures.row("REMATCH", "2033-2034", 2, cells), columns,
                new RowContext("2033-2034", Fixtures.CHICAGO));
    }

    @Test
    void aRowIsAPathfulRowThatNamesTheRowItCompletes() {
        RowResult<NormalizedAttendance> r = normalize(cells("SessionId", "S-1", "EventId", "E-1", "TeacherEmail",
                "lea@example.org", "SessionStart", "2033-10-11T22:30:00-05:00", "AttendanceStatus", "attended",
                "ParticipantType", "", "OriginRun", "run-a", "OriginRow", "7"));

        assertThat(r.isValid()).isTrue();
        assertThat(r.value().getOriginRunId()).isEqualTo("run-a");
        assertThat(r.value().getOriginRowNumber()).isEqualTo(7);
        assertThat(r.value().getSessionDate()).isEqualTo("2033-10-11");
        assertThat(r.value().getAcademicYear()).isEqualTo("2033-2034");
    }

    @Test
    void aRowThatDoesNotNameItsOriginIsInvalid() {
        RowResult<NormalizedAttendance> r = normalize(cells("SessionId", "S-1", "EventId", "E-1", "TeacherEmail",
                "lea@example.org", "SessionStart", "2033-10-11 10:00", "AttendanceStatus", "attended",
                "OriginRun", "run-a", "OriginRow", "seven"));

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly("OriginRun and OriginRow must name the row this one completes");
    }
}
