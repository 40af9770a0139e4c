package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;

/** Traffic lights applied range after range on one sheet write exactly what POI's own path writes. */
public class TrafficLightsOnSheetTest {

    private static final Methodology CUSTOM = Methodology.from(Map.of("soglia_raggiunto", "95",
            "soglia_non_raggiunto", "60", "tolleranza", "1"), new ArrayList<>());
    private static final List<CellRangeAddress> RANGES = List.of(new CellRangeAddress(3, 3, 1, 1),
            new CellRangeAddress(5, 9, 5, 5), new CellRangeAddress(12, 12, 1, 1), new CellRangeAddress(14, 20, 5, 5));

    @Test
    void theSameRulesFillsAndPrioritiesAsPoisPath() throws IOException {
        try (XSSFWorkbook expected = new XSSFWorkbook(); SXSSFWorkbook actual = new SXSSFWorkbook(50)) {
            XSSFSheet poi = expected.createSheet("Schede");
            var streamed = actual.createSheet("Schede");
            // A range coloured before: the numbering of the rules continues after its three.
            TrafficLights.apply(poi, new CellRangeAddress(0, 0, 0, 0), CUSTOM);
            TrafficLights.apply(streamed, new CellRangeAddress(0, 0, 0, 0), CUSTOM);
            RANGES.forEach(range -> TrafficLights.apply(poi, range, CUSTOM));
            TrafficLights.OnSheet lights = new TrafficLights.OnSheet(streamed, CUSTOM);
            RANGES.forEach(lights::apply);

            XSSFSheet written = actual.getXSSFWorkbook().getSheet("Schede");
            assertThat(xml(written.getCTWorksheet().getConditionalFormattingArray()))
                    .isEqualTo(xml(poi.getCTWorksheet().getConditionalFormattingArray()));
            assertThat(written.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(5);
            assertThat(dxfs(actual.getXSSFWorkbook().getStylesSource())).hasSize(15)
                    .isEqualTo(dxfs(expected.getStylesSource()));
            assertThat(written.getSheetConditionalFormatting().getConditionalFormattingAt(4).getRule(2)
                    .getFormula1()).isEqualTo("AND(ISNUMBER(F15),F15<0.59)");
        }
    }

    private static List<String> dxfs(StylesTable styles) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < styles._getDXfsSize(); i++) {
            texts.add(styles.getDxfAt(i).xmlText());
        }
        return texts;
    }

    private static List<String> xml(XmlObject[] objects) {
        List<String> texts = new ArrayList<>();
        for (XmlObject object : objects) {
            texts.add(object.xmlText());
        }
        return texts;
    }
}
