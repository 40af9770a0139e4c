package it.pa.monitor.report.sheets;

import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.WrittenSheet;
import it.pa.monitor.report.data.ReportData;

import it.pa.monitor.problem.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColorPreset;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confronto anni for Massa-Carrara 2022 with a Storico sheet. The 2021 indicator values are those the
 * report prints in its "obiettivi comuni" table, column "Valore CCIAA" (seed 000, lines 1919-1958); the
 * indicators marked Significativo are the report's "indicatori più significativi" (lines 1995-2000). The
 * report publishes no ente, ambito, OS or unit results of earlier years: those rows of the sheet are
 * illustrative figures, and the test checks that they come out exactly as typed and matched by code.
 */
public class ConfrontoAnniSheetTest {

    public static final List<List<String>> STORICO = List.of(
            List.of("Anno", "Livello", "Codice", "Valore", "Risultato"),
            List.of("2021", "Ente", "", "", "98,75 %"),
            List.of("2021", "Ambito", "AS1", "", "99,10 %"),
            List.of("2021", "Ambito", "AS2", "", "97,40 %"),
            List.of("2021", "Ambito", "AS3", "", "99,00 %"),
            List.of("2020", "ente", "", "", "96,20%"),
            List.of("2020", "Ambito", "AS1", "", "95"),
            List.of("2020", "Ambito", "AS2", "", "97,4 %"),
            List.of("2021", "Obiettivo strategico", "OS_3.2", "", "100,00 %"),
            List.of("2021", "Unità", "Servizio Promozione", "", "97,50 %"),
            List.of("2021", "Indicatore", "OS_3.2/OC_TBS_03", "14,30", ""),
            List.of("2021", "Indicatore", "OS_3.2/OC_TBS_02", "21%", ""),
            List.of("2021", "Indicatore", "OS_2.1/EC27", "-9,96%", ""),
            List.of("2021", "Indicatore", "OS_2.2/OC_TD_02", "13", ""));

    public static final List<String> SIGNIFICANT = List.of("OO_2.3.2/Percent_CartaServizi",
            "OO_2.1.3/Percent_CustomerEnte", "OO_2.3.1/Percent_IndiceTrasp", "OS_3.2/OC_TBS_03",
            "OO_1.2.2/Ind_Sint_Prog_20");

    @TempDir
    static Path folder;
    private static XSSFSheet sheet;
    private static final List<Problem> PROBLEMS = new ArrayList<>();

    @BeforeAll
    static void write() {
        ReportData data = ReportFixtures.massaCarraraWithStorico(STORICO, SIGNIFICANT, PROBLEMS);
        sheet = WrittenSheet.write(new ConfrontoAnniSheet(), data, folder).getSheet("Confronto anni");
    }

    @Test
    void theStoricoSheetIsReadWithoutProblems() {
        assertThat(PROBLEMS).filteredOn(p -> "Storico".equals(p.sheet())).isEmpty();
    }

    @Test
    void resultsOverTheYearsMatchedByCode() {
        int header = rowOf(0, ConfrontoAnniSheet.RESULTS) + 1;
        assertThat(WrittenSheet.texts(sheet.getRow(header)))
                .containsExactly("Livello", "Codice", "Descrizione", "2020", "2021", "2022");
        Row ente = sheet.getRow(header + 1);
        assertThat(WrittenSheet.text(ente, 0)).isEqualTo("Ente");
        assertThat(WrittenSheet.text(ente, 2)).isEqualTo("Camera di Commercio di Massa-Carrara");
        assertPercent(ente, 3, 96.20);
        assertPercent(ente, 4, 98.75);
        assertPercent(ente, 5, 99.89); // published year-end result, computed by the engine
        Row as1 = row(1, "AS1");
        assertPercent(as1, 3, 95.00);
        assertPercent(as1, 4, 99.10);
        assertPercent(as1, 5, 100.00);
        Row as3 = row(1, "AS3");
        assertThat(WrittenSheet.text(as3, 3)).isEqualTo("non presente");
        assertPercent(as3, 4, 99.00);
        assertPercent(as3, 5, 99.78);
        assertPercent(row(1, "OS_3.2"), 4, 100.00);
        assertThat(WrittenSheet.text(row(1, "OS_3.1"), 4)).isEqualTo("non presente");
        // The unit was typed by name in Storico: matched to its code.
        Row promozione = row(1, "S_PRO");
        assertThat(WrittenSheet.text(promozione, 3)).isEqualTo("non presente");
        assertPercent(promozione, 4, 97.50);
        assertPercent(promozione, 5, 99.63);
        assertThat(WrittenSheet.text(row(1, "S_RF"), 4)).isEqualTo("non presente");
        assertThat(WrittenSheet.hasTrafficLight(sheet, ente.getCell(4))).isTrue();
    }

