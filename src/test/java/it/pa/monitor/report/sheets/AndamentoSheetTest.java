package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.PlanScorer;
import it.pa.monitor.scoring.PlanScores;
import it.pa.monitor.scoring.ScoringContext;
import it.pa.monitor.values.ActualValue;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;

public class AndamentoSheetTest {

    private static final double TOLERANCE = 0.00005;

    @TempDir
    Path folder;

    @Test
    void showsEveryPeriodOfTheYearWithThePublishedYearEndResults() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Andamento");
            assertThat(sheet).isNotNull();
            assertThat(texts(sheet.getRow(2))).containsExactly("Obiettivo", "Indicatore", "Target",
                    "2022-S1 valore", "2022-S1 %", "2022 valore", "2022 %", "Target pro rata al 30/06/2022",
                    "Previsione fine anno al 30/06/2022", "% prevista", "A rischio al 30/06/2022");
            int yearEnd = column(sheet, "2022 %");
            int interim = column(sheet, "2022-S1 %");

            // Published: OS_3.1 99,56 %, OO_3.1.2 96,67 %, the PID project 93,33 % (EXPECTED.md).
            Row os31 = objectiveRow(sheet, "OS_3.1");
            assertThat(os31.getCell(yearEnd).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(os31.getCell(yearEnd).getNumericCellValue()).isCloseTo(0.9956, within(TOLERANCE));
            assertThat(os31.getCell(interim).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(workbook.getFontAt(os31.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(objectiveRow(sheet, "OO_3.1.2").getCell(yearEnd).getNumericCellValue())
                    .isCloseTo(0.9667, within(TOLERANCE));
            Row pid = indicatorRow(sheet, "OO_3.1.2/Indice_ProgPID");
            assertThat(pid.getCell(yearEnd).getNumericCellValue()).isCloseTo(0.9333, within(TOLERANCE));
            assertThat(pid.getCell(yearEnd).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(pid.getCell(column(sheet, "2022 valore")).getStringCellValue()).isEqualTo("93,33 %");
            assertThat(pid.getCell(2).getStringCellValue()).isEqualTo(ReportFixtures.massaCarrara().plan()
                    .indicators().stream().filter(i -> i.key().reference().equals("OO_3.1.2/Indice_ProgPID"))
                    .findFirst().orElseThrow().target().raw());

            // The objective row comes right above its indicators.
            assertThat(sheet.getRow(os31.getRowNum() + 1).getCell(1).getStringCellValue())
                    .startsWith("OS_3.1/");
            // The half-year value as reported for 2022-S1 (the fixture halves 10,00 N.).
            Row studi = indicatorRow(sheet, "OS_1.1/Studi_ISR");
            assertThat(studi.getCell(column(sheet, "2022-S1 valore")).getStringCellValue()).isEqualTo("5.00");
            assertThat(studi.getCell(column(sheet, "2022 valore")).getStringCellValue()).isEqualTo("10,00 N.");
            // The scorecards' own indicators are listed too, under their cruscotto.
            assertThat(indicatorRow(sheet, "CR01/SG3:2022_IND")).isNotNull();
        }
    }

    @Test
    void drawsOneLineChartPerStrategicObjectiveFromItsRow() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Andamento");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(8);
            int lastTableRow = indicatorRow(sheet, "CR02/C2.7.2_02").getRowNum();
            List<String> codes = List.of("OS_1.1", "OS_1.2", "OS_2.1", "OS_2.2", "OS_2.3", "OS_3.1", "OS_3.2",
                    "OS_3.3");
            for (int i = 0; i < charts.size(); i++) {
                XSSFChart chart = charts.get(i);
                String code = codes.get(i);
                assertThat(chart.getTitleText().getString()).startsWith(code + " – ");
                assertThat(chart.getCTChart().getPlotArea().getLineChartList()).hasSize(1);
                CTLineSer series = chart.getCTChart().getPlotArea().getLineChartArray(0).getSerArray(0);
                // The OS row of the summary table, its two period columns; categories are the period codes.
                Row summary = summaryRow(sheet, code, lastTableRow);
                assertThat(series.getVal().getNumRef().getF()).isEqualTo(
                        new CellRangeAddress(summary.getRowNum(), summary.getRowNum(), 2, 3)
                                .formatAsString("Andamento", true));
                String categories = series.getCat().getStrRef().getF();
                CellRangeAddress header = CellRangeAddress.valueOf(categories.substring(categories.indexOf('!') + 1));
                assertThat(sheet.getRow(header.getFirstRow()).getCell(2).getStringCellValue()).isEqualTo("2022-S1");
                assertThat(sheet.getRow(header.getFirstRow()).getCell(3).getStringCellValue()).isEqualTo("2022");
                assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getNumFmt().getFormatCode())
                        .isEqualTo("0%");
                assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getScaling().getMax().getVal())
                        .isEqualTo(1.0);
            }
            Row os31 = summaryRow(sheet, "OS_3.1", lastTableRow);
            assertThat(os31.getCell(3).getNumericCellValue()).isCloseTo(0.9956, within(TOLERANCE));
            // Below the tables, in a grid: no chart covers a table or another chart.
            List<XSSFClientAnchor> anchors = new ArrayList<>();
            for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
                anchors.add((XSSFClientAnchor) shape.getAnchor());
            }
            int lastSummaryRow = summaryRow(sheet, "OS_3.3", lastTableRow).getRowNum();
            for (XSSFClientAnchor a : anchors) {
                assertThat(a.getRow1()).isGreaterThan(lastSummaryRow);
                for (XSSFClientAnchor b : anchors) {
                    if (a != b) {
                        boolean apart = a.getRow2() <= b.getRow1() || b.getRow2() <= a.getRow1()
                                || a.getCol2() < b.getCol1() || b.getCol2() < a.getCol1()
                                || (a.getCol2() == b.getCol1() && a.getDx2() <= b.getDx1())
                                || (b.getCol2() == a.getCol1() && b.getDx2() <= a.getDx1());
                        assertThat(apart).as("charts overlap").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void appliesTrafficLightsFreezesAndPrintsLandscape() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Andamento");
            List<Integer> coloured = new ArrayList<>();
            for (int i = 0; i < sheet.getSheetConditionalFormatting().getNumConditionalFormattings(); i++) {
                ConditionalFormatting formatting = sheet.getSheetConditionalFormatting().getConditionalFormattingAt(i);
                assertThat(formatting.getNumberOfRules()).isEqualTo(3);
                for (CellRangeAddress range : formatting.getFormattingRanges()) {
                    if (range.getFirstRow() == 3) {
                        coloured.add(range.getFirstColumn());
                    }
                }
            }
            assertThat(coloured).contains(column(sheet, "2022-S1 %"), column(sheet, "2022 %"),
                    column(sheet, "% prevista"));
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 3);
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    @Test
    void showsProRataTargetForecastAndRiskBeforeTheYearEnd() throws IOException {
        ReportData yearEnd = ReportFixtures.massaCarrara();
        IndicatorKey studi = new IndicatorKey("OS_1.1", "Studi_ISR", 1);
        // Studi_ISR (">= 8,00 N.") made cumulative and scored at 30/06 with the fixture's half-year values.
        List<Indicator> indicators = yearEnd.plan().indicators().stream()
                .map(i -> i.key().equals(studi) ? cumulative(i) : i).toList();
        Plan p = yearEnd.plan();
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), p.ambiti(),
                p.strategicObjectives(), p.operationalObjectives(), indicators, p.scorecards(), p.pira());
        PeriodResults first = yearEnd.history().get(0);
        Map<IndicatorKey, ActualValue> actuals = new HashMap<>();
        yearEnd.valueHistory().forEach((key, reported) -> reported.stream()
                .filter(r -> r.period().equals(first.period())).map(ReportedValues.Reported::value)
                .forEach(v -> actuals.put(key, v)));
        PlanScores scores = new PlanScorer(yearEnd.methodology()).score(plan, actuals, Map.of(),
                ScoringContext.of(first.period()));
        Forecast.Projection projection = new Forecast.Projection(new BigDecimal("6.5"), new BigDecimal("81.25"),
                true, "ritmo attuale: valore × 12 / 6");
        PeriodResults interim = new PeriodResults(first.period(), scores.indicators(), scores.items(),
                Map.of(studi, projection));
        ReportedValue typed = yearEnd.values().get(studi);
        Map<IndicatorKey, ReportedValue> values = Map.of(studi, new ReportedValue(studi, "=SUM(A1)",
                typed.fileName(), typed.sha256(), typed.sheet(), typed.cell(), typed.unitCode(), typed.receivedAt()));
        ReportData data = new ReportData(plan, yearEnd.methodology(), first.period(), interim, List.of(interim),
                values, yearEnd.quality(), yearEnd.sources());

        try (XSSFWorkbook workbook = writeAndRead(data)) {
            XSSFSheet sheet = workbook.getSheet("Andamento");
            assertThat(texts(sheet.getRow(2))).containsExactly("Obiettivo", "Indicatore", "Target",
                    "2022-S1 valore", "2022-S1 %", "Target pro rata", "Previsione fine anno", "% prevista",
                    "A rischio");
            Row row = indicatorRow(sheet, "OS_1.1/Studi_ISR");
            Cell value = row.getCell(column(sheet, "2022-S1 valore"));
            assertThat(value.getCellType()).isEqualTo(CellType.STRING);
            // The value as typed (text, never a formula), and under it the target it was measured against.
            assertThat(value.getStringCellValue()).isEqualTo("=SUM(A1)\ntarget ≥ 4,00 N.");
            // ">= 8" for the year is ">= 4" at 30/06 (METHOD.md, interim periods).
            assertThat(row.getCell(column(sheet, "Target pro rata")).getNumericCellValue()).isEqualTo(4.0);
            assertThat(row.getCell(column(sheet, "Previsione fine anno")).getNumericCellValue()).isEqualTo(6.5);
            assertThat(row.getCell(column(sheet, "% prevista")).getNumericCellValue())
                    .isCloseTo(0.8125, within(TOLERANCE));
            Cell risk = row.getCell(column(sheet, "A rischio"));
            assertThat(risk.getStringCellValue()).isEqualTo("Sì");
            var font = workbook.getFontAt(risk.getCellStyle().getFontIndex());
            assertThat(font.getBold()).isTrue();
            assertThat(font.getColor()).isEqualTo(IndexedColors.RED.getIndex());
            // Not cumulative: no pro-rated target, no forecast, no flag.
            Row other = indicatorRow(sheet, "OS_1.2/Progetti_RilEconomia");
            assertThat(other.getCell(column(sheet, "Target pro rata")).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(other.getCell(column(sheet, "A rischio")).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(8);
        }
    }

    private static Indicator cumulative(Indicator i) {
        return new Indicator(i.key(), i.name(), i.algorithm(), i.source(), i.typology(), i.unit(), i.target(),
                i.targetNext(), i.targetAfterNext(), i.weight(), true, i.periodicity(), i.responsibleUnitCode(),
                i.rowNo());
    }

    private XSSFWorkbook writeAndRead(ReportData data) throws IOException {
        Path file = folder.resolve("andamento-" + System.nanoTime() + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            assertThat(new AndamentoSheet().write(workbook, data, new ReportStyles(workbook))).isTrue();
            workbook.write(out);
        }
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }

    private static int column(XSSFSheet sheet, String header) {
        int index = texts(sheet.getRow(2)).indexOf(header);
        assertThat(index).as(header).isNotNegative();
        return index;
    }

    /** The first row with the code in column A: the objective's bold row of the main table. */
    private static Row objectiveRow(XSSFSheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 2 && row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    private static Row indicatorRow(XSSFSheet sheet, String reference) {
        for (Row row : sheet) {
            Cell cell = row.getCell(1);
            if (row.getRowNum() > 2 && cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().startsWith(reference + " – ")) {
                return row;
            }
        }
        throw new AssertionError("no row for " + reference);
    }

    private static Row summaryRow(XSSFSheet sheet, String code, int after) {
        for (Row row : sheet) {
            if (row.getRowNum() > after && row.getCell(0) != null
                    && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no summary row for " + code);
    }
}
