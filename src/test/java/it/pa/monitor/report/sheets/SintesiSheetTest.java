package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.report.RelazioneWriter;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.data.BandCounts;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sintesi sheet for Massa-Carrara 2022 against the published summary tables (seed 000, lines 1975-2036). */
public class SintesiSheetTest {

    private static final double TOLERANCE = 0.00005;

    @TempDir
    static Path folder;

    private static XSSFSheet sheet;

    @BeforeAll
    static void writeMassaCarrara() throws IOException {
        ReportData data = ReportFixtures.massaCarrara();
        sheet = writeAndRead(withFormulaLikeHead(data), folder.resolve("sintesi.xlsx")).getSheet("Sintesi");
    }

    @Test
    void titleAndPeriodLine() {
        assertThat(sheet.getWorkbook().getSheetIndex("Sintesi")).isZero();
        assertThat(text(0, 0)).isEqualTo("Relazione sulla performance 2022 – Camera di Commercio di Massa-Carrara");
        assertThat(text(1, 0)).isEqualTo("Periodo 2022 – dati al 31/12/2022");
    }

    @Test
    void blocksHaveBoldCaptionsAndTheirOwnHeaders() {
        for (String caption : List.of("PERFORMANCE DI ENTE", "PERFORMANCE DEGLI AMBITI STRATEGICI",
                "PERFORMANCE DELLE UNITÀ ORGANIZZATIVE", "PERFORMANCE OBIETTIVI STRATEGICI")) {
            int row = rowOf(caption);
            assertThat(sheet.getWorkbook().getFontAt(sheet.getRow(row).getCell(0).getCellStyle().getFontIndex())
                    .getBold()).as(caption).isTrue();
        }
        assertThat(headers(rowOf("PERFORMANCE DI ENTE") + 1)).containsExactly("Ente", "", "", "Risultato", "Valutazione");
        assertThat(headers(rowOf("PERFORMANCE DEGLI AMBITI STRATEGICI") + 1))
                .containsExactly("Codice", "Ambito strategico", "Peso", "Risultato", "Valutazione");
        assertThat(headers(rowOf("PERFORMANCE DELLE UNITÀ ORGANIZZATIVE") + 1))
                .containsExactly("Unità organizzativa", "", "Responsabile", "Risultato", "Valutazione");
        assertThat(headers(rowOf("PERFORMANCE OBIETTIVI STRATEGICI") + 1))
                .containsExactly("Codice", "Obiettivo strategico", "Ambito", "Peso", "Risultato", "Valutazione");
        assertThat(headers(rowOf("OBIETTIVI OPERATIVI PER FASCIA DI RISULTATO") + 1))
                .containsExactly("Fascia di risultato", "", "Valore assoluto", "Valore %");
    }

    @Test
    void enteAsPublished() {
        int row = rowOf("PERFORMANCE DI ENTE") + 2;
        assertThat(text(row, 0)).isEqualTo("Camera di Commercio di Massa-Carrara");
        assertPercent(row, 3, 99.89);
        assertThat(text(row, 4)).isEqualTo("Raggiunto");
        assertLights(row, row, 3);
    }