    @Test
    void significantIndicatorsWithTheirValuesAsTyped() {
        int header = rowOf(0, ConfrontoAnniSheet.SIGNIFICANT) + 1;
        assertThat(WrittenSheet.texts(sheet.getRow(header))).containsExactly("Indicatore", "", "", "Target 2022",
                "Risultato 2022", "Risultato 2021", "Risultato 2020");
        List<String> names = new ArrayList<>();
        for (int r = header + 1; r <= header + 5; r++) {
            names.add(WrittenSheet.text(sheet.getRow(r), 0));
        }
        // In plan order, as the Indicatori sheet lists them.
        assertThat(names).containsExactly(
                "OS_3.2/OC_TBS_03 – Grado di rilascio di strumenti digitali",
                "OO_1.2.2/Ind_Sint_Prog_20 – Indicatore sintetico degli obiettivi dei progetti del 20%",
                "OO_2.1.3/Percent_CustomerEnte – Valutazione (giudizio: buono o +) di customer satisfaction sulle"
                        + " attività realizzate dalla Camera come risultato da Indagine ISR",
                "OO_2.3.1/Percent_IndiceTrasp – Indice sintetico di trasparenza dell'Amministrazione (rapporto"
                        + " pagine sito)",
                "OO_2.3.2/Percent_CartaServizi – Grado di rispetto degli standard previsti dalla Carta dei servizi"
                        + " misurato dal numero di indicatori che rispettano lo standard rispetto al totale");
        Row tbs03 = sheet.getRow(header + 1);
        assertThat(WrittenSheet.text(tbs03, 3)).isEqualTo(">= 6,00 N.");
        assertThat(WrittenSheet.text(tbs03, 4)).isEqualTo("11,44 N.");
        assertThat(WrittenSheet.text(tbs03, 5)).isEqualTo("14,30");
        assertThat(WrittenSheet.text(tbs03, 6)).isEqualTo("non presente");
        Row carta = sheet.getRow(header + 5);
        assertThat(WrittenSheet.text(carta, 4)).isEqualTo("100,00 %");
        assertThat(WrittenSheet.text(carta, 5)).isEqualTo("non presente");
    }

    @Test
    void aLineChartOfTheEnteAndTheAmbiti() {
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(1);
        List<XDDFChartData> data = charts.get(0).getChartSeries();
        assertThat(data.get(0)).isInstanceOf(XDDFLineChartData.class);
        XDDFChartData lines = data.get(0);
        assertThat(lines.getSeriesCount()).isEqualTo(4);
        XDDFChartData.Series ente = lines.getSeries(0);
        assertThat(ente.getCategoryData().getPointCount()).isEqualTo(3);
        assertThat(ente.getValuesData().getPointAt(0)).isEqualTo(0.962);
        assertThat(((Number) ente.getValuesData().getPointAt(2)).doubleValue()).isCloseTo(0.9989, within(0.00005));
        // AS3 has no 2020 result: a gap, not a zero.
        String as3 = lines.getSeries(3).getValuesData().getDataRangeReference();
        var range = org.apache.poi.ss.util.CellRangeAddress.valueOf(as3.substring(as3.indexOf('!') + 1));
        Cell first = sheet.getRow(range.getFirstRow()).getCell(range.getFirstColumn());
        assertThat(first == null || first.getCellType() == CellType.BLANK).isTrue();
        assertThat(sheet.isColumnHidden(range.getFirstColumn())).isTrue();
        assertThat(sheet.getRow(range.getFirstRow()).getCell(range.getFirstColumn() + 1).getNumericCellValue())
                .isEqualTo(0.99);
    }

    @Test
    void eachLineHasItsOwnColourInTheChartsOrder() {
        // The colours are made when a chart is written (not when the bean is): they must still be there.
        XDDFChartData lines = sheet.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
        List<PresetColor> colours = new ArrayList<>();
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            var fill = (XDDFSolidFillProperties) lines.getSeries(i).getShapeProperties().getLineProperties()
                    .getFillProperties();
            colours.add(((XDDFColorPreset) fill.getColor()).getValue());
        }
        assertThat(colours).containsExactly(PresetColor.MIDNIGHT_BLUE, PresetColor.STEEL_BLUE,
                PresetColor.DARK_ORANGE, PresetColor.SEA_GREEN);
    }

    @Test
    void noSheetWithoutAnEarlierYear() {
        var workbook = WrittenSheet.write(new ConfrontoAnniSheet(), ReportFixtures.massaCarrara(), folder.resolve(".."));
        assertThat(workbook.getSheet("Confronto anni")).isNull();
    }

    private static void assertPercent(Row row, int column, double points) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("%s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("%s", cell.getAddress()).isCloseTo(points / 100, within(0.00005));
    }

    private static Row row(int column, String text) {
        return sheet.getRow(rowOf(column, text));
    }

    private static int rowOf(int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + text);
    }
}
