package org.polaris.normalizer.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Date/time inputs (facts §0). Accepted, in order:
 * <ul>
 * <li>ISO-8601 with an offset: {@code 2025-03-05T14:15:00.000+0000}, {@code 2025-03-05T14:15:00-06:00},
 *     {@code 2025-03-05T20:15:00Z};</li>
 * <li>zone-less: {@code 2025-03-05T14:15[:00[.000]]}, {@code 2025-03-05 14:15[:00]}, read in the
 *     configured zone (default America/Chicago);</li>
 * <li>a date alone, {@code 2025-03-05}: midnight in the configured zone;</li>
 * <li>US spreadsheet forms: {@code 3/5/2025}, {@code 3/5/2025 2:15 PM}, {@code 3/5/2025 14:15}.</li>
 * </ul>
 * A date without a year is never accepted (no guessed years).
 */
public final class DateTimes {

    /** ISO-8601 and its common relatives: date, a 'T' or one space, H:mm[:ss[.fraction]], optional offset. */
    private static final List<DateTimeFormatter> ISO = List.of(isoWith('T'), isoWith(' '));

    private static final List<DateTimeFormatter> WITH_AM_PM = List.of(
            pattern("uuuu-MM-dd h:mm[:ss] a"), pattern("uuuu-MM-dd h:mm[:ss]a"),
            pattern("M/d/uuuu h:mm[:ss] a"), pattern("M/d/uuuu h:mm[:ss]a"), pattern("M/d/uuuu h a"),
            pattern("M/d/uuuu ha"));

    private static final List<DateTimeFormatter> US = List.of(pattern("M/d/uuuu H:mm[:ss]"), pattern("M/d/uuuu"));

    private static final List<DateTimeFormatter> DATES = List.of(pattern("uuuu-MM-dd"), pattern("M/d/uuuu"));
    private static final List<DateTimeFormatter> TIMES = List.of(
            pattern("h:mm[:ss] a"), pattern("h:mm[:ss]a"), pattern("H:mm[:ss]"), pattern("h a"), pattern("ha"));

    public static final String ACCEPTED = "ISO-8601 like 2025-03-05T14:15:00-06:00, yyyy-MM-dd HH:mm[:ss], "
            + "yyyy-MM-dd or M/d/yyyy [h:mm AM]";

    private DateTimes() {
    }

