package org.polaris.ingest.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The header rules on the grid Sheets answers, without HTTP. */
class SheetTablesTest {

    private static List<List<Object>> grid(List<?>... rows) {
        List<List<Object>> grid = new ArrayList<>();
        for (List<?> row : rows) {
            grid.add(new ArrayList<>(row));
        }
        return grid;
    }

    @Test
    void rowNumbersCountTheSkippedRowsAndTheRangeStart() {
        SheetTable table = SheetTables.of("s", "Data!C10:E14", grid(
                List.of("Title"), List.of(), List.of("Notes"),
                List.of("Name", "Email"), List.of("Ana", "a@x.org")), 3);

        assertThat(table.rows()).singleElement().satisfies(r -> assertThat(r.rowNumber()).isEqualTo(14));
    }

    @Test
    void duplicateNamesAreComparedAfterStrippingSpaces() {
        assertThatThrownBy(() -> SheetTables.of("s", "S!A1:B2", grid(List.of("Email", " Email ")), 0))
                .hasMessage("Error reading Google Sheet s: row 1: column \"Email\" appears twice (columns A and B):"
                        + " rename or remove one");
    }

    @Test
    void namesThatDifferOnlyInCaseOrPunctuationCollide() {
        assertThatThrownBy(() -> SheetTables.of("s", "S!A1:AB1", grid(Arrays.asList(
                "School", null, "", "Session-ID", "x", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "SESSION ID")), 0))
                .hasMessage("Error reading Google Sheet s: row 1: columns \"Session-ID\" (D) and \"SESSION ID\" (AB)"
                        + " are the same name once normalized: rename or remove one");
    }

    @Test
    void cellsAreKeptAsDisplayedAndExtraCellsDropped() {
        SheetTable table = SheetTables.of("s", "S!A1:D2", grid(
                List.of("Name", "Hours"), List.of("  Ana ", "1,5", "beyond the header")), 0);

        assertThat(table.rows().get(0).cells()).containsExactly(Map.entry("Name", "  Ana "), Map.entry("Hours", "1,5"));
    }

    @Test
    void aSheetWithoutItsHeaderRowIsRefusedSayingWhereItWasExpected() {
        assertThatThrownBy(() -> SheetTables.of("s", "'Virtual Sessions'!A1:A2", grid(List.of("Title"), List.of("x")), 3))
                .hasMessage("Error reading Google Sheet s: the sheet has no header row: expected column names in row 4"
                        + " (3 rows are skipped above it)");
        assertThatThrownBy(() -> SheetTables.of("s", "Roster!A1", null, 0))
                .hasMessage("Error reading Google Sheet s: the sheet has no header row: expected column names in row 1"
                        + " (no rows are skipped above it)");
        assertThatThrownBy(() -> SheetTables.of("s", "Roster!A1:C2", grid(List.of("", " "), List.of("a", "b")), 0))
                .hasMessage("Error reading Google Sheet s: row 1 has no column names (no rows are skipped above it)");
    }

    @Test
    void aHeaderWithoutDataIsAnEmptyTable() {
        SheetTable table = SheetTables.of("s", "Roster!A1:B1", grid(List.of("Name", "Email")), 0);

        assertThat(table.header()).containsExactly("Name", "Email");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void rangeStartsAndColumnLetters() {
        assertThat(SheetTables.startCell("Roster!A1:D7")).containsExactly(1, 0);
        assertThat(SheetTables.startCell("'It''s!'!AA12:AC")).containsExactly(12, 26);
        assertThat(SheetTables.startCell("Roster!B:D")).containsExactly(1, 1);
        assertThat(SheetTables.startCell("Roster!5:9")).containsExactly(5, 0);
        assertThat(SheetTables.startCell("Roster")).containsExactly(1, 0);
        assertThat(SheetTables.startCell(null)).containsExactly(1, 0);
        assertThat(List.of(0, 25, 26, 51, 52, 701, 702)).extracting(SheetTables::letters)
                .containsExactly("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA");
        assertThat(SheetTables.normalized("Teacher Email")).isEqualTo(SheetTables.normalized("teacher_email"))
                .isEqualTo("teacheremail");
    }
}
