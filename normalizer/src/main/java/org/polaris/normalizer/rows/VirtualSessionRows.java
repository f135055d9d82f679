package org.polaris.normalizer.rows;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;
import org.polaris.normalizer.mapping.Contracts.VirtualSessions;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.NormalizedVirtualSession;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.VirtualSessionsKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * Virtual-session sheet rules (Playbook C): Session Title and Date required (errors); a date
 * without a year is an error, never a guessed year; Time optional (warning, 9:00 AM in the
 * configured zone); Teacher Name, School Name, District optional (warnings); Status checked
 * against the EventStatus vocabulary (a warning when outside it), Presenter carried.
 */
@Singleton
public class VirtualSessionRows implements KindRules<NormalizedVirtualSession> {

    private static final VirtualSessionsKind KIND = new VirtualSessionsKind();

    @Override
    public SourceKind<NormalizedVirtualSession> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Contracts.VirtualSessions.ALL;
    }

    @Override
    public RowResult<NormalizedVirtualSession> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        return VirtualSessionRows.normalize(row, columns, context.academicYear(), context.zone());
    }


    static final Set<String> EVENT_STATUSES = Set.of("COMPLETED", "CONFIRMED", "CANCELLED", "REQUESTED", "DRAFT",
            "PUBLISHED", "NO_SHOW", "SIMULCAST", "COUNT");

    public static RowResult<NormalizedVirtualSession> normalize(RawRow row, HeaderResolution columns, String year,
            ZoneId zone) {
        Map<String, String> cells = row.getCells();
        List<String> reasons = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        String title = PathfulRows.required(columns.cell(cells, VirtualSessions.SESSION_TITLE),
                VirtualSessions.SESSION_TITLE.label(), reasons);
        LocalDateTime start = EventRows.start(Text.clean(columns.cell(cells, VirtualSessions.DATE)),
                Text.clean(columns.cell(cells, VirtualSessions.TIME)), zone, reasons, warnings);
        String teacher = recommended(cells, columns, VirtualSessions.TEACHER_NAME.label(), VirtualSessions.TEACHER_NAME, warnings);
        String school = recommended(cells, columns, VirtualSessions.SCHOOL_NAME.label(), VirtualSessions.SCHOOL_NAME, warnings);
        String district = recommended(cells, columns, VirtualSessions.DISTRICT.label(), VirtualSessions.DISTRICT, warnings);
        String status = Text.clean(columns.cell(cells, VirtualSessions.STATUS));
        if (status != null) {
            String upper = status.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (EVENT_STATUSES.contains(upper)) {
                status = upper;
            } else {
                warnings.add("Status \"" + status + "\" is not an event status (" + String.join(", ",
                        EVENT_STATUSES.stream().sorted().toList()) + "); kept as given");
            }
        }

        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedVirtualSession.newBuilder()
                .setRunId(row.getRunId()).setRowNumber(row.getRowNumber()).setAcademicYear(year)
                .setSessionId(Text.clean(columns.cell(cells, VirtualSessions.SESSION_ID))).setTitle(title)
                .setStart(start.atZone(zone).toInstant().toEpochMilli())
                .setLocalDate(start.toLocalDate().toString()).setStatus(status)
                .setPresenter(Text.clean(columns.cell(cells, VirtualSessions.PRESENTER)))
                .setTeacherName(teacher).setSchoolName(school).setDistrict(district)
                .setMode(row.getMode()).setWarnings(warnings).build());
    }

    private static String recommended(Map<String, String> cells, HeaderResolution columns, String label,
            org.polaris.normalizer.mapping.Field field, List<String> warnings) {
        String value = Text.clean(columns.cell(cells, field));
        if (value == null) {
            warnings.add(label + " is empty");
        }
        return value;
    }
}
