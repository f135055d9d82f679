package org.polaris.normalizer.rows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.polaris.normalizer.mapping.Contracts.Events;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.DateTimes;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.NormalizedEventSession;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.EventsKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * Events-file row rules: Session ID, Session Title and Date required; Time optional (9:00 AM in
 * the configured zone, with a warning, when empty). A date without a year is an error.
 */
@Singleton
public class EventRows implements KindRules<NormalizedEventSession> {

    private static final EventsKind KIND = new EventsKind();

    @Override
    public SourceKind<NormalizedEventSession> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Contracts.Events.ALL;
    }

    @Override
    public RowResult<NormalizedEventSession> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        return EventRows.normalize(row, columns, context.zone());
    }


    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    public static RowResult<NormalizedEventSession> normalize(RawRow row, HeaderResolution columns, ZoneId zone) {
        Map<String, String> cells = row.getCells();
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        String sessionId = PathfulRows.required(columns.cell(cells, Events.SESSION_ID), Events.SESSION_ID.label(), reasons);
        String title = PathfulRows.required(columns.cell(cells, Events.TITLE), Events.TITLE.label(), reasons);

        LocalDateTime start = start(Text.clean(columns.cell(cells, Events.DATE)),
                Text.clean(columns.cell(cells, Events.TIME)), zone, reasons, warnings);

        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedEventSession.newBuilder()
                .setRunId(row.getRunId()).setRowNumber(row.getRowNumber()).setSessionId(sessionId).setTitle(title)
                .setStart(start.atZone(zone).toInstant().toEpochMilli()).setLocalDate(start.toLocalDate().toString())
                .setWarnings(warnings).setMode(row.getMode()).build());
    }

    /**
     * A session's local start from its Date (required, with a year: never a guessed one) and Time
     * (optional: 9:00 AM with a warning). Adds the reasons it refuses; null when it does.
     */
    static LocalDateTime start(String rawDate, String rawTime, ZoneId zone, List<String> reasons, List<String> warnings) {
        Optional<LocalDate> date = DateTimes.parseDate(rawDate, zone);
        if (rawDate == null) {
            reasons.add("Date is empty");
        } else if (date.isEmpty()) {
            reasons.add("Date \"" + rawDate + "\" is not a date with a year (expected yyyy-MM-dd or M/d/yyyy)");
        }
        LocalTime time = DEFAULT_TIME;
        if (rawTime == null) {
            warnings.add("Time is empty: 9:00 AM assumed");
        } else {
            Optional<LocalTime> parsed = DateTimes.parseTime(rawTime);
            if (parsed.isEmpty()) {
                reasons.add("Time \"" + rawTime + "\" is not a time of day (expected 2:15 PM or 14:15)");
            } else {
                time = parsed.get();
            }
        }
        if (date.isEmpty()) {
            return null;
        }
        LocalDateTime start = date.get().atTime(time);
        DateTimes.zoneNote("Date and Time", start, zone).ifPresent(warnings::add);
        return start;
    }
}
