package org.polaris.normalizer.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.polaris.normalizer.mapping.Contracts.Roster;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.AcademicYears;
import org.polaris.normalizer.rules.Emails;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.NormalizedRosterEntry;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.RosterKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * Teacher roster row rules (facts §3): email normalized and required, name and school/building
 * required, grade optional, academic and virtual year required and equal (and equal to the run's
 * year when it has one), Target Sessions a whole number defaulting to 1. The district is the
 * run's (the sheet's or upload's) when it has one, else the row's District column.
 */
@Singleton
public class RosterRows implements KindRules<NormalizedRosterEntry> {

    private static final RosterKind KIND = new RosterKind();

    @Override
    public SourceKind<NormalizedRosterEntry> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Contracts.Roster.ALL;
    }

    @Override
    public RowResult<NormalizedRosterEntry> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        return RosterRows.normalize(row, columns, context.academicYear());
    }


    public static RowResult<NormalizedRosterEntry> normalize(RawRow row, HeaderResolution columns, String runYear) {
        Map<String, String> cells = row.getCells();
        List<String> reasons = new ArrayList<>();

        String rawEmail = Text.clean(columns.cell(cells, Roster.TEACHER_EMAIL));
        Optional<String> email = Emails.normalize(rawEmail);
        if (rawEmail == null) {
            reasons.add("Teacher Email is empty");
        } else if (email.isEmpty()) {
            reasons.add("Teacher Email is not a valid email address");
        }
        String name = PathfulRows.required(columns.cell(cells, Roster.TEACHER_NAME), Roster.TEACHER_NAME.label(), reasons);
        String building = PathfulRows.required(columns.cell(cells, Roster.BUILDING), Roster.BUILDING.label(), reasons);
        String grade = Text.clean(columns.cell(cells, Roster.GRADE));

        String academicYear = year(columns.cell(cells, Roster.ACADEMIC_YEAR), Roster.ACADEMIC_YEAR.label(), reasons);
        String virtualYear = year(columns.cell(cells, Roster.VIRTUAL_YEAR), Roster.VIRTUAL_YEAR.label(), reasons);
        if (academicYear != null && virtualYear != null && !academicYear.equals(virtualYear)) {
            reasons.add("Academic Year " + academicYear + " and Virtual Year " + virtualYear + " must be the same");
        }
        if (academicYear != null && runYear != null && !academicYear.equals(runYear)) {
            reasons.add("Academic Year " + academicYear + " is not the run's academic year " + runYear);
        }

        int target = 1;
        String rawTarget = Text.clean(columns.cell(cells, Roster.TARGET_SESSIONS));
        if (rawTarget != null) {
            try {
                target = Integer.parseInt(rawTarget);
                if (target < 0) {
                    reasons.add("Target Sessions " + rawTarget + " is negative");
                }
            } catch (NumberFormatException e) {
                reasons.add("Target Sessions \"" + rawTarget + "\" is not a whole number");
            }
        }

        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedRosterEntry.newBuilder()
                .setRunId(row.getRunId()).setRowNumber(row.getRowNumber()).setAcademicYear(academicYear)
                .setVirtualYear(virtualYear).setEmail(email.get()).setName(name).setBuilding(building).setGrade(grade)
                .setTargetSessions(target).setDistrict(row.getDistrict() != null ? row.getDistrict() : Text.clean(columns.cell(cells, Roster.DISTRICT)))
                .setMode(row.getMode()).setWarnings(List.of())
                .build());
    }

    private static String year(String raw, String label, List<String> reasons) {
        String cleaned = Text.clean(raw);
        if (cleaned == null) {
            reasons.add(label + " is empty");
            return null;
        }
        String year = AcademicYears.normalize(cleaned);
        if (year == null) {
            reasons.add(label + " \"" + cleaned + "\" is not an academic year like 2024-2025");
        }
        return year;
    }
}
