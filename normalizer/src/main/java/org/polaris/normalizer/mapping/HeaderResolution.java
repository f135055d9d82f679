package org.polaris.normalizer.mapping;

import java.util.List;
import java.util.Map;

/**
 * How a header maps to a contract: the header name found for each field, or the problems that
 * reject the run (a missing required column with the closest header present, an ambiguous column),
 * and the columns no field claims.
 */
public record HeaderResolution(Map<String, String> columns, List<String> problems, List<String> missing,
        List<String> extra) {

    public boolean accepted() {
        return problems.isEmpty();
    }

    /** The cell of a field in a row (null when the column is absent or the cell empty). */
    public String cell(Map<String, String> cells, Field field) {
        String column = columns.get(field.key());
        return column == null ? null : cells.get(column);
    }
}
