package org.polaris.normalizer.rows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.NormalizedVirtualSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.cells;

class VirtualSessionRowsTest {

    private static final List<String> HEADER = List.of("Session Title", "Date", "Time", "Teacher Name", "School Name",
            "District", "Status", "Presenter");

    private static RowResult<NormalizedVirtualSession> normalize(Map<String, String> cells) {
        HeaderResolution columns = Fixtures.defaultMapping().resolve("VIRTUAL_SESSIONS", Fixtures.contract("VIRTUAL_SESSIONS"), HEADER);
        return VirtualSessionRows.normalize(Fixtures.row("VIRTUAL_SESSIONS", "2026-2027", 5, cells), columns,
                "2026-2027", Fixtures.CHICAGO);
    }

    @Test
    void aCompleteRowIsReadInChicagoTimeWithItsStatusNormalized() {
        var r = normalize(cells("Session Title", "Robotics Live", "Date", "10/21/2026", "Time", "1:00 PM",
                "Teacher Name", "Amy Ng", "School Name", "Washington HS", "District", "KCKPS", "Status", "completed",
                "Presenter", "R. Ivers"));

        assertThat(r.isValid()).isTrue();
        assertThat(Instant.ofEpochMilli(r.value().getStart())).isEqualTo(Instant.parse("2026-10-21T18:00:00Z"));
        assertThat(r.value().getStatus()).isEqualTo("COMPLETED");
        assertThat(r.value().getWarnings()).isEmpty();
        assertThat(new VirtualSessionRows().kind().key(r.value())).isEqualTo("title:robotics live|2026-10-21T18:00:00Z");
    }

    @Test
    void missingRecommendedColumnsAndTimeAreWarningsNotErrors() {
        var r = normalize(cells("Session Title", "Space Careers", "Date", "2026-10-28", "Time", "", "Teacher Name", "",
                "School Name", "", "District", "", "Status", "", "Presenter", ""));

        assertThat(r.isValid()).isTrue();
        assertThat(r.value().getWarnings()).containsExactly("Time is empty: 9:00 AM assumed", "Teacher Name is empty",
                "School Name is empty", "District is empty");
        assertThat(Instant.ofEpochMilli(r.value().getStart())).isEqualTo(Instant.parse("2026-10-28T14:00:00Z"));
    }

    @Test
    void aMissingTitleAndADateWithoutAYearAreErrors() {
        var r = normalize(cells("Session Title", "", "Date", "11/11", "Time", "9:00 AM"));

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly("Session Title is empty",
                "Date \"11/11\" is not a date with a year (expected yyyy-MM-dd or M/d/yyyy)");
    }

    @Test
    void aStatusOutsideTheVocabularyIsKeptWithAWarning() {
        var r = normalize(cells("Session Title", "Law Day", "Date", "2026-12-02", "Time", "2:00 PM", "Teacher Name", "Di",
                "School Name", "Harmon", "District", "KCKPS", "Status", "Postponed"));

        assertThat(r.value().getStatus()).isEqualTo("Postponed");
        assertThat(r.value().getWarnings()).singleElement().asString().startsWith("Status \"Postponed\" is not an event status");
    }
}
