package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.report.RelazioneWriter;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.WrittenSheet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCfRule;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTConditionalFormatting;

/**
 * The objective cards of the Relazione colour their results through one set of three fills per
 * sheet (not three per card), and every result still gets its green, yellow and red rules.
 */
class CardsSharedFillsTest {

    private static final List<String> SHEETS = List.of("Obiettivi strategici", "Obiettivi operativi");
    private static final List<Long> COLOURS = List.of((long) IndexedColors.LIGHT_GREEN.getIndex(),
            (long) IndexedColors.LIGHT_YELLOW.getIndex(), (long) IndexedColors.ROSE.getIndex());

    @TempDir
    Path folder;

    @Test
    void oneSetOfFillsPerSheetStillColoursEveryResult() throws IOException {
        Path file = new RelazioneWriter(List.of(new StrategicCardsSheet(), new OperationalCardsSheet()))
                .write(ReportFixtures.massaCarrara(), folder);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            StylesTable styles = workbook.getStylesSource();
            int formatted = 0;
            int allFormattings = 0;
            for (String name : SHEETS) {
                XSSFSheet sheet = workbook.getSheet(name);
                Set<Long> used = new HashSet<>();
                CTConditionalFormatting[] formattings = sheet.getCTWorksheet().getConditionalFormattingArray();
                for (CTConditionalFormatting formatting : formattings) {
                    CTCfRule[] rules = formatting.getCfRuleArray();
                    assertThat(rules).hasSize(3);
                    // green at or above the upper threshold, yellow between, red below the lower one
                    assertThat(rules[0].getFormulaArray(0)).contains(">=0.9").doesNotContain("<");
                    assertThat(rules[1].getFormulaArray(0)).contains(">=").contains("<0.9");
                    assertThat(rules[2].getFormulaArray(0)).doesNotContain(">=");
                    for (int i = 0; i < 3; i++) {
                        long dxf = rules[i].getDxfId();
                        used.add(dxf);
                        assertThat(styles.getDxfAt((int) dxf).getFill().getPatternFill().getBgColor().getIndexed())
                                .as("%s, rule %d of %s", name, i, formatting.getSqref()).isEqualTo(COLOURS.get(i));
                    }
                }
                allFormattings += formattings.length;
                formatted += formattings.length > 0 ? 1 : 0;
                assertThat(used).hasSize(formattings.length > 0 ? 3 : 0);
                // A caption with the objective's result, and an indicator table, per card.
                List<Cell> results = resultCells(sheet);
                assertThat(formattings.length).isGreaterThanOrEqualTo(results.size() / 2);
                assertThat(results).isNotEmpty().allSatisfy(cell ->
                        assertThat(WrittenSheet.hasTrafficLight(sheet, cell)).as(cell.getAddress().toString()).isTrue());
            }
            // Three fills per sheet of cards; before, three per coloured range (two per card).
            assertThat(formatted).isEqualTo(2);
            assertThat(allFormattings).isGreaterThan(10);
            assertThat(styles._getDXfsSize()).isEqualTo(3 * formatted);
        }
    }

    /** The objectives' result captions and the "% raggiungimento" cells of the indicator tables. */
    private static List<Cell> resultCells(XSSFSheet sheet) {
        List<Cell> cells = new ArrayList<>();
        boolean inTable = false;
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            String label = first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue();
            if (label.equals("Risultato misurato obiettivo")) {
                cells.add(row.getCell(1));
                inTable = false;
            } else if (label.equals("Indicatore")) {
                inTable = true;
            } else if (inTable && row.getCell(5) != null && row.getCell(5).getCellType() == CellType.NUMERIC) {
                cells.add(row.getCell(5));
            } else if (label.isEmpty()) {
                inTable = false;
            }
        }
        return cells;
    }
}
