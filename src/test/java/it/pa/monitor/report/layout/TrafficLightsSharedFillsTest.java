package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCfRule;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTConditionalFormatting;

/**
 * Ranges coloured with {@link TrafficLights.OnSheet#sharingFills} get the same rules as with a set
 * of fills each, the rules pointing at three fills made once instead of three per range.
 */
class TrafficLightsSharedFillsTest {

    private static final Methodology CUSTOM = Methodology.from(Map.of("soglia_raggiunto", "95",
            "soglia_non_raggiunto", "60", "tolleranza", "1"), new ArrayList<>());
    private static final List<CellRangeAddress> RANGES = List.of(new CellRangeAddress(3, 3, 1, 1),
            new CellRangeAddress(5, 9, 5, 5), new CellRangeAddress(12, 12, 1, 1), new CellRangeAddress(14, 20, 5, 5));

    @Test
    void theSameRulesOverThreeFills() throws IOException {
        try (SXSSFWorkbook own = new SXSSFWorkbook(50); SXSSFWorkbook shared = new SXSSFWorkbook(50)) {
            TrafficLights.OnSheet each = new TrafficLights.OnSheet(own.createSheet("Schede"), CUSTOM);
            TrafficLights.OnSheet once = TrafficLights.OnSheet.sharingFills(shared.createSheet("Schede"), CUSTOM);
            RANGES.forEach(each::apply);
            RANGES.forEach(once::apply);

            StylesTable ownStyles = own.getXSSFWorkbook().getStylesSource();
            StylesTable sharedStyles = shared.getXSSFWorkbook().getStylesSource();
            assertThat(ownStyles._getDXfsSize()).isEqualTo(12);
            assertThat(sharedStyles._getDXfsSize()).isEqualTo(3);
            CTConditionalFormatting[] expected = sheet(own).getCTWorksheet().getConditionalFormattingArray();
            CTConditionalFormatting[] actual = sheet(shared).getCTWorksheet().getConditionalFormattingArray();
            assertThat(actual).hasSameSizeAs(expected).hasSize(4);
            List<Long> colours = List.of((long) IndexedColors.LIGHT_GREEN.getIndex(),
                    (long) IndexedColors.LIGHT_YELLOW.getIndex(), (long) IndexedColors.ROSE.getIndex());
            for (int f = 0; f < expected.length; f++) {
                assertThat(actual[f].getSqref()).isEqualTo(expected[f].getSqref());
                for (int r = 0; r < 3; r++) {
                    CTCfRule want = expected[f].getCfRuleArray(r);
                    CTCfRule got = actual[f].getCfRuleArray(r);
                    assertThat(got.getFormulaArray()).containsExactly(want.getFormulaArray());
                    assertThat(got.getPriority()).isEqualTo(want.getPriority());
                    assertThat(got.getDxfId()).isEqualTo(r);
                    assertThat(sharedStyles.getDxfAt((int) got.getDxfId()).xmlText())
                            .isEqualTo(ownStyles.getDxfAt((int) want.getDxfId()).xmlText());
                    assertThat(sharedStyles.getDxfAt((int) got.getDxfId()).getFill().getPatternFill().getBgColor()
                            .getIndexed()).isEqualTo(colours.get(r));
                }
            }
            assertThat(actual[3].getCfRuleArray(2).getFormulaArray(0)).isEqualTo("AND(ISNUMBER(F15),F15<0.59)");
        }
    }

    private static XSSFSheet sheet(SXSSFWorkbook workbook) {
        return workbook.getXSSFWorkbook().getSheet("Schede");
    }
}