    @Test
    void ambitiWithWeightAndResult() {
        int first = rowOf("PERFORMANCE DEGLI AMBITI STRATEGICI") + 2;
        assertThat(List.of(text(first, 0), text(first + 1, 0), text(first + 2, 0))).containsExactly("AS1", "AS2", "AS3");
        int as3 = first + 2;
        assertThat(text(as3, 1)).startsWith("Promuovere la competitività, l'innovazione");
        assertThat(sheet.getRow(as3).getCell(2).getNumericCellValue()).isCloseTo(0.50, within(1e-9));
        assertThat(sheet.getRow(as3).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertPercent(first, 3, 100.00);
        assertPercent(first + 1, 3, 100.00);
        assertPercent(as3, 3, 99.78);
        assertThat(text(as3, 4)).isEqualTo("Raggiunto");
        assertLights(first, as3, 3);
    }

    @Test
    void areasInBoldWithTheirServiziIndentedAndIsrAmongTheExternalUnits() {
        int area = rowOf("Area Promozione ed Amministrazione");
        assertThat(bold(area, 0)).isTrue();
        assertPercent(area, 3, 99.81);
        assertThat(text(area, 2)).isEqualTo("Ciabatti Enrico (ad interim)");
        int servizio = area + 1;
        assertThat(text(servizio, 0)).isEqualTo("Servizio Promozione");
        assertThat(bold(servizio, 0)).isFalse();
        assertThat(sheet.getRow(servizio).getCell(0).getCellStyle().getIndention()).isPositive();
        assertPercent(servizio, 3, 99.63);
        assertThat(text(servizio, 4)).isEqualTo("Raggiunto");
        assertThat(text(servizio + 1, 0)).isEqualTo("Servizio Risorse finanziarie, Acquisti e Patrimonio");
        assertPercent(servizio + 1, 3, 100.00);

        assertPercent(rowOf("Area Anagrafica e Regolazione del Mercato"), 3, 100.00);
        assertPercent(rowOf("Servizio Registro Imprese"), 3, 100.00);
        assertPercent(rowOf("Area Segretario Generale"), 3, 100.00);
        assertThat(text(rowOf("Area Segretario Generale") + 1, 0)).isEqualTo("Servizio AA.GG. e Risorse umane");

        int external = rowOf("Aziende speciali e fondazioni");
        assertThat(external).isGreaterThan(rowOf("Servizio AA.GG. e Risorse umane"));
        assertThat(text(external + 1, 0)).isEqualTo("ISR");
        assertPercent(external + 1, 3, 100.00);
        assertThat(rowOf("ISR")).isEqualTo(external + 1);
        assertLights(rowOf("Area Anagrafica e Regolazione del Mercato"), external + 1, 3);
    }

    @Test
    void officeTextStaysText() {
        Cell head = sheet.getRow(rowOf("Servizio Promozione")).getCell(2);
        assertThat(head.getCellType()).isEqualTo(CellType.STRING);
        assertThat(head.getStringCellValue()).isEqualTo("=SUM(A1:A9)");
    }

    @Test
    void strategicObjectives() {
        int first = rowOf("PERFORMANCE OBIETTIVI STRATEGICI") + 2;
        int os31 = rowOf("OS_3.1");
        assertThat(os31).isBetween(first, first + 7);
        assertThat(text(os31, 2)).isEqualTo("AS3");
        assertThat(sheet.getRow(os31).getCell(3).getNumericCellValue()).isCloseTo(0.50, within(1e-9));
        assertPercent(os31, 4, 99.56);
        assertThat(text(os31, 5)).isEqualTo("Raggiunto");
        assertPercent(rowOf("OS_1.1"), 4, 100.00);
        assertLights(first, first + 7, 4);
    }

    @Test
    void operationalObjectivesByBand() {
        int header = rowOf("OBIETTIVI OPERATIVI PER FASCIA DI RISULTATO") + 1;
        assertThat(text(header + 1, 0)).isEqualTo("Obiettivi operativi con risultato superiore al 90%");
        assertThat(text(header + 2, 0)).isEqualTo("Obiettivi operativi con risultato tra il 50% e il 90%");
        assertThat(text(header + 3, 0)).isEqualTo("Obiettivi operativi con risultato inferiore al 50%");
        assertThat(text(header + 4, 0)).isEqualTo("Totale");
        // Published: "n. 15 raggiunti al 100%, n. 1 raggiunto al 96,67%" → 16 above 90 %.
        assertThat(number(header + 1, 2)).isEqualTo(16.0);
        assertThat(number(header + 2, 2)).isZero();
        assertThat(number(header + 3, 2)).isZero();
        assertThat(number(header + 4, 2)).isEqualTo(16.0);
        assertThat(number(header + 1, 3)).isCloseTo(1.0, within(1e-9));
        assertThat(number(header + 2, 3)).isZero();
        assertThat(sheet.getRow(header + 1).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(bold(header + 4, 0)).isTrue();
        assertThat(bold(header + 4, 2)).isTrue();
    }

    @Test
    void twoBarChartsDrawnFromTheTables() {
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(2);
        int ambiti = rowOf("PERFORMANCE DEGLI AMBITI STRATEGICI") + 2;
        assertSeries(charts.get(0), "$A$" + (ambiti + 1) + ":$A$" + (ambiti + 3),
                "$D$" + (ambiti + 1) + ":$D$" + (ambiti + 3));
        // Every unit row, the "Aziende speciali e fondazioni" caption left out.
        int units = rowOf("PERFORMANCE DELLE UNITÀ ORGANIZZATIVE") + 2;
        int caption = rowOf("Aziende speciali e fondazioni");
        int isr = rowOf("ISR");
        assertSeries(charts.get(1), "($A$" + (units + 1) + ":$A$" + caption + ",Sintesi!$A$" + (isr + 1) + ")",
                "($D$" + (units + 1) + ":$D$" + caption + ",Sintesi!$D$" + (isr + 1) + ")");
        // Below every table, so they cover nothing.
        int lastTableRow = rowOf("Totale");
        sheet.getDrawingPatriarch().getShapes().forEach(shape -> assertThat(
                ((org.apache.poi.xssf.usermodel.XSSFClientAnchor) shape.getAnchor()).getRow1())
                .isGreaterThan(lastTableRow));
    }

    @Test
    void frozenTitleAndPrintSetup() {
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getLandscape()).isTrue();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isZero();
        assertThat(sheet.getFitToPage()).isTrue();
    }

    @Test
    void thresholdsInItalian() {
        assertThat(BandCounts.withArticle(BigDecimal.valueOf(90), true)).isEqualTo("al 90%");
        assertThat(BandCounts.withArticle(new BigDecimal("80.0"), true)).isEqualTo("all'80%");
        assertThat(BandCounts.withArticle(new BigDecimal("80"), false)).isEqualTo("l'80%");
        assertThat(BandCounts.withArticle(new BigDecimal("47.5"), false)).isEqualTo("il 47,5%");
    }

    @Test
    void interimPeriodLine() throws IOException {
        ReportData year = ReportFixtures.massaCarrara();
        ReportData interim = new ReportData(year.plan(), year.methodology(), year.history().get(0).period(),
                year.history().get(0), year.history().subList(0, 1), year.values(), year.quality(), year.sources());
        XSSFSheet s1 = writeAndRead(interim, folder.resolve("interim.xlsx")).getSheet("Sintesi");
        assertThat(s1.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Periodo 2022-S1 – dati al 30/06/2022");
    }

    @Test
    void tnoRendersItsOwnTree() throws IOException {
        XSSFSheet tno = writeAndRead(ReportFixtures.tno(), folder.resolve("tno.xlsx")).getSheet("Sintesi");
        int row = find(tno, "PERFORMANCE DI ENTE") + 2;
        // The fixture ran 2022-S1 before the year end: the year end is the second result column.
        assertThat(tno.getRow(row - 1).getCell(4).getStringCellValue()).isEqualTo("al 31/12/2022");
        assertThat(tno.getRow(row).getCell(4).getNumericCellValue()).isCloseTo(0.9930, within(TOLERANCE));
        assertThat(tno.getDrawingPatriarch().getCharts()).hasSize(2);
    }

    @Test
    void chartsSurviveTheStreamingWorkbook(@TempDir Path output) throws IOException {
        Path written = new RelazioneWriter(List.of(new AlberoSheet(), new SintesiSheet()))
                .write(ReportFixtures.massaCarrara(), output);
        try (InputStream in = Files.newInputStream(written); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Sintesi");
            assertThat(workbook.getSheetName(1)).isEqualTo("Albero");
            assertThat(workbook.getSheet("Sintesi").getDrawingPatriarch().getCharts()).hasSize(2);
        }
    }

    private static void assertSeries(XSSFChart chart, String categories, String values) {
        List<XDDFChartData> data = chart.getChartSeries();
        assertThat(data).hasSize(1);
        XDDFBarChartData bars = (XDDFBarChartData) data.get(0);
        assertThat(bars.getBarGrouping()).isEqualTo(BarGrouping.CLUSTERED);
        assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
        XDDFChartData.Series series = bars.getSeries(0);
        assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo(sheetPrefixed(categories));
        assertThat(series.getValuesData().getDataRangeReference()).isEqualTo(sheetPrefixed(values));
        XDDFValueAxis axis = (XDDFValueAxis) chart.getAxes().stream().filter(a -> a instanceof XDDFValueAxis)
                .findFirst().orElseThrow();
        assertThat(axis.getMinimum()).isZero();
        assertThat(axis.getMaximum()).isEqualTo(1.0);
        assertThat(axis.getNumberFormat()).isEqualTo("0%");
    }

    /** "$A$1:$A$3" → "Sintesi!$A$1:$A$3"; "($A$1:$A$3,Sintesi!$A$5)" → "(Sintesi!$A$1:$A$3,Sintesi!$A$5)". */
    private static String sheetPrefixed(String reference) {
        return reference.startsWith("(") ? "(Sintesi!" + reference.substring(1) : "Sintesi!" + reference;
    }

    /** The fixture with an office-typed responsabile that looks like a formula. */
    private static ReportData withFormulaLikeHead(ReportData data) {
        Plan p = data.plan();
        List<OrgUnit> units = new ArrayList<>();
        for (OrgUnit u : p.units()) {
            units.add(u.code().equals("S_PRO")
                    ? new OrgUnit(u.code(), u.name(), u.type(), u.parentCode(), "=SUM(A1:A9)", u.rowNo()) : u);
        }
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), units, p.ambiti(),
                p.strategicObjectives(), p.operationalObjectives(), p.indicators(), p.scorecards(), p.pira());
        // The year end alone: the one-result-column layout (the periods side by side are SintesiPeriodsTest's).
        return new ReportData(plan, data.methodology(), data.period(), data.current(), List.of(data.current()),
                data.values(), data.quality(), data.sources());
    }

