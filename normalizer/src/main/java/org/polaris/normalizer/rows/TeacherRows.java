package org.polaris.normalizer.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;
import org.polaris.normalizer.mapping.Contracts.Teachers;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.normalizer.rules.Emails;
import org.polaris.normalizer.rules.Text;
import org.polaris.schemas.avro.NormalizedTeacher;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.TeachersKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * VMS teacher rows: first and last name required; an email, when given, must be valid; a teacher
 * is known by its Salesforce id, else its email (one of the two is required).
 */
@Singleton
public class TeacherRows implements KindRules<NormalizedTeacher> {

    private static final TeachersKind KIND = new TeachersKind();

    @Override
    public SourceKind<NormalizedTeacher> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Contracts.Teachers.ALL;
    }

    @Override
    public RowResult<NormalizedTeacher> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        return TeacherRows.normalize(row, columns);
    }


    public static RowResult<NormalizedTeacher> normalize(RawRow row, HeaderResolution columns) {
        Map<String, String> cells = row.getCells();
        List<String> reasons = new ArrayList<>();
        String first = PathfulRows.required(columns.cell(cells, Teachers.FIRST_NAME), Teachers.FIRST_NAME.label(), reasons);
        String last = PathfulRows.required(columns.cell(cells, Teachers.LAST_NAME), Teachers.LAST_NAME.label(), reasons);
        String id = Text.clean(columns.cell(cells, Teachers.TEACHER_ID));
        String rawEmail = Text.clean(columns.cell(cells, Teachers.EMAIL));
        Optional<String> email = Emails.normalize(rawEmail);
        if (rawEmail != null && email.isEmpty()) {
            reasons.add("Email is not a valid email address");
        }
        if (id == null && rawEmail == null) {
            reasons.add("a teacher needs a Teacher ID or an Email");
        }
        if (!reasons.isEmpty()) {
            return RowResult.invalid(reasons);
        }
        return RowResult.valid(NormalizedTeacher.newBuilder().setRunId(row.getRunId()).setRowNumber(row.getRowNumber())
                .setTeacherKey(id != null ? "sf:" + id : "email:" + email.get()).setSalesforceId(id)
                .setFirstName(first).setLastName(last).setMiddleName(Text.clean(columns.cell(cells, Teachers.MIDDLE_NAME)))
                .setEmail(email.orElse(null)).setSchool(Text.clean(columns.cell(cells, Teachers.SCHOOL)))
                .setMode(row.getMode()).setWarnings(List.of()).build());
    }
}
