package org.polaris.ingest.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV source file: UTF-8 with or without BOM, quoted fields (newlines inside quotes included),
 * CRLF or LF. The header is row 1; a row's number is its record number, as a spreadsheet shows it.
 * Blank header cells and their columns are ignored; empty rows are skipped (they still take their
 * row number). A file that turns out to be binary, mis-encoded or malformed at row 90,000 is
 * refused with that row's number; the caller publishes inside one Kafka transaction and aborts it,
 * so nothing of the file is ever visible downstream.
 */
public final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    private final Path path;
    private final int headerRows;

    public CsvFile(Path path) {
        this(path, 0);
    }

    /** A file whose column names are on row {@code headerRows + 1} (title and note rows come first). */
    public CsvFile(Path path, int headerRows) {
        this.path = path;
        this.headerRows = headerRows;
    }

    /** The parser over the file's text (BOM dropped, strict UTF-8); closing it closes the file. */
    private CSVParser open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        try {
            return CSVParser.parse(utf8(skipBom(in)), FORMAT);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private CSVRecord headerRecord(java.util.Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            throw new CsvRejected(0, "the file is empty");
        }
        for (int skipped = 0; skipped < headerRows && records.hasNext(); skipped++) {
            records.next();
        }
        if (!records.hasNext()) {
            throw new CsvRejected(0, headerRows == 0 ? "the file is empty"
                    : "the file has no column names on row " + (headerRows + 1));
        }
        return records.next();
    }

    /** Refuses an empty, oversized or non-UTF-8 file before it is parsed. */
    public void checkSize(long maxBytes) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size == 0) {
            throw new CsvRejected(0, "the file is empty");
        }
        if (size > maxBytes) {
            throw new CsvRejected(0, "the file is " + size + " bytes, over the limit of " + maxBytes
                    + " (polaris.ingest.max-file-bytes)");
        }
        checkNotAnotherFormat();
        checkUtf8();
    }

    /** Refuses a file that is plainly something else than text, naming what it is (from its first bytes). */
    private void checkNotAnotherFormat() {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String what = FileKinds.describe(head);
        if (what != null) {
            throw new CsvRejected(0, what);
        }
    }

    /**
     * Validates the encoding up front, byte by byte, so the refusal names the line of the first bad
     * byte (a decoder reading 8 KB at a time can only say which chunk it was in).
     */
    private void checkUtf8() {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            int line = 1;
            int pending = 0; // continuation bytes still expected
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            throw notUtf8(line);
                        }
                        pending--;
                    } else if (b == '\n') {
                        line++;
                    } else if (b >= 0x80) {
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                        } else {
                            throw notUtf8(line);
                        }
                    }
                }
            }
            if (pending > 0) {
                throw notUtf8(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvRejected notUtf8(int line) {
        return new CsvRejected(0, "the file is not UTF-8 text (first bad byte on line " + line
                + "); save it as \"CSV UTF-8\" and upload again");
    }

    /** The header: named columns, in order (blank header cells dropped). */
    public List<String> header() {
        try (CSVParser parser = open()) {
            var records = parser.iterator();
            return columns(headerRecord(records)).stream().map(Column::name).toList();
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw refusal(e, 1);
        }
    }

    /** Streams the data rows (row number, header -> cell) to the consumer; throws {@link CsvRejected} at a bad row. */
    public List<String> read(RowConsumer consumer) {
        int[] lastRow = {1};
        try (CSVParser parser = open()) {
            var records = parser.iterator();
            CSVRecord headerRecord = headerRecord(records);
            int headerWidth = headerRecord.size();
            List<Column> columns = columns(headerRecord);
            List<String> header = columns.stream().map(Column::name).toList();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int row = (int) record.getRecordNumber();
                lastRow[0] = row;
                for (String value : record) {
                    checkText(value, row);
                }
                Map<String, String> cells = new LinkedHashMap<>(columns.size() * 2);
                boolean empty = true;
                for (Column c : columns) {
                    String value = c.index() < record.size() ? record.get(c.index()) : "";
                    if (!value.isBlank()) {
                        empty = false;
                    }
                    cells.put(c.name(), value);
                }
                if (!empty) {
                    consumer.accept(row, cells, beyondHeader(record, headerWidth));
                }
            }
            return header;
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            // commons-csv reports malformed quoting as an (unchecked) IOException or IllegalStateException
            throw refusal(e, lastRow[0] + 1);
        }
    }

    private List<Column> columns(CSVRecord header) {
        if (header.size() == 1) {
            String only = header.get(0);
            String delimiter = only.contains(";") ? "semicolons (;)" : only.contains("\t") ? "tabs" : null;
            if (delimiter != null) {
                throw new CsvRejected(headerRows + 1, "the header is one column: the file looks delimited by "
                        + delimiter + ", not commas; save it as \"CSV UTF-8 (Comma delimited)\" and upload again");
            }
        }
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String value : header) {
            checkText(value, headerRows + 1);
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new CsvRejected(headerRows + 1, "column \"" + name + "\" appears twice (columns " + earlier + " and " + (i + 1)
                        + "): rename or remove one");
            }
            // "Teacher Email" and "teacher_email" are one column to the alias mapping: refuse both, named
            Column same = columns.stream().filter(c -> normalized(c.name()).equals(normalized(name))).findFirst().orElse(null);
            if (same != null) {
                throw new CsvRejected(headerRows + 1, "columns \"" + same.name() + "\" (column " + (same.index() + 1)
                        + ") and \"" + name + "\" (column " + (i + 1) + ") are the same name once case, spaces and "
                        + "punctuation are ignored: rename or remove one");
            }
            columns.add(new Column(name, i));
        }
        if (columns.isEmpty()) {
            throw new CsvRejected(headerRows + 1, "the header row has no column names");
        }
        return columns;
    }

    /** Lower case, letters and digits only: how the alias mapping compares column names. */
    private static String normalized(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char ch : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static void checkText(String value, int row) {
        if (value.indexOf('\u0000') >= 0) {
            throw new CsvRejected(row, "the file looks binary (it contains NUL bytes); upload a CSV export");
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) {
            in.reset();
        }
        return in;
    }

    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static CsvRejected refusal(Exception e, int row) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new CsvRejected(row, "the file is not UTF-8 text; save it as \"CSV UTF-8\" and upload again");
            }
        }
        Throwable root = e.getCause() != null ? e.getCause() : e;
        return new CsvRejected(row, "the file is not valid CSV: " + root.getMessage());
    }

    /**
     * A warning for a row with non-empty cells beyond the header's columns (they belong to no column
     * and are dropped); empty trailing cells, as spreadsheets export them, are not worth one.
     */
    private static List<String> beyondHeader(CSVRecord record, int headerWidth) {
        int extra = 0;
        for (int i = headerWidth; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                extra++;
            }
        }
        return extra == 0 ? List.of() : List.of("the row has " + extra + " non-empty cell" + (extra == 1 ? "" : "s")
                + " beyond the header's " + headerWidth + " columns; they belong to no column and were ignored");
    }

    /** Receives one non-empty data row, with what was noticed about it. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(int rowNumber, Map<String, String> cells, List<String> warnings);
    }

    private record Column(String name, int index) {
    }
}