    private static XSSFWorkbook writeAndRead(ReportData data, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            assertThat(new SintesiSheet().write(workbook, data, new ReportStyles(workbook))).isTrue();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void assertPercent(int row, int column, double published) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).as("row %d", row).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("row %d", row).isCloseTo(published / 100, within(TOLERANCE));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
    }

    /** The traffic light covers exactly the result cells {@code first..last} of {@code column}. */
    private static void assertLights(int first, int last, int column) {
        var formatting = sheet.getSheetConditionalFormatting();
        CellRangeAddress expected = new CellRangeAddress(first, last, column, column);
        boolean found = false;
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            ConditionalFormatting f = formatting.getConditionalFormattingAt(i);
            for (CellRangeAddress range : f.getFormattingRanges()) {
                if (range.formatAsString().equals(expected.formatAsString())) {
                    found = true;
                    assertThat(f.getNumberOfRules()).isEqualTo(3);
                    assertThat(f.getRule(0).getFormula1()).contains(">=0.9");
                    assertThat(f.getRule(2).getFormula1()).contains("<0.5");
                }
            }
        }
        assertThat(found).as("traffic light on %s", expected.formatAsString()).isTrue();
    }

    private static List<String> headers(int row) {
        List<String> headers = new ArrayList<>();
        Row r = sheet.getRow(row);
        for (int c = 0; c < r.getLastCellNum(); c++) {
            Cell cell = r.getCell(c);
            headers.add(cell == null ? "" : cell.getStringCellValue());
        }
        return headers;
    }

    private static String text(int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static double number(int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }

    private static boolean bold(int row, int column) {
        return sheet.getWorkbook().getFontAt(sheet.getRow(row).getCell(column).getCellStyle().getFontIndex()).getBold();
    }

    private static int rowOf(String text) {
        return find(sheet, text);
    }

    private static int find(XSSFSheet in, String text) {
        for (Row row : in) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with «" + text + "»");
    }
}
