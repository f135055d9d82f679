package org.polaris.ingest.rematch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.ingest.rematch.PendingRematches.Pending;

class RematchesTest {

    private static Pending row(String run, int row, String year) {
        return new Pending(run, row, year, "S-" + row, "E-1", "t" + row + "@example.org",
                Instant.parse("2033-10-12T03:30:00Z"), "attended", null);
    }

    @Test
    void rowsAreGroupedByAcademicYearInTheirOrder() {
        Map<String, List<Pending>> years = Rematches.byYear(List.of(row("a", 2, "2033-2034"), row("b", 5, "2032-2033"),
                row("a", 3, "2033-2034")));

        assertThat(years.keySet()).containsExactly("2033-2034", "2032-2033");
        assertThat(years.get("2033-2034")).extracting(Pending::row).containsExactly(2, 3);
    }

    @Test
    void theSourceNamesTheRunsItCompletesAndHowManyMore() {
        assertThat(Rematches.sourceRef("after events run e", List.of(row("a", 2, "y"), row("a", 3, "y"))))
                .isEqualTo("re-match after events run e: 2 unmatched rows of run a");
        List<Pending> many = List.of(row("r1", 2, "y"), row("r2", 2, "y"), row("r3", 2, "y"), row("r4", 2, "y"),
                row("r5", 2, "y"), row("r6", 2, "y"), row("r7", 2, "y"));
        assertThat(Rematches.sourceRef("after roster run x", many))
                .isEqualTo("re-match after roster run x: 7 unmatched rows of runs r1, r2, r3, r4, r5 and 2 more");
    }

    @Test
    void aRowsCellsKeepItsLocalStartAndNameTheRowItCompletes() {
        // 03:30 UTC on the 12th is 22:30 on the 11th in Chicago: the session keeps the date it had
        Map<String, String> cells = Rematches.cells(row("a", 4, "2033-2034"), ZoneId.of("America/Chicago"));

        assertThat(cells).containsExactly(Map.entry("SessionId", "S-4"), Map.entry("EventId", "E-1"),
                Map.entry("TeacherEmail", "t4@example.org"), Map.entry("SessionStart", "2033-10-11T22:30:00-05:00"),
                Map.entry("AttendanceStatus", "attended"), Map.entry("ParticipantType", ""), Map.entry("OriginRun", "a"),
                Map.entry("OriginRow", "4"));
        assertThat(cells.keySet()).containsExactlyElementsOf(Rematches.HEADER);
    }
}
