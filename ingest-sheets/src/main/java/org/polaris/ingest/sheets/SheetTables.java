package org.polaris.ingest.sheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the grid Sheets answers (rows of displayed values, ragged: Sheets omits trailing empty
 * cells and rows) into a {@link SheetTable}, applying the header rules every sheet shares:
 * <ul>
 * <li>{@code headerRows} rows are skipped (titles and notes above the table); the next row holds
 *     the column names (stripped of surrounding spaces);</li>
 * <li>blank header cells and their columns are ignored;</li>
 * <li>a name that appears twice, or two names that become the same once normalized (the normalizer
 *     matches "Teacher Email" and "teacher_email" to one field), are refused naming both, since
 *     either column could silently win downstream;</li>
 * <li>rows whose named cells are all blank are skipped, keeping the numbers of the rows after them.</li>
 * </ul>
 * Row numbers and column letters are the sheet's own, also when the range read starts below row 1
 * or right of column A.
 */
final class SheetTables {

    /** The first cell of an A1 range: optional column letters, optional row digits. */
    private static final Pattern START_CELL = Pattern.compile("([A-Za-z]{0,3})(\\d*)");

    private SheetTables() {
    }

    /**
     * @param answeredRange the range Sheets says it returned (e.g. {@code Roster!A1:F40}); locates the grid
     * @param values        the rows as returned; null when the range is empty
     */
    static SheetTable of(String spreadsheetId, String answeredRange, List<List<Object>> values, int headerRows) {
        if (headerRows < 0) {
            throw new IllegalArgumentException("headerRows must be 0 or more, was " + headerRows);
        }
        int[] start = startCell(answeredRange);
        int firstRow = start[0];
        int firstColumn = start[1];
        int headerRowNumber = firstRow + headerRows;
        List<List<Object>> grid = values == null ? List.of() : values;
        if (grid.size() <= headerRows) {
            throw new SheetReadException(spreadsheetId, "the sheet has no header row: expected column names in row "
                    + headerRowNumber + " (" + skipped(headerRows) + ")");
        }
        List<Column> columns = columns(spreadsheetId, grid.get(headerRows), headerRowNumber, firstColumn, headerRows);
        List<SheetRow> rows = new ArrayList<>();
        for (int i = headerRows + 1; i < grid.size(); i++) {
            List<Object> row = grid.get(i);
            Map<String, String> cells = new LinkedHashMap<>(columns.size() * 2);
            boolean empty = true;
            for (Column c : columns) {
                String value = text(row, c.index());
                if (!value.isBlank()) {
                    empty = false;
                }
                cells.put(c.name(), value);
            }
            if (!empty) {
                rows.add(new SheetRow(firstRow + i, cells));
            }
        }
        return new SheetTable(columns.stream().map(Column::name).toList(), rows);
    }

    private static List<Column> columns(String spreadsheetId, List<Object> headerRow, int rowNumber, int firstColumn,
            int headerRows) {
        List<Column> columns = new ArrayList<>();
        Map<String, Column> byName = new HashMap<>();
        Map<String, Column> byNormalized = new HashMap<>();
        for (int i = 0; headerRow != null && i < headerRow.size(); i++) {
            String name = text(headerRow, i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Column column = new Column(name, i, letters(firstColumn + i));
            Column same = byName.putIfAbsent(name, column);
            if (same != null) {
                throw new SheetReadException(spreadsheetId, "row " + rowNumber + ": column \"" + name
                        + "\" appears twice (columns " + same.letters() + " and " + column.letters()
                        + "): rename or remove one");
            }
            String key = normalized(name);
            Column clash = key.isEmpty() ? null : byNormalized.putIfAbsent(key, column);
            if (clash != null) {
                throw new SheetReadException(spreadsheetId, "row " + rowNumber + ": columns \"" + clash.name()
                        + "\" (" + clash.letters() + ") and \"" + name + "\" (" + column.letters()
                        + ") are the same name once normalized: rename or remove one");
            }
            columns.add(column);
        }
        if (columns.isEmpty()) {
            throw new SheetReadException(spreadsheetId, "row " + rowNumber + " has no column names ("
                    + skipped(headerRows) + ")");
        }
        return columns;
    }

    /** How names are compared for collisions: lower case, letters and digits only. */
    static String normalized(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String skipped(int headerRows) {
        return headerRows == 0 ? "no rows are skipped above it"
                : headerRows + " row" + (headerRows == 1 ? " is" : "s are") + " skipped above it";
    }

    private static String text(List<Object> row, int index) {
        Object value = row == null || index >= row.size() ? null : row.get(index);
        return value == null ? "" : value.toString();
    }

    /** Row (1-based) and column (0-based) of the range's first cell; row 1, column A when it names none. */
    static int[] startCell(String range) {
        if (range == null) {
            return new int[] {1, 0};
        }
        String cells = range.substring(range.lastIndexOf('!') + 1);
        int colon = cells.indexOf(':');
        Matcher m = START_CELL.matcher(colon < 0 ? cells : cells.substring(0, colon));
        if (!m.matches()) {
            return new int[] {1, 0}; // a bare tab name: the whole tab
        }
        int row = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
        int column = 0;
        for (char c : m.group(1).toUpperCase(Locale.ROOT).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return new int[] {row, Math.max(column - 1, 0)};
    }

    /** Column letters as the sheet shows them: 0 -> A, 25 -> Z, 26 -> AA. */
    static String letters(int column) {
        StringBuilder out = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }

    private record Column(String name, int index, String letters) {
    }
}
