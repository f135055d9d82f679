package org.polaris.ingest.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polaris.ingest.csv.CsvRejected;

class XlsxFileTest {

    @TempDir
    Path dir;

    /** A Session Report-like workbook: a title row, a blank row, the column names on row 3, typed cells. */
    private Path workbook() throws Exception {
        Path file = dir.resolve("sessions.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Sessions");
            sheet.createRow(0).createCell(0).setCellValue("Session Report, exported 2026-01-15");
            Row header = sheet.createRow(2);
            String[] names = {"Session ID", "Title", "Date", "Registered"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
            Row r = sheet.createRow(3);
            r.createCell(0).setCellValue(12345.0);
            r.createCell(1).setCellValue("Careers in Aviation");
            r.createCell(2).setCellValue(LocalDate.of(2025, 10, 2));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(12.0);
            sheet.createRow(4); // an empty row
            Row last = sheet.createRow(5);
            last.createCell(0).setCellValue("S-2");
            last.createCell(1).setCellValue("Nursing");
            last.createCell(5).setCellValue("a stray note");
            wb.write(out);
        }
        return file;
    }

    @Test
    void theHeaderIsTheFirstRowWithTheColumnsAndCellsReadAsShown() throws Exception {
        XlsxFile xlsx = new XlsxFile(workbook(), names -> names.contains("Session ID"));

        assertThat(xlsx.header()).containsExactly("Session ID", "Title", "Date", "Registered");
        assertThat(xlsx.headerRow()).isEqualTo(3);
        List<Object[]> rows = new ArrayList<>();
        xlsx.read((n, cells, warnings) -> rows.add(new Object[] {n, cells, warnings}));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo(4);
        assertThat(rows.get(0)[1]).isEqualTo(Map.of("Session ID", "12345", "Title", "Careers in Aviation",
                "Date", "10/2/2025", "Registered", "12"));
        assertThat(rows.get(1)[0]).isEqualTo(6);
        assertThat(rows.get(1)[1]).isEqualTo(Map.of("Session ID", "S-2", "Title", "Nursing", "Date", "", "Registered", ""));
        assertThat(rows.get(1)[2]).isEqualTo(List.of("a cell beyond the named columns (F6) was not read"));
    }

    @Test
    void aWorkbookWithoutTheColumnsIsRefused() throws Exception {
        XlsxFile xlsx = new XlsxFile(workbook(), names -> names.contains("TeacherEmail"));

        assertThatThrownBy(xlsx::header).isInstanceOf(CsvRejected.class)
                .hasMessage("no row among the first 20 of the workbook's first sheet has the columns this import needs");
    }

    @Test
    void aZipThatIsNoWorkbookIsRefusedSayingSo() throws Exception {
        Path file = Files.write(dir.resolve("export.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 'x'});

        assertThatThrownBy(() -> new XlsxFile(file, names -> true).header()).isInstanceOf(CsvRejected.class)
                .hasMessageStartingWith("the file is not a readable Excel workbook (");
    }

    @Test
    void workbooksAreKnownByTheirFirstBytes() throws Exception {
        assertThat(XlsxFile.looksLikeXlsx(Files.readAllBytes(workbook()))).isTrue();
        assertThat(XlsxFile.looksLikeXlsx("SessionId,EventId\n".getBytes())).isFalse();
        assertThat(XlsxFile.looksLikeXlsx(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 'x'})).isFalse();
    }
}
