package org.polaris.normalizer.rows;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.polaris.normalizer.mapping.Contracts.Pathful;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.AttendanceStatuses;
import org.polaris.normalizer.rules.DateTimes;
import org.polaris.normalizer.rules.Emails;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.AttendanceStatus;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.PathfulKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * Contract D row rules: ids present, email normalized and valid, SessionStart a date/time
 * (zone-less read in the configured zone), AttendanceStatus in the vocabulary, ParticipantType
 * "Volunteer" unless given. Every failing rule is reported, not just the first. Reasons name the
 * column and the offending value, except emails (personal data stays out of reasons).
 */
@Singleton
public class PathfulRows implements KindRules<NormalizedAttendance> {

    private static final PathfulKind KIND = new PathfulKind();

    @Override
    public SourceKind<NormalizedAttendance> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Contracts.Pathful.ALL;
    }

    @Override
    public RowResult<NormalizedAttendance> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        return PathfulRows.normalize(row, columns, context.academicYear(), context.zone());
    }


    static final String DEFAULT_PARTICIPANT_TYPE = "Volunteer";
    private static final List<String> PARTICIPANT_TYPES = List.of("Volunteer", "Presenter");

    public static RowResult<NormalizedAttendance> normalize(RawRow row, HeaderResolution columns, String academicYear,
            ZoneId zone) {
        Map<String, String> cells = row.getCells();
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        String sessionId = required(columns.cell(cells, Pathful.SESSION_ID), Pathful.SESSION_ID.label(), reasons);
        String eventId = required(columns.cell(cells, Pathful.EVENT_ID), Pathful.EVENT_ID.label(), reasons);

        String rawEmail = Text.clean(columns.cell(cells, Pathful.TEACHER_EMAIL));
        Optional<String> email = Emails.normalize(rawEmail);
        if (rawEmail == null) {
            reasons.add("TeacherEmail is empty");
        } else if (email.isEmpty()) {
            reasons.add("TeacherEmail is not a valid email address");
        }

        String rawStart = Text.clean(columns.cell(cells, Pathful.SESSION_START));
        Optional<DateTimes.Read> read = DateTimes.read(rawStart, zone);
        read.flatMap(r -> r.zoneNote(Pathful.SESSION_START.label())).ifPresent(warnings::add);
        Optional<ZonedDateTime> start = read.map(DateTimes.Read::value);
        if (rawStart == null) {
            reasons.add("SessionStart is empty");
        } else if (start.isEmpty()) {
            reasons.add("SessionStart \"" + rawStart + "\" is not a date/time (expected " + DateTimes.ACCEPTED + ")");
        }

        String rawStatus = Text.clean(columns.cell(cells, Pathful.ATTENDANCE_STATUS));
        Optional<AttendanceStatus> status = AttendanceStatuses.resolve(rawStatus);
        if (rawStatus == null) {
            reasons.add("AttendanceStatus is empty");
        } else if (status.isEmpty()) {
            reasons.add("AttendanceStatus \"" + rawStatus + "\" is not one of: " + AttendanceStatuses.ACCEPTED);
        }

        String participantType = participantType(Text.clean(columns.cell(cells, Pathful.PARTICIPANT_TYPE)), warnings);

        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedAttendance.newBuilder()
                .setRunId(row.getRunId()).setRowNumber(row.getRowNumber()).setAcademicYear(academicYear)
                .setSessionId(sessionId).setEventId(eventId).setTeacherEmail(email.get())
                .setSessionStart(start.get().toInstant().toEpochMilli()).setSessionDate(start.get().toLocalDate().toString())
                .setSessionZone(zone.getId()).setStatus(status.get()).setParticipantType(participantType)
                .setWarnings(warnings).setMode(row.getMode()).build());
    }

    private static String participantType(String raw, List<String> warnings) {
        if (raw == null) {
            return DEFAULT_PARTICIPANT_TYPE;
        }
        for (String known : PARTICIPANT_TYPES) {
            if (known.toLowerCase(Locale.ROOT).equals(raw.toLowerCase(Locale.ROOT))) {
                return known;
            }
        }
        warnings.add("ParticipantType \"" + raw + "\" is not Volunteer or Presenter; kept as given");
        return raw;
    }

    static String required(String raw, String label, List<String> reasons) {
        String cleaned = Text.clean(raw);
        if (cleaned == null) {
            reasons.add(label + " is empty");
        }
        return cleaned;
    }
}
