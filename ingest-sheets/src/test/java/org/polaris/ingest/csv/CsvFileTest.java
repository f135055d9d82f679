package org.polaris.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private int files;

    /** One data row as the consumer received it. */
    private record Row(int number, Map<String, String> cells) {
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("file" + (files++) + ".csv");
        Files.write(p, bytes);
        return p;
    }

    private Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<Row> readAll(Path p) {
        List<Row> rows = new ArrayList<>();
        new CsvFile(p).read((n, cells, warnings) -> rows.add(new Row(n, new LinkedHashMap<>(cells))));
        return rows;
    }

    private static CsvRejected readRejected(Path p) {
        return catchThrowableOfType(CsvRejected.class, () -> readAll(p));
    }

    // --- encoding: BOM ---------------------------------------------------------------------

    @Test
    void headerIsTheSameWithAndWithoutBom() throws IOException {
        String text = "Email,Name\r\na@x.org,Ann\r\n";
        Path plain = write(text);
        Path withBom = write(concat(BOM, text.getBytes(StandardCharsets.UTF_8)));

        List<String> plainHeader = new CsvFile(plain).header();
        List<String> bomHeader = new CsvFile(withBom).header();

        assertThat(bomHeader).containsExactly("Email", "Name").isEqualTo(plainHeader);
        assertThat(bomHeader.get(0)).doesNotContain("\uFEFF").startsWith("E");
    }

    @Test
    void readWithBomGivesFirstColumnWithoutBomCharacter() throws IOException {
        Path withBom = write(concat(BOM, "Email,Name\na@x.org,Ann\n".getBytes(StandardCharsets.UTF_8)));

        List<String> header = new CsvFile(withBom).read((n, c, warnings) -> { });
        List<Row> rows = readAll(withBom);

        assertThat(header).containsExactly("Email", "Name");
        assertThat(rows).containsExactly(new Row(2, Map.of("Email", "a@x.org", "Name", "Ann")));
        assertThat(rows.get(0).cells()).containsOnlyKeys("Email", "Name");
    }

    @Test
    void readReturnsTheHeaderInOrder() throws IOException {
        Path p = write("C,A,B\n1,2,3\n");

        assertThat(new CsvFile(p).read((n, c, warnings) -> { })).containsExactly("C", "A", "B");
    }

    @Test
    void cellsMapKeepsHeaderOrder() throws IOException {
        List<Row> rows = readAll(write("C,A,B\n1,2,3\n"));

        assertThat(rows.get(0).cells().keySet()).containsExactly("C", "A", "B");
    }

    // --- line endings -------------------------------------------------------------------------

    @Test
    void crlfAndLfGiveTheSameRows() throws IOException {
        List<Row> lf = readAll(write("Email,Name\na@x.org,Ann\nb@x.org,Bob\n"));
        List<Row> crlf = readAll(write("Email,Name\r\na@x.org,Ann\r\nb@x.org,Bob\r\n"));

        assertThat(crlf).isEqualTo(lf).containsExactly(
                new Row(2, Map.of("Email", "a@x.org", "Name", "Ann")),
                new Row(3, Map.of("Email", "b@x.org", "Name", "Bob")));
    }

    @Test
    void crlfLeavesNoCarriageReturnInTheLastCellOrLastHeader() throws IOException {
        Path p = write("Email,Name\r\na@x.org,Ann\r\n");

        List<Row> rows = readAll(p);

        assertThat(new CsvFile(p).header()).containsExactly("Email", "Name");
        assertThat(rows.get(0).cells().get("Name")).isEqualTo("Ann");
    }

    @Test
    void lastRowWithoutTrailingNewlineIsRead() throws IOException {
        List<Row> rows = readAll(write("Email,Name\na@x.org,Ann"));

        assertThat(rows).containsExactly(new Row(2, Map.of("Email", "a@x.org", "Name", "Ann")));
    }

    // --- quoting and row numbers -------------------------------------------------------------

    @Test
    void quotedFieldWithNewlineAndCommaIsOneCellAndNextRowKeepsItsRecordNumber() throws IOException {
        Path p = write("Email,Note\n"
                + "a@x.org,\"first line, with comma\nsecond line\"\n"
                + "b@x.org,plain\n");

        List<Row> rows = readAll(p);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).cells()).containsEntry("Email", "a@x.org")
                .containsEntry("Note", "first line, with comma\nsecond line");
        // the next row is record 3, although it sits on the fourth physical line
        assertThat(rows.get(1)).isEqualTo(new Row(3, Map.of("Email", "b@x.org", "Note", "plain")));
    }

    @Test
    void quotedFieldWithCrlfInsideWorksInACrlfFile() throws IOException {
        Path p = write("Email,Note\r\n"
                + "a@x.org,\"one,\r\ntwo\"\r\n"
                + "b@x.org,plain\r\n");

        List<Row> rows = readAll(p);

        assertThat(rows).extracting(Row::number).containsExactly(2, 3);
        assertThat(rows.get(0).cells().get("Note")).isEqualTo("one,\r\ntwo");
        assertThat(rows.get(1).cells()).containsEntry("Email", "b@x.org").containsEntry("Note", "plain");
    }

    @Test
    void escapedDoubleQuotesInsideQuotedFieldAreUnescaped() throws IOException {
        List<Row> rows = readAll(write("Name,Note\nAnn,\"she said \"\"hi\"\"\"\n"));

        assertThat(rows.get(0).cells()).containsEntry("Note", "she said \"hi\"");
    }

    // --- empty rows ---------------------------------------------------------------------------

    @Test
    void emptyRowIsSkippedButKeepsItsRowNumber() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann\n\nb@x.org,Bob\n");

        List<Row> rows = readAll(p);

        assertThat(rows).containsExactly(
                new Row(2, Map.of("Email", "a@x.org", "Name", "Ann")),
                new Row(4, Map.of("Email", "b@x.org", "Name", "Bob")));
    }

    @Test
    void emptyRowIsSkippedButKeepsItsRowNumberWithCrlf() throws IOException {
        Path p = write("Email,Name\r\na@x.org,Ann\r\n\r\nb@x.org,Bob\r\n");

        assertThat(readAll(p)).extracting(Row::number).containsExactly(2, 4);
    }

    @Test
    void rowOfOnlyDelimitersOrBlankCellsIsSkippedButCounted() throws IOException {
        Path p = write("Email,Name\n,\n  ,  \na@x.org,Ann\n");

        assertThat(readAll(p)).containsExactly(new Row(4, Map.of("Email", "a@x.org", "Name", "Ann")));
    }

    @Test
    void fileWithOnlyAHeaderHasNoRows() throws IOException {
        Path p = write("Email,Name\n");
        List<Row> rows = new ArrayList<>();

        List<String> header = new CsvFile(p).read((n, c, warnings) -> rows.add(new Row(n, c)));

        assertThat(header).containsExactly("Email", "Name");
        assertThat(rows).isEmpty();
    }

    // --- header -------------------------------------------------------------------------------

    @Test
    void blankHeaderCellsAndTheirColumnsAreIgnored() throws IOException {
        Path p = write("Email,,Name,  \na@x.org,ignored,Ann,also ignored\n");

        List<Row> rows = readAll(p);

        assertThat(new CsvFile(p).header()).containsExactly("Email", "Name");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells()).containsOnlyKeys("Email", "Name")
                .containsEntry("Email", "a@x.org")
                .containsEntry("Name", "Ann")
                .doesNotContainValue("ignored")
                .doesNotContainValue("also ignored");
    }

    @Test
    void rowWithOnlyTextInIgnoredColumnsIsSkipped() throws IOException {
        Path p = write("Email,,Name\n,stray,\na@x.org,,Ann\n");

        assertThat(readAll(p)).extracting(Row::number).containsExactly(3);
    }

    @Test
    void headerNamesAreStrippedOfSurroundingSpaces() throws IOException {
        Path p = write(" Email , Name\na@x.org,Ann\n");

        assertThat(new CsvFile(p).header()).containsExactly("Email", "Name");
        assertThat(readAll(p).get(0).cells()).containsOnlyKeys("Email", "Name");
    }

    @Test
    void duplicateHeaderNameIsRefusedNamingTheColumnAndBothPositions() throws IOException {
        Path p = write("Email,Name,Email\na@x.org,Ann,b@x.org\n");

        CsvRejected byRead = readRejected(p);
        CsvRejected byHeader = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).header());

        assertThat(byRead).isNotNull();
        assertThat(byRead.row()).isEqualTo(1);
        assertThat(byRead.getMessage())
                .startsWith("row 1: ")
                .contains("\"Email\"")
                .contains("appears twice")
                .contains("columns 1 and 3");
        assertThat(byHeader).isNotNull();
        assertThat(byHeader.getMessage()).isEqualTo(byRead.getMessage());
    }

    @Test
    void duplicateHeaderPositionsCountBlankColumns() throws IOException {
        Path p = write(",Name,,Name\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("\"Name\"").contains("columns 2 and 4");
    }

    @Test
    void headerRowWithNoNamesIsRefused() throws IOException {
        Path p = write(", ,\na,b,c\n");

        CsvRejected byRead = readRejected(p);
        CsvRejected byHeader = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).header());

        assertThat(byRead).isNotNull();
        assertThat(byRead.row()).isEqualTo(1);
        assertThat(byRead.getMessage()).isEqualTo("row 1: the header row has no column names");
        assertThat(byHeader).isNotNull();
        assertThat(byHeader.getMessage()).isEqualTo("row 1: the header row has no column names");
    }

    @Test
    void emptyFirstLineIsAHeaderWithNoNames() throws IOException {
        Path p = write("\nEmail,Name\na@x.org,Ann\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("the header row has no column names");
    }

    // --- size ---------------------------------------------------------------------------------

    @Test
    void checkSizeRefusesAnEmptyFile() throws IOException {
        Path p = write(new byte[0]);

        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).checkSize(1_000));

        assertThat(e).isNotNull();
        assertThat(e.row()).isZero();
        assertThat(e.getMessage()).isEqualTo("the file is empty");
    }

    @Test
    void checkSizeRefusesAnOversizedFile() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann\n"); // 23 bytes

        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).checkSize(10));

        assertThat(e).isNotNull();
        assertThat(e.row()).isZero();
        assertThat(e.getMessage()).contains("over the limit").contains("23 bytes").contains("10");
    }

    @Test
    void checkSizeAcceptsAFileOfExactlyTheLimit() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann\n");
        long size = Files.size(p);

        assertThatCode(() -> new CsvFile(p).checkSize(size)).doesNotThrowAnyException();
    }

    @Test
    void checkSizeAcceptsAFileUnderTheLimit() throws IOException {
        Path p = write("Email\na@x.org\n");

        assertThatCode(() -> new CsvFile(p).checkSize(1 << 20)).doesNotThrowAnyException();
    }

    @Test
    void readingAnEmptyFileIsRefused() throws IOException {
        Path p = write(new byte[0]);

        CsvRejected byRead = readRejected(p);
        CsvRejected byHeader = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).header());

        assertThat(byRead).isNotNull();
        assertThat(byRead.getMessage()).contains("the file is empty");
        assertThat(byHeader).isNotNull();
        assertThat(byHeader.getMessage()).contains("the file is empty");
    }

    @Test
    void fileWithOnlyABomIsRefusedAsEmptyWhenRead() throws IOException {
        Path p = write(BOM);

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("the file is empty");
    }

    // --- binary and encoding ------------------------------------------------------------------

    @Test
    void nulByteInADataRowIsRefusedAsBinaryWithItsRowNumber() throws IOException {
        Path p = write(concat("Email,Name\na@x.org,Ann\nb@x.org,B".getBytes(StandardCharsets.UTF_8),
                new byte[] {0}, "ob\n".getBytes(StandardCharsets.UTF_8)));
        List<Integer> seen = new ArrayList<>();

        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).read((n, c, warnings) -> seen.add(n)));

        assertThat(e).isNotNull();
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("row 3: ").contains("binary").contains("NUL");
        assertThat(seen).containsExactly(2);
    }

    @Test
    void nulByteInTheHeaderIsRefusedAsBinaryAtRowOne() throws IOException {
        Path p = write(concat("Em".getBytes(StandardCharsets.UTF_8), new byte[] {0},
                "ail,Name\na@x.org,Ann\n".getBytes(StandardCharsets.UTF_8)));

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.getMessage()).contains("binary");
    }

    @Test
    void invalidUtf8SequenceIsRefusedAsNotUtf8() throws IOException {
        Path p = write(concat("Email,Name\na@x.org,A".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\n".getBytes(StandardCharsets.UTF_8)));

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not UTF-8");
    }

    @Test
    void latin1EncodedFileIsRefusedAsNotUtf8() throws IOException {
        Path p = write("Email,Name\na@x.org,Ren\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1));

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not UTF-8");
    }

    @Test
    void latin1HeaderIsRefusedAsNotUtf8ByHeader() throws IOException {
        Path p = write("Pr\u00e9nom,Email\nAnn,a@x.org\n".getBytes(StandardCharsets.ISO_8859_1));

        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).header());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not UTF-8");
    }

    /** checkSize validates the encoding byte by byte, so the refusal names the line of the bad byte. */
    @Test
    void invalidUtf8IsRefusedWithTheLineThatHoldsTheBadByte() throws IOException {
        StringBuilder rows = new StringBuilder("Email,Name\n");
        for (int i = 2; i <= 7; i++) {
            rows.append("a").append(i).append("@x.org,Ann\n");
        }
        Path p = write(concat(rows.toString().getBytes(StandardCharsets.UTF_8),
                "b@x.org,Ren".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "e\nc@x.org,Cy\n".getBytes(StandardCharsets.UTF_8)));

        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).checkSize(1_000_000));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("not UTF-8").contains("first bad byte on line 8");
    }

    @Test
    void aNulByteInAColumnWithoutHeaderIsStillRefusedAsBinary() throws IOException {
        Path p = write("Email,,Name\na@x.org,\u0000,Ann\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("binary");
    }

    @Test
    void validMultiByteUtf8IsKept() throws IOException {
        List<Row> rows = readAll(write("Name,City\nRen\u00e9e,K\u00f8benhavn \u2013 \u6771\u4eac\n"));

        assertThat(rows.get(0).cells()).containsEntry("Name", "Ren\u00e9e")
                .containsEntry("City", "K\u00f8benhavn \u2013 \u6771\u4eac");
    }

    // --- malformed CSV ------------------------------------------------------------------------

    @Test
    void unterminatedQuoteIsRefusedAsInvalidCsv() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann\nb@x.org,\"Bob\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("row 3: ").contains("not valid CSV");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithTheRowNumber() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann\n\nb@x.org,\"Bob\"by\nc@x.org,Cy\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.row()).isEqualTo(4);
        assertThat(e.getMessage()).contains("not valid CSV");
    }

    // --- cell values --------------------------------------------------------------------------

    @Test
    void missingTrailingCellsAreGivenAsEmptyStrings() throws IOException {
        List<Row> rows = readAll(write("Email,Name,Grade\na@x.org\nb@x.org,Bob\n"));

        assertThat(rows).containsExactly(
                new Row(2, Map.of("Email", "a@x.org", "Name", "", "Grade", "")),
                new Row(3, Map.of("Email", "b@x.org", "Name", "Bob", "Grade", "")));
    }

    @Test
    void extraCellsBeyondTheHeaderAreDropped() throws IOException {
        List<Row> rows = readAll(write("Email,Name\na@x.org,Ann,extra,more\n"));

        assertThat(rows).containsExactly(new Row(2, Map.of("Email", "a@x.org", "Name", "Ann")));
    }

    @Test
    void cellsAreGivenAsTheyArrivedWithoutTrimming() throws IOException {
        List<Row> rows = readAll(write("Email,Name,Note\n  a@x.org ,\tAnn\t,\" quoted  \"\n"));

        assertThat(rows.get(0).cells())
                .containsEntry("Email", "  a@x.org ")
                .containsEntry("Name", "\tAnn\t")
                .containsEntry("Note", " quoted  ");
    }

    @Test
    void rowWithSomeBlankCellsIsNotSkipped() throws IOException {
        List<Row> rows = readAll(write("Email,Name\n,Ann\n"));

        assertThat(rows).containsExactly(new Row(2, Map.of("Email", "", "Name", "Ann")));
    }

    @Test
    void consumerIsCalledInFileOrder() throws IOException {
        StringBuilder csv = new StringBuilder("N\n");
        for (int i = 0; i < 500; i++) {
            csv.append(i).append('\n');
        }

        List<Row> rows = readAll(write(csv.toString()));

        assertThat(rows).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(rows.get(i)).isEqualTo(new Row(i + 2, Map.of("N", String.valueOf(i))));
        }
    }

    // --- CsvRejected --------------------------------------------------------------------------

    @Test
    void rejectionWithARowPrefixesTheMessage() {
        CsvRejected e = new CsvRejected(7, "bad");

        assertThat(e.row()).isEqualTo(7);
        assertThat(e.getMessage()).isEqualTo("row 7: bad");
    }

    @Test
    void rejectionOfTheWholeFileHasNoRowPrefix() {
        CsvRejected e = new CsvRejected(0, "the file is empty");

        assertThat(e.row()).isZero();
        assertThat(e.getMessage()).isEqualTo("the file is empty");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }

    @Test
    void columnNamesThatCollideOnceNormalizedAreRefusedNamingBoth() throws IOException {
        Path p = write("Teacher Email,Name,teacher_email\na@x.org,Ann,b@x.org\n");

        CsvRejected e = readRejected(p);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("\"Teacher Email\" (column 1)").contains("\"teacher_email\" (column 3)");
    }

    @Test
    void columnNamesAreFoundBelowTitleRows() throws IOException {
        Path p = write("Virtual sessions 2026-2027\nnotes\n\nSession Title,Date\nRobotics,2026-10-21\n");

        List<String> header = new CsvFile(p, 3).header();

        assertThat(header).containsExactly("Session Title", "Date");
    }

    // --- other formats, other delimiters, cells beyond the header ----------------------------

    private String refusalOf(byte[] bytes) throws IOException {
        Path p = write(bytes);
        CsvRejected e = catchThrowableOfType(CsvRejected.class, () -> new CsvFile(p).checkSize(1_000_000));
        assertThat(e).as("refused").isNotNull();
        return e.getMessage();
    }

    @Test
    void filesOfAnotherFormatAreNamedForWhatTheyAre() throws IOException {
        assertThat(refusalOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}))
                .contains("a PNG image");
        assertThat(refusalOf(new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0})).contains("a gzip archive");
        assertThat(refusalOf(concat(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0},
                "[Content_Types].xml xl/workbook.xml".getBytes(StandardCharsets.US_ASCII))))
                .contains("an Excel workbook (XLSX");
        assertThat(refusalOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})).contains("(XLS,");
        assertThat(refusalOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("a PDF document");
    }

    @Test
    void utf16TextIsNamedWithOrWithoutItsByteOrderMark() throws IOException {
        assertThat(refusalOf("Email,Name\na@x.org,Ann\n".getBytes(StandardCharsets.UTF_16LE))).contains("UTF-16 text");
        assertThat(refusalOf(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "Email,Name\n".getBytes(StandardCharsets.UTF_16LE)))).contains("UTF-16 text");
        assertThat(refusalOf("Email,Name\na@x.org,Ann\n".getBytes(StandardCharsets.UTF_16BE))).contains("UTF-16 text");
    }

    @Test
    void aSemicolonOrTabDelimitedFileIsToldItsDelimiter() throws IOException {
        CsvRejected semicolons = readRejected(write("SessionId;EventId;TeacherEmail\nS-1;E-1;a@x.org\n"));
        assertThat(semicolons.getMessage()).contains("delimited by semicolons (;)").startsWith("row 1: ");
        CsvRejected tabs = readRejected(write("SessionId\tEventId\tTeacherEmail\nS-1\tE-1\ta@x.org\n"));
        assertThat(tabs.getMessage()).contains("delimited by tabs");
    }

    @Test
    void aRowWithCellsBeyondTheHeaderIsWarnedEmptyTrailingCellsAreNot() throws IOException {
        Path p = write("Email,Name\na@x.org,Ann,extra,,\nb@x.org,Bo,,\n");
        List<List<String>> warnings = new ArrayList<>();

        new CsvFile(p).read((n, c, w) -> warnings.add(w));

        assertThat(warnings.get(0)).containsExactly(
                "the row has 1 non-empty cell beyond the header's 2 columns; they belong to no column and were ignored");
        assertThat(warnings.get(1)).isEmpty();
    }
}
