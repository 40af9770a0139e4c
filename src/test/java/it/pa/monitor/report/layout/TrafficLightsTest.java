package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Traffic lights follow the plan's thresholds, not METHOD.md's defaults: with soglia_raggiunto 95,
 * soglia_non_raggiunto 60 and tolleranza 1, green from 94 %, yellow from 59 %, red below; the
 * colour of a cell is the band the scoring gives the same result.
 */
public class TrafficLightsTest {

    private static final Methodology CUSTOM = Methodology.from(Map.of("soglia_raggiunto", "95",
            "soglia_non_raggiunto", "60", "tolleranza", "1"), new ArrayList<>());

    @Test
    void coloursFollowThePlansThresholdsAndAgreeWithTheBands() {
        assertThat(colour("0.94")).isEqualTo("verde");
        assertThat(colour("0.9399")).isEqualTo("giallo");
        assertThat(colour("0.59")).isEqualTo("giallo");
        assertThat(colour("0.5899")).isEqualTo("rosso");
        for (String fraction : List.of("0.94", "0.9399", "0.59", "0.5899", "1.2", "0")) {
            Band band = CUSTOM.band(new BigDecimal(fraction).movePointRight(2));
            String expected = switch (band) {
                case RAGGIUNTO -> "verde";
                case PARZIALMENTE_RAGGIUNTO -> "giallo";
                case NON_RAGGIUNTO -> "rosso";
            };
            assertThat(colour(fraction)).as(fraction).isEqualTo(expected);
        }
    }

    @Test
    void anEmptyCellStaysUncoloured() {
        assertThat(colour(null)).isEqualTo("nessuno");
    }

    /** Which of the three rules holds for a cell holding {@code fraction}, evaluated by POI. */
    private static String colour(String fraction) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Prova");
            Row row = sheet.createRow(0);
            if (fraction != null) {
                row.createCell(0).setCellValue(Double.parseDouble(fraction));
            }
            TrafficLights.apply(sheet, new CellRangeAddress(0, 0, 0, 0), CUSTOM);
            SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(1);
            ConditionalFormatting rules = formatting.getConditionalFormattingAt(0);
            List<String> names = List.of("verde", "giallo", "rosso");
            List<String> holding = new ArrayList<>();
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int i = 0; i < rules.getNumberOfRules(); i++) {
                var probe = row.createCell(1 + i);
                probe.setCellFormula(rules.getRule(i).getFormula1());
                if (evaluator.evaluate(probe).getBooleanValue()) {
                    holding.add(names.get(i));
                }
            }
            assertThat(holding).as("at most one colour").hasSizeLessThanOrEqualTo(1);
            return holding.isEmpty() ? "nessuno" : holding.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
