package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The page breaks that keep cards whole are written exactly as POI's {@code setRowBreak} writes them. */
public class KeepTogetherBreaksTest {

    @Test
    void breaksBetweenCardsAreThoseOfPoisSetRowBreak() throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(20); XSSFWorkbook reference = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Schede");
            PrintSetup.apply(sheet, 1, 50, 42, 15, 15, 16, 14);
            CardText.KeepTogether pages = new CardText.KeepTogether(sheet, 6);
            // 30 cards of 12 rows of 30 points: a page holds one or two of them.
            int next = 2;
            for (int card = 0; card < 30; card++) {
                int first = next;
                for (int r = 0; r < 12; r++) {
                    Row row = sheet.createRow(next++);
                    row.setHeightInPoints(30);
                }
                pages.block(first, next - 1);
                next++;
            }
            XSSFSheet written = workbook.getXSSFWorkbook().getSheet("Schede");
            int[] breaks = written.getRowBreaks();
            assertThat(breaks).hasSizeGreaterThan(10).isSorted();

            XSSFSheet expected = reference.createSheet("Schede");
            for (int row : breaks) {
                expected.setRowBreak(row);
            }
            assertThat(written.getCTWorksheet().getRowBreaks().xmlText())
                    .isEqualTo(expected.getCTWorksheet().getRowBreaks().xmlText());
            // Rows between cards are where the breaks go: the row before a card's first row.
            for (int row : breaks) {
                assertThat((row + 1 - 2) % 13).as("break below row %d", row).isZero();
            }
        }
    }
}