    /**
     * What a zone-less local time means in the zone when it is not one instant: a time in the
     * spring-forward gap (2025-03-09 02:30 in Chicago does not exist) is read shifted forward by the
     * gap's length, as java.time does (03:30); a time in the fall-back overlap (2025-11-02 01:30 happens
     * twice) is read as the first of the two. Either way the row is imported, with this warning.
     */
    public static Optional<String> zoneNote(String label, LocalDateTime local, ZoneId zone) {
        var offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return Optional.empty();
        }
        ZonedDateTime read = local.atZone(zone);
        String shown = local.toLocalDate() + " " + local.toLocalTime();
        if (offsets.isEmpty()) {
            return Optional.of(label + " " + shown + " does not exist in " + zone.getId()
                    + " (the clocks spring forward that night): read as " + read.toLocalDate() + " "
                    + read.toLocalTime() + " " + read.getOffset());
        }
        return Optional.of(label + " " + shown + " happens twice in " + zone.getId()
                + " (the clocks fall back that night): read as the first, " + read.getOffset());
    }

    /** A date/time as read, and the local date-time it was when it had no offset (null otherwise). */
    public record Read(ZonedDateTime value, LocalDateTime local) {

        /** {@link DateTimes#zoneNote} of what was read: only a zone-less time can fall in a gap or an overlap. */
        public Optional<String> zoneNote(String label) {
            return local == null ? Optional.empty() : DateTimes.zoneNote(label, local, value.getZone());
        }
    }

    /** An instant read from the text, zone-less forms in {@code zone}. */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        return read(text, zone).map(Read::value);
    }

    /** {@link #parse}, keeping the local date-time a zone-less text was (for {@link Read#zoneNote}). */
    public static Optional<Read> read(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        Optional<Read> instant = isoInstant(s, zone);
        return instant.isPresent() ? instant : formatted(s, zone);
    }

    /** {@link #read} by the formatters alone (every accepted form). */
    static Optional<Read> formatted(String s, ZoneId zone) {
        for (DateTimeFormatter f : ISO) {
            Optional<Read> t = attempt(f, s, zone);
            if (t.isPresent()) {
                return t;
            }
        }
        String upper = s.toUpperCase(Locale.ROOT).replace(".", "");
        for (DateTimeFormatter f : WITH_AM_PM) {
            Optional<Read> t = attempt(f, upper, zone);
            if (t.isPresent()) {
                return t;
            }
        }
        for (DateTimeFormatter f : US) {
            Optional<Read> t = attempt(f, s, zone);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /**
     * The one form machines write, read without a formatter: {@code yyyy-MM-ddTHH:mm:ss[.fraction]}
     * then {@code Z}, {@code ±HHMM} or {@code ±HH:MM} (Salesforce's SystemModstamp is
     * {@code 2025-03-05T14:15:00.000+0000}). Measured: the formatters' parseBest, tried in turn, were a
     * fifth of the normalizer's CPU on Salesforce rows. Anything else (or a value out of range) is
     * left to the formatters, which read the same texts to the same instants.
     */
    static Optional<Read> isoInstant(String s, ZoneId zone) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        int i = 19;
        int nano = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
                nano = nano * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return Optional.empty();
            }
            for (int k = i - start; k < 9; k++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        String rest = s.substring(i);
        if (rest.equals("Z")) {
            offsetSeconds = 0;
        } else if ((rest.length() == 5 || rest.length() == 6 && rest.charAt(3) == ':')
                && (rest.charAt(0) == '+' || rest.charAt(0) == '-')) {
            int oh = digits(rest, 1, 3);
            int om = rest.length() == 5 ? digits(rest, 3, 5) : digits(rest, 4, 6);
            if ((oh | om) < 0 || oh > 18 || om > 59) {
                return Optional.empty();
            }
            offsetSeconds = (rest.charAt(0) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Optional.empty();
        }
        try {
            OffsetDateTime odt = OffsetDateTime.of(year, month, day, hour, minute, second, nano,
                    java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
            return Optional.of(new Read(odt.atZoneSameInstant(zone), null));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // out of range (e.g. 2025-02-30): the formatters refuse it too
        }
    }

    /** The decimal number in s[from, to), or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static Optional<Read> attempt(DateTimeFormatter f, String s, ZoneId zone) {
        try {
            TemporalAccessor t = f.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            return Optional.of(new Read(toZoned(t, zone), t instanceof LocalDateTime ldt ? ldt : null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter isoWith(char separator) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart()
                .appendLiteral(separator)
                .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
                .appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .optionalEnd()
                .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }

    /** A calendar date: yyyy-MM-dd or M/d/yyyy (a date-time's date part is accepted too). */
    public static Optional<LocalDate> parseDate(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), f));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return parse(text, zone).map(ZonedDateTime::toLocalDate);
    }

    /** A time of day: 2:15 PM, 2:15PM, 14:15, 2 PM. */
    public static Optional<LocalTime> parseTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().toUpperCase(Locale.ROOT).replace(".", "");
        for (DateTimeFormatter f : TIMES) {
            try {
                return Optional.of(LocalTime.parse(s, f));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static ZonedDateTime toZoned(TemporalAccessor t, ZoneId zone) {
        if (t instanceof OffsetDateTime odt) {
            return odt.atZoneSameInstant(zone);
        }
        if (t instanceof LocalDateTime ldt) {
            return ldt.atZone(zone);
        }
        return ((LocalDate) t).atStartOfDay(zone);
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

}
