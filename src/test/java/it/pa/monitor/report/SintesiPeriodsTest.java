package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.sheets.SintesiSheet;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sintesi over the year: Massa-Carrara's report prints the ente, ambiti and units at 30 June and at
 * 31 December side by side (seed 000, lines 1980-1993). The year end is scored by the engine from the
 * published values; the report publishes no indicator values at 30 June, only the aggregates, so the
 * 30 June run's stored results are those published aggregates (areas: the simple mean of their
 * units, computed by hand below, as the methodology does).
 */
public class SintesiPeriodsTest {

    @TempDir
    static Path folder;
    private static XSSFSheet sheet;

    /** The 30/06/2022 column of the report (lines 1982-1993). */
    static PeriodResults publishedAtJune(String ente) {
        Map<String, Double> units = Map.of("S_RI", 100.0, "S_RM", 100.0, "S_PRO", 89.69, "S_RF", 90.0,
                "S_AG", 93.33, "ISR", 100.0,
                // areas = simple mean of their units: (100 + 100)/2, (89,69 + 90)/2, (93,33 + 100)/2
                "A_ARM", 100.0, "A_PA", 89.845, "A_SG", 96.665);
        List<ItemResult> items = new java.util.ArrayList<>(List.of(
                item(Level.ENTE, ente, 77.55), item(Level.AMBITO, "AS1", 86.52), item(Level.AMBITO, "AS2", 82.63),
                item(Level.AMBITO, "AS3", 71.22)));
        units.forEach((code, value) -> items.add(item(Level.UNITA, code, value)));
        return new PeriodResults(Period.parse("2022-S1"), List.of(), items, Map.of());
    }

    private static ItemResult item(Level level, String code, double points) {
        return new ItemResult(level, code, null, null, BigDecimal.valueOf(points), "pubblicato al 30/06/2022");
    }

    @BeforeAll
    static void write() {
        ReportData year = ReportFixtures.massaCarrara();
        ReportData data = new ReportData(year.plan(), year.methodology(), year.period(), year.current(),
                List.of(publishedAtJune(year.plan().ente()), year.current()), year.values(), year.quality(),
                year.sources());
        XSSFWorkbook workbook = WrittenSheet.write(new SintesiSheet(), data, folder);
        sheet = workbook.getSheet("Sintesi");
    }

    @Test
    void enteAt30JuneAnd31December() {
        int header = rowOf("PERFORMANCE DI ENTE") + 1;
        assertThat(WrittenSheet.texts(sheet.getRow(header)))
                .containsExactly("Ente", "", "", "al 30/06/2022", "al 31/12/2022", "Valutazione");
        assertPercent(header + 1, 3, 77.55);
        assertPercent(header + 1, 4, 99.89);
        // The band is the latest period's.
        assertThat(WrittenSheet.text(sheet.getRow(header + 1), 5)).isEqualTo("Raggiunto");
        assertThat(WrittenSheet.hasTrafficLight(sheet, sheet.getRow(header + 1).getCell(3))).isTrue();
        assertThat(WrittenSheet.hasTrafficLight(sheet, sheet.getRow(header + 1).getCell(4))).isTrue();
    }

    @Test
    void ambitiAt30JuneAnd31December() {
        int header = rowOf("PERFORMANCE DEGLI AMBITI STRATEGICI") + 1;
        assertThat(WrittenSheet.texts(sheet.getRow(header)))
                .containsExactly("Codice", "Ambito strategico", "Peso", "al 30/06/2022", "al 31/12/2022", "Valutazione");
        double[][] published = {{86.52, 100.00}, {82.63, 100.00}, {71.22, 99.78}};
        for (int i = 0; i < 3; i++) {
            assertThat(WrittenSheet.text(sheet.getRow(header + 1 + i), 0)).isEqualTo("AS" + (i + 1));
            assertPercent(header + 1 + i, 3, published[i][0]);
            assertPercent(header + 1 + i, 4, published[i][1]);
        }
    }

    @Test
    void unitsAt30JuneAnd31December() {
        assertPercent(rowOf("Servizio Promozione"), 3, 89.69);
        assertPercent(rowOf("Servizio Promozione"), 4, 99.63);
        assertPercent(rowOf("Servizio Risorse finanziarie, Acquisti e Patrimonio"), 3, 90.00);
        assertPercent(rowOf("Servizio Risorse finanziarie, Acquisti e Patrimonio"), 4, 100.00);
        assertPercent(rowOf("Servizio AA.GG. e Risorse umane"), 3, 93.33);
        assertPercent(rowOf("Servizio AA.GG. e Risorse umane"), 4, 100.00);
        assertPercent(rowOf("ISR"), 3, 100.00);
        assertPercent(rowOf("Area Promozione ed Amministrazione"), 3, 89.845);
        assertPercent(rowOf("Area Promozione ed Amministrazione"), 4, 99.81);
        assertThat(WrittenSheet.text(sheet.getRow(rowOf("Servizio Promozione")), 5)).isEqualTo("Raggiunto");
    }

    @Test
    void chartsShowTheLatestPeriod() {
        int ambiti = rowOf("PERFORMANCE DEGLI AMBITI STRATEGICI") + 2;
        var series = sheet.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeries(0);
        assertThat(series.getValuesData().getDataRangeReference())
                .isEqualTo("Sintesi!$E$" + (ambiti + 1) + ":$E$" + (ambiti + 3));
    }

    @Test
    void theStrategicObjectivesTableKeepsOneResult() {
        int header = rowOf("PERFORMANCE OBIETTIVI STRATEGICI") + 1;
        assertThat(WrittenSheet.texts(sheet.getRow(header)))
                .containsExactly("Codice", "Obiettivo strategico", "Ambito", "Peso", "Risultato", "Valutazione");
    }

    @Test
    void twoRunsEndingOnTheSameDayShowOnce() {
        ReportData year = ReportFixtures.massaCarrara();
        PeriodResults s2 = new PeriodResults(Period.parse("2022-S2"), List.of(), year.current().items(), Map.of());
        ReportData data = new ReportData(year.plan(), year.methodology(), year.period(), year.current(),
                List.of(year.history().get(0), s2, year.current()), year.values(), year.quality(), year.sources());
        assertThat(SintesiSheet.periodsOfTheYear(data)).extracting(p -> p.period().code())
                .containsExactly("2022-S1", "2022");
    }

    private static void assertPercent(int row, int column, double published) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).as("row %d col %d", row, column).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("row %d col %d", row, column)
                .isCloseTo(published / 100, within(0.00005));
    }

    private static int rowOf(String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + text);
    }
}
