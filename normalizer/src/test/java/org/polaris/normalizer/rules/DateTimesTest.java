package org.polaris.normalizer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static ZonedDateTime parsed(String text) {
        return DateTimes.parse(text, CHICAGO).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    // --- parse ---

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-05T14:15:00.000+0000", "2025-03-05T14:15:00Z", "2025-03-05T14:15:00-06:00",
            "2025-03-05T14:15:00.5+0530", "2025-03-05T14:15:00.123456789Z", "2025-11-02T06:30:00.000+0000",
            "2024-02-29T23:59:59.999-0000", "1999-12-31T18:00:00+01:00"})
    void theInstantFastPathReadsWhatTheFormattersRead(String text) {
        DateTimes.Read fast = DateTimes.isoInstant(text, CHICAGO).orElseThrow();
        DateTimes.Read formatted = DateTimes.formatted(text, CHICAGO).orElseThrow();
        assertThat(fast.value()).isEqualTo(formatted.value());
        assertThat(fast.local()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T14:15:00.000+0000", "2025-03-05T24:15:00Z", "2025-03-05T14:15:00",
            "2025-03-05T14:15:00.Z", "2025-03-05T14:15:00+1", "2025-03-05 14:15:00Z", "2025-03-05T14:15Z",
            "2025-3-05T14:15:00Z", "2025-03-05T14:15:00+19:00"})
    void theInstantFastPathLeavesEverythingElseToTheFormatters(String text) {
        assertThat(DateTimes.isoInstant(text, CHICAGO)).isEmpty();
    }

    @Test
    void isoWithCompactOffsetIsThatInstant() {
        ZonedDateTime t = parsed("2025-03-05T14:15:00.000+0000");

        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-03-05T14:15:00Z"));
        assertThat(t.toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    @Test
    void isoWithColonOffsetIsThatInstant() {
        assertThat(parsed("2025-03-05T14:15:00-06:00").toInstant()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z"));
    }

    @Test
    void isoWithHourOnlyOffsetIsThatInstant() {
        assertThat(parsed("2025-03-05T14:15:00-06").toInstant()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z"));
    }

    @Test
    void isoInUtcIsShownInTheConfiguredZone() {
        ZonedDateTime t = parsed("2025-03-05T20:15:00Z");

        assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z"));
        assertThat(t.getZone()).isEqualTo(CHICAGO);
        assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(14, 15));
    }

    @Test
    void localDateOfAnOffsetInstantIsTheChicagoDate() {
        // 03:00 UTC on the 6th is still the evening of the 5th in Chicago
        assertThat(parsed("2025-03-06T03:00:00Z").toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-05T14:15:00", "2025-03-05 14:15:00", "2025-03-05 14:15", "2025-03-05T14:15",
            "2025-03-05T14:15:00.000", "  2025-03-05 14:15  "})
    void zoneLessTimesAreReadInChicago(String text) {
        // March 5 is before the DST switch: Chicago is UTC-6
        assertThat(parsed(text).toInstant()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01T14:15:00", "2025-07-01 14:15:00", "2025-07-01 14:15", "7/1/2025 2:15 PM"})
    void zoneLessTimesInSummerAreReadAsCentralDaylightTime(String text) {
        assertThat(parsed(text).toInstant()).isEqualTo(Instant.parse("2025-07-01T19:15:00Z"));
    }

    @Test
    void zoneLessTimesFollowTheConfiguredZone() {
        assertThat(DateTimes.parse("2025-03-05 14:15", ZoneOffset.UTC)).map(ZonedDateTime::toInstant)
                .contains(Instant.parse("2025-03-05T14:15:00Z"));
    }

    @Test
    void dateAloneIsLocalMidnight() {
        assertThat(parsed("2025-03-05").toInstant()).isEqualTo(Instant.parse("2025-03-05T06:00:00Z"));
        assertThat(parsed("2025-07-01").toInstant()).isEqualTo(Instant.parse("2025-07-01T05:00:00Z"));
    }

    @Test
    void usDateAloneIsLocalMidnight() {
        assertThat(parsed("3/5/2025").toInstant()).isEqualTo(Instant.parse("2025-03-05T06:00:00Z"));
        assertThat(parsed("03/05/2025").toInstant()).isEqualTo(Instant.parse("2025-03-05T06:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3/5/2025 2:15 PM", "3/5/2025 2:15 pm", "03/05/2025 02:15 PM", "3/5/2025 14:15",
            "3/5/2025 14:15:00", "3/5/2025 2:15:00 PM"})
    void usDateTimesAreReadInChicago(String text) {
        assertThat(parsed(text).toInstant()).isEqualTo(Instant.parse("2025-03-05T20:15:00Z"));
    }

    @Test
    void leapDayExistsOnlyInLeapYears() {
        assertThat(DateTimes.parse("2024-02-29", CHICAGO)).isPresent();
        assertThat(DateTimes.parse("2025-02-29", CHICAGO)).isEmpty();
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
            "2025-13-45 09:00", // month 13, day 45
            "2024-02-30", // no such day
            "09/31/2024", // September has 30 days
            "2025-03-05 25:00", // no such hour
            "2025-03-05 14:60", // no such minute
            "March 5", // no year
            "3/5", // no year
            "Mar 5, 2025", // month name
            "3/5/2025 13:15 PM", // 13 PM
            "tomorrow"})
    void rejectsWhatIsNotADateTime(String text) {
        assertThat(DateTimes.parse(text, CHICAGO)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingText(String text) {
        assertThat(DateTimes.parse(text, CHICAGO)).isEmpty();
    }

    // --- parseDate ---

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-05", "3/5/2025", "03/05/2025", " 2025-03-05 "})
    void parseDateReadsCalendarDates(String text) {
        assertThat(DateTimes.parseDate(text, CHICAGO)).contains(LocalDate.of(2025, 3, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-05 14:15", "3/5/2025 2:15 PM", "2025-03-05T14:15:00-06:00"})
    void parseDateTakesTheDatePartOfADateTime(String text) {
        assertThat(DateTimes.parseDate(text, CHICAGO)).contains(LocalDate.of(2025, 3, 5));
    }

    @Test
    void parseDateOfAnOffsetDateTimeIsTheChicagoDate() {
        assertThat(DateTimes.parseDate("2025-03-06T03:00:00Z", CHICAGO)).contains(LocalDate.of(2025, 3, 5));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "March 5", "3/5", "2024-02-30", "09/31/2024", "2025-13-01", "5 March 2025"})
    void parseDateRejectsWhatIsNotADateWithAYear(String text) {
        assertThat(DateTimes.parseDate(text, CHICAGO)).isEmpty();
    }

    // --- parseTime ---

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2:15 PM    | 14:15",
            "2:15PM     | 14:15",
            "2:15 pm    | 14:15",
            "02:15 PM   | 14:15",
            "14:15      | 14:15",
            "9:00       | 09:00",
            "2 PM       | 14:00",
            "2PM        | 14:00",
            "9:00 a.m.  | 09:00",
            "2:15 P.M.  | 14:15",
            "12:00 PM   | 12:00",
            "12:30 AM   | 00:30",
            "14:15:30   | 14:15:30",
            "2:15:30 PM | 14:15:30"})
    void parseTimeReadsTimesOfDay(String text, LocalTime expected) {
        assertThat(DateTimes.parseTime(text)).contains(expected);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "25:00", "13:00 PM", "2:75 PM", "noon", "0:30 AM", "2.15 PM"})
    void parseTimeRejectsWhatIsNotATimeOfDay(String text) {
        assertThat(DateTimes.parseTime(text)).isEmpty();
    }

    // --- forms spreadsheets produce, and a typo that must not pass ---

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "3/5/2025 2:15PM      | 2025-03-05T20:15:00Z",
            "3/5/2025 2 PM        | 2025-03-05T20:00:00Z",
            "2025-03-05 2:15 PM   | 2025-03-05T20:15:00Z",
            "2025-03-05 9:00      | 2025-03-05T15:00:00Z",
            "2025-03-05T9:00      | 2025-03-05T15:00:00Z"})
    void spreadsheetFormsAreRead(String text, String instant) {
        assertThat(DateTimes.parse(text, java.time.ZoneId.of("America/Chicago")).map(t -> t.toInstant().toString()))
                .contains(instant);
    }

    @Test
    void aDateRunIntoItsTimeWithoutSeparatorIsRejected() {
        assertThat(DateTimes.parse("2025-03-0514:15", java.time.ZoneId.of("America/Chicago"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aLocalTimeInTheSpringForwardGapIsReadShiftedForwardWithAWarning() {
        java.time.ZoneId chicago = java.time.ZoneId.of("America/Chicago");
        assertThat(DateTimes.parse("2025-03-09 02:30", chicago)).get()
                .extracting(z -> z.toInstant().toString()).isEqualTo("2025-03-09T08:30:00Z");
        assertThat(DateTimes.read("2025-03-09 02:30", chicago).flatMap(r -> r.zoneNote("SessionStart"))).contains(
                "SessionStart 2025-03-09 02:30 does not exist in America/Chicago (the clocks spring forward that night): "
                        + "read as 2025-03-09 03:30 -05:00");
    }

    @org.junit.jupiter.api.Test
    void aLocalTimeInTheFallBackOverlapIsReadAsTheFirstWithAWarning() {
        java.time.ZoneId chicago = java.time.ZoneId.of("America/Chicago");
        assertThat(DateTimes.read("2025-11-02 01:30", chicago).flatMap(r -> r.zoneNote("SessionStart"))).contains(
                "SessionStart 2025-11-02 01:30 happens twice in America/Chicago (the clocks fall back that night): "
                        + "read as the first, -05:00");
    }

    @org.junit.jupiter.api.Test
    void anOrdinaryTimeOrOneWithAnOffsetHasNoNote() {
        java.time.ZoneId chicago = java.time.ZoneId.of("America/Chicago");
        assertThat(DateTimes.read("2025-03-09 03:30", chicago).flatMap(r -> r.zoneNote("SessionStart"))).isEmpty();
        assertThat(DateTimes.read("2025-03-09T02:30:00-06:00", chicago).flatMap(r -> r.zoneNote("SessionStart")))
                .isEmpty();
        assertThat(DateTimes.read("2025-03-09", chicago).flatMap(r -> r.zoneNote("SessionStart"))).isEmpty();
    }
}
