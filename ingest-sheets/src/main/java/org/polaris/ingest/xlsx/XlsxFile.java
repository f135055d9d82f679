package org.polaris.ingest.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.polaris.ingest.csv.CsvFile.RowConsumer;
import org.polaris.ingest.csv.CsvRejected;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An Excel workbook (XLSX) upload, read as a stream with Apache POI's event API: the first sheet's
 * rows go by one at a time, never the workbook in memory. Cells are read as Excel shows them (a date
 * as a date, 12 without ".0"), through the cells' own formats. The header is the first row among the
 * first {@value #HEADER_SCAN} that {@code isHeader} accepts (exports start with title rows); rows
 * before it are not data. Row numbers are the sheet's own.
 */
public final class XlsxFile {

    /** Rows looked at for the column names. */
    public static final int HEADER_SCAN = 20;

    private final Path path;
    private final Predicate<List<String>> isHeader;
    private Header header;

    private record Header(int row, TreeMap<Integer, String> columns) {
    }

    public XlsxFile(Path path, Predicate<List<String>> isHeader) {
        this.path = path;
        this.isHeader = isHeader;
    }

    /** The column names (blank header cells dropped), in order. */
    public List<String> header() {
        return new ArrayList<>(found().columns().values());
    }

    /** The row the column names are on (1-based, as Excel numbers it). */
    public int headerRow() {
        return found().row();
    }

    /** Streams the data rows after the header (row number, column name -> cell as shown); empty rows are skipped. */
    public void read(RowConsumer consumer) {
        Header h = found();
        parse(new Rows() {
            @Override
            void row(int rowNumber, TreeMap<Integer, String> cells) {
                if (rowNumber <= h.row()) {
                    return;
                }
                Map<String, String> named = new LinkedHashMap<>();
                boolean empty = true;
                for (Map.Entry<Integer, String> c : h.columns().entrySet()) {
                    String v = cells.getOrDefault(c.getKey(), "");
                    empty &= v.isBlank();
                    named.put(c.getValue(), v);
                }
                List<String> warnings = new ArrayList<>();
                cells.forEach((col, v) -> {
                    if (!h.columns().containsKey(col) && !v.isBlank()) {
                        warnings.add("a cell beyond the named columns (" + CellReference.convertNumToColString(col)
                                + rowNumber + ") was not read");
                    }
                });
                if (!empty) {
                    consumer.accept(rowNumber, named, warnings);
                }
            }
        });
    }

    private Header found() {
        if (header == null) {
            List<List<String>> seen = new ArrayList<>();
            try {
                parse(new Rows() {
                    @Override
                    void row(int rowNumber, TreeMap<Integer, String> cells) {
                        List<String> names = cells.values().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
                        if (!names.isEmpty() && isHeader.test(names)) {
                            TreeMap<Integer, String> columns = new TreeMap<>();
                            cells.forEach((col, name) -> {
                                if (!name.isBlank()) {
                                    columns.put(col, name.strip());
                                }
                            });
                            header = new Header(rowNumber, columns);
                            throw new Found();
                        }
                        seen.add(names);
                        if (rowNumber >= HEADER_SCAN) {
                            throw new Found();
                        }
                    }
                });
            } catch (Found done) {
                // stop reading: the header is found, or looked for long enough
            }
            if (header == null) {
                throw new CsvRejected(0, seen.isEmpty() ? "the workbook's first sheet is empty"
                        : "no row among the first " + HEADER_SCAN + " of the workbook's first sheet has the columns this "
                        + "import needs");
            }
        }
        return header;
    }

    private void parse(Rows rows) {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new CsvRejected(0, "the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (CsvRejected | Found e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof Found f) {
                throw f;
            }
            throw new CsvRejected(0, "the file is not a readable Excel workbook (" + e.getClass().getSimpleName() + ")");
        } catch (IOException | SAXException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
                | javax.xml.parsers.ParserConfigurationException e) {
            throw new CsvRejected(0, "the file is not a readable Excel workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Collects a row's cells by column index and hands the row on at its end. */
    private abstract static class Rows implements SheetContentsHandler {
        private TreeMap<Integer, String> cells = new TreeMap<>();

        abstract void row(int rowNumber, TreeMap<Integer, String> cells);

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            row(rowNum + 1, cells);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null && formattedValue != null) {
                cells.put((int) new CellReference(cellReference).getCol(), formattedValue);
            }
        }
    }

    /** Whether a file's first bytes are a workbook's: a ZIP archive whose entries are an Office document's. */
    public static boolean looksLikeXlsx(byte[] head) {
        if (head.length < 4 || head[0] != 0x50 || head[1] != 0x4B || head[2] != 0x03 || head[3] != 0x04) {
            return false;
        }
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("xl/") || text.contains("[Content_Types].xml");
    }

    /** Ends a parse early. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }
}
