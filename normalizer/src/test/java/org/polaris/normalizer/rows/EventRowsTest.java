package org.polaris.normalizer.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.polaris.normalizer.Fixtures.CHICAGO;
import static org.polaris.normalizer.Fixtures.cells;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.polaris.normalizer.Fixtures;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.RawRow;

class EventRowsTest {

    private static RowResult<NormalizedEventSession> normalize(Map<String, String> cells) {
        RawRow row = Fixtures.row("EVENTS", null, 5, cells);
        HeaderResolution columns = Fixtures.defaultMapping().resolve("EVENTS", Fixtures.contract("EVENTS"), cells.keySet());
        assertThat(columns.problems()).as("test header").isEmpty();
        return EventRows.normalize(row, columns, CHICAGO);
    }

    private static Map<String, String> goodRow() {
        return cells("Session ID", " S-100 ", "Session Title", " Careers  in   Health ", "Date", "2025-03-05", "Time",
                "2:15 PM");
    }

    private static NormalizedEventSession valid(Map<String, String> cells) {
        RowResult<NormalizedEventSession> r = normalize(cells);
        assertThat(r.reasons()).as("reasons").isEmpty();
        return r.value();
    }

    @Test
    void validRowIsNormalized() {
        NormalizedEventSession s = valid(goodRow());

        assertThat(s.getRunId()).isEqualTo("run-1");
        assertThat(s.getRowNumber()).isEqualTo(5);
        assertThat(s.getSessionId()).isEqualTo("S-100");
        assertThat(s.getTitle()).isEqualTo("Careers in Health");
        assertThat(s.getStart()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z").toEpochMilli());
        assertThat(s.getLocalDate()).isEqualTo("2025-03-05");
        assertThat(s.getWarnings()).isEmpty();
    }

    @Test
    void usDateAnd24HourTimeAreAccepted() {
        Map<String, String> cells = goodRow();
        cells.put("Date", "3/5/2025");
        cells.put("Time", "14:15");

        assertThat(valid(cells).getStart()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z").toEpochMilli());
    }

    @Test
    void summerSessionsAreInCentralDaylightTime() {
        Map<String, String> cells = goodRow();
        cells.put("Date", "2025-07-01");

        assertThat(valid(cells).getStart()).isEqualTo(Instant.parse("2025-07-01T19:15:00Z").toEpochMilli());
    }

    @Test
    void emptyTimeIsNineAmChicagoWithAWarning() {
        Map<String, String> cells = goodRow();
        cells.put("Time", "  ");

        NormalizedEventSession s = valid(cells);

        assertThat(s.getStart()).isEqualTo(Instant.parse("2025-03-05T15:00:00Z").toEpochMilli());
        assertThat(s.getLocalDate()).isEqualTo("2025-03-05");
        assertThat(s.getWarnings()).containsExactly("Time is empty: 9:00 AM assumed");
    }

    @Test
    void absentTimeColumnIsNineAmChicagoWithAWarning() {
        Map<String, String> cells = goodRow();
        cells.remove("Time");

        NormalizedEventSession s = valid(cells);

        assertThat(s.getStart()).isEqualTo(Instant.parse("2025-03-05T15:00:00Z").toEpochMilli());
        assertThat(s.getWarnings()).containsExactly("Time is empty: 9:00 AM assumed");
    }

    @Test
    void badTimeIsRejected() {
        Map<String, String> cells = goodRow();
        cells.put("Time", "25:00");

        RowResult<NormalizedEventSession> r = normalize(cells);

        assertThat(r.isValid()).isFalse();
        assertThat(r.reasons()).containsExactly("Time \"25:00\" is not a time of day (expected 2:15 PM or 14:15)");
    }

    @Test
    void dateWithoutAYearIsRejected() {
        Map<String, String> cells = goodRow();
        cells.put("Date", "March 5");

        assertThat(normalize(cells).reasons())
                .containsExactly("Date \"March 5\" is not a date with a year (expected yyyy-MM-dd or M/d/yyyy)");
    }

    @Test
    void impossibleDateIsRejected() {
        Map<String, String> cells = goodRow();
        cells.put("Date", "2024-02-30");

        assertThat(normalize(cells).reasons())
                .containsExactly("Date \"2024-02-30\" is not a date with a year (expected yyyy-MM-dd or M/d/yyyy)");
    }

    @Test
    void everyFailingRuleIsReportedInColumnOrder() {
        RowResult<NormalizedEventSession> r = normalize(cells("Session ID", "", "Session Title", " ", "Date", "3/5",
                "Time", "noon"));

        assertThat(r.reasons()).containsExactly(
                "Session ID is empty",
                "Session Title is empty",
                "Date \"3/5\" is not a date with a year (expected yyyy-MM-dd or M/d/yyyy)",
                "Time \"noon\" is not a time of day (expected 2:15 PM or 14:15)");
    }

    @Test
    void emptyDateIsReported() {
        Map<String, String> cells = goodRow();
        cells.put("Date", "");

        assertThat(normalize(cells).reasons()).containsExactly("Date is empty");
    }
}
