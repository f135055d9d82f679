package org.polaris.normalizer.rows;

import java.util.List;

import jakarta.inject.Singleton;
import org.polaris.normalizer.KindRules;
import org.polaris.normalizer.mapping.Contracts.Rematch;
import org.polaris.normalizer.mapping.Field;
import org.polaris.normalizer.mapping.HeaderResolution;
import org.polaris.schemas.avro.NormalizedAttendance;
import org.polaris.schemas.avro.RawRow;
import org.polaris.schemas.kinds.RematchKind;
import org.polaris.schemas.kinds.SourceKind;

/**
 * A REMATCH run's rows: Pathful rows (the same rules, {@link PathfulRows}), each naming the run and
 * row it completes, carried on the normalized record so the writer can resolve that row.
 */
@Singleton
public class RematchRows implements KindRules<NormalizedAttendance> {

    private static final RematchKind KIND = new RematchKind();

    @Override
    public SourceKind<NormalizedAttendance> kind() {
        return KIND;
    }

    @Override
    public List<Field> contract() {
        return Rematch.ALL;
    }

    @Override
    public RowResult<NormalizedAttendance> normalize(RawRow row, HeaderResolution columns, RowContext context) {
        RowResult<NormalizedAttendance> pathful = PathfulRows.normalize(row, columns, context.academicYear(), context.zone());
        String originRun = PathfulRows.required(columns.cell(row.getCells(), Rematch.ORIGIN_RUN), Rematch.ORIGIN_RUN.label(),
                new java.util.ArrayList<>());
        Integer originRow = parseRow(columns.cell(row.getCells(), Rematch.ORIGIN_ROW));
        if (!pathful.isValid() || originRun == null || originRow == null) {
            List<String> reasons = new java.util.ArrayList<>(pathful.isValid() ? List.of() : pathful.reasons());
            if (originRun == null || originRow == null) {
                reasons.add("OriginRun and OriginRow must name the row this one completes");
            }
            return RowResult.invalid(reasons);
        }
        NormalizedAttendance a = pathful.value();
        a.setOriginRunId(originRun);
        a.setOriginRowNumber(originRow);
        return pathful;
    }

    private static Integer parseRow(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
