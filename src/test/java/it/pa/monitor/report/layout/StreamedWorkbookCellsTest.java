package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cells {@link StreamedWorkbook} writes itself (text, number, blank) come out byte for byte as POI's
 * own {@code SheetDataWriter} writes them, whatever the text holds; the cells it leaves to POI too.
 */
class StreamedWorkbookCellsTest {

    /** Characters POI escapes or replaces, surrogates paired and alone, whitespace POI preserves at the ends. */
    private static final char[] ODD = {'<', '>', '&', '"', '\'', '\n', '\r', '\t', '\u0000', '\u0001', '\u001F',
            '\u00A0', '\uFFFE', '\uFFFF', '\uFFFD', '\uD83D', '\uDE00', ' ', '\u2003', '\u2013', 'à', '€', '\u0085'};

    @TempDir
    Path folder;

    @Test
    void randomCellsAreWrittenAsPoiWritesThem() throws IOException {
        Map<String, byte[]> poi = parts(new SXSSFWorkbook(20), folder.resolve("poi.xlsx"));
        Map<String, byte[]> ours = parts(new StreamedWorkbook(new XSSFWorkbook(), 20), folder.resolve("ours.xlsx"));
        assertThat(ours.keySet()).isEqualTo(poi.keySet());
        assertThat(poi.get("xl/worksheets/sheet1.xml").length).isGreaterThan(200_000);
        for (String part : poi.keySet()) {
            assertThat(ours.get(part)).as(part).isEqualTo(poi.get(part));
        }
    }

    /** The same seeded cells in both workbooks: texts, numbers, blanks, gaps, wide columns, styles, formulas. */
    private static Map<String, byte[]> parts(SXSSFWorkbook workbook, Path file) throws IOException {
        Random random = new Random(20261130L);
        try (OutputStream out = Files.newOutputStream(file)) {
            List<CellStyle> styles = new ArrayList<>();
            styles.add(null);
            for (int i = 0; i < 70; i++) {
                CellStyle style = workbook.createCellStyle();
                style.setWrapText(i % 2 == 0);
                style.setIndention((short) (i % 15));
                styles.add(style);
            }
            Sheet sheet = workbook.createSheet("Celle");
            for (int r = 0; r < 3_000; r++) {
                Row row = sheet.createRow(r);
                if (r % 11 == 0) {
                    row.setHeightInPoints(12.75f * (1 + random.nextInt(4)) + 3);
                }
                int cells = random.nextInt(9);
                for (int k = 0; k < cells; k++) {
                    int column = random.nextInt(10) == 0 ? 26 + random.nextInt(800) : random.nextInt(12);
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
                    switch (random.nextInt(8)) {
                        case 0 -> cell.setCellValue(random.nextDouble() * 1e6 - 5e5);
                        case 1 -> cell.setCellValue(random.nextInt(1000) / 100.0);
                        case 2 -> { }
                        case 3 -> cell.setCellValue(random.nextBoolean());
                        case 4 -> cell.setCellFormula("SUM(A1:B" + (r + 1) + ")");
                        case 5 -> cell.setCellValue("");
                        default -> cell.setCellValue(text(random));
                    }
                    CellStyle style = styles.get(random.nextInt(styles.size()));
                    if (style != null) {
                        cell.setCellStyle(style);
                    }
                }
            }
            workbook.write(out);
        } finally {
            workbook.dispose();
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.getName().equals("docProps/core.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return parts;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10) == 0 ? 9_000 + random.nextInt(2_000) : random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind == 0 ? ODD[random.nextInt(ODD.length)] : kind == 1 ? (char) random.nextInt(0x3000)
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
