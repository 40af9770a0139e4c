package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RisultatiSheetTest {

    private static final double TOLERANCE = 0.00005;
    private static final String ENTE = "Camera di Commercio di Massa-Carrara";

    @TempDir
    Path folder;

    @Test
    void listsEveryScoredItemOfThePeriodWithThePublishedResults() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Risultati");
            assertThat(sheet).isNotNull();
            assertThat(texts(sheet.getRow(0))).containsExactly("Periodo", "Livello", "Codice", "Descrizione",
                    "Padre", "Peso", "Risultato", "Valutazione");
            // EXPECTED.md counts: 1 ente + 3 ambiti + 8 OS + 16 OO + 9 units + 3 cruscotti + 50 indicators.
            assertThat(sheet.getLastRowNum()).isEqualTo(90);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(91);
            Set<String> levels = new HashSet<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    levels.add(row.getCell(1).getStringCellValue());
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("2022");
                }
            }
            assertThat(levels).containsExactlyInAnyOrder("Ente", "Ambito", "Obiettivo strategico",
                    "Obiettivo operativo", "Indicatore", "Unità", "Cruscotto");

            Row ente = row(sheet, "Ente", ENTE);
            assertThat(ente.getRowNum()).isEqualTo(1);
            assertResult(ente, 0.9989);
            assertThat(ente.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(ente.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(ente.getCell(7).getStringCellValue()).isEqualTo("Raggiunto");

            Row as3 = row(sheet, "Ambito", "AS3");
            assertResult(as3, 0.9978);
            assertThat(as3.getCell(5).getNumericCellValue()).isCloseTo(0.50, within(TOLERANCE));
            assertThat(as3.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(as3.getCell(4).getStringCellValue()).isEqualTo(ENTE);

            Row os31 = row(sheet, "Obiettivo strategico", "OS_3.1");
            assertResult(os31, 0.9956);
            assertThat(os31.getCell(4).getStringCellValue()).isEqualTo("AS3");
            Row oo312 = row(sheet, "Obiettivo operativo", "OO_3.1.2");
            assertResult(oo312, 0.9667);
            assertThat(oo312.getCell(4).getStringCellValue()).isEqualTo("OS_3.1");
            assertResult(row(sheet, "Unità", "S_PRO"), 0.9963);
            Row area = row(sheet, "Unità", "A_PA");
            assertResult(area, 0.9981);
            assertThat(row(sheet, "Unità", "S_PRO").getCell(4).getStringCellValue()).isEqualTo("A_PA");

            Row ec27 = row(sheet, "Indicatore", "OS_2.1/EC27");
            assertResult(ec27, 1.0);
            assertThat(ec27.getCell(4).getStringCellValue()).isEqualTo("OS_2.1");
            assertThat(ec27.getCell(5).getNumericCellValue()).isCloseTo(0.10, within(TOLERANCE));
            assertThat(ec27.getCell(3).getStringCellValue()).isEqualTo("Indice equilibrio strutturale");
            assertResult(row(sheet, "Indicatore", "OO_3.1.2/Indice_ProgPID"), 0.9333);

            Row cr01 = row(sheet, "Cruscotto", "CR01");
            assertThat(cr01.getCell(3).getStringCellValue()).isEqualTo("Ciabatti Enrico – Segretario Generale");
            assertResult(cr01, 1.0);
        }
    }

    @Test
    void leavesTheResultEmptyWhenAnIndicatorWasNotScored() throws IOException {
        ReportData base = ReportFixtures.massaCarrara();
        List<IndicatorResult> indicators = base.current().indicators().stream()
                .map(r -> r.key().reference().equals("OS_2.2/OC_TD_01")
                        ? new IndicatorResult(r.key(), r.weight(), IndicatorStatus.NOT_REPORTED, null, null,
                                "nessun valore ricevuto", null, null)
                        : r).toList();
        PeriodResults current = new PeriodResults(base.period(), indicators, base.current().items(),
                base.current().projections());
        // Office-typed text in the plan stays text.
        Plan p = base.plan();
        List<Ambito> ambiti = p.ambiti().stream().map(a -> a.code().equals("AS1")
                ? new Ambito(a.code(), "=SUM(A1:A3)", a.weight(), a.rowNo()) : a).toList();
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), ambiti,
                p.strategicObjectives(), p.operationalObjectives(), p.indicators(), p.scorecards(), p.pira());
        ReportData data = new ReportData(plan, base.methodology(), base.period(), current, base.history(),
                base.values(), base.quality(), base.sources());

        try (XSSFWorkbook workbook = writeAndRead(data)) {
            XSSFSheet sheet = workbook.getSheet("Risultati");
            Row missing = row(sheet, "Indicatore", "OS_2.2/OC_TD_01");
            assertThat(missing.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(missing.getCell(7).getStringCellValue()).isEqualTo("non rilevato");
            Cell formulaLike = row(sheet, "Ambito", "AS1").getCell(3);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=SUM(A1:A3)");
        }
    }

    @Test
    void filtersFreezesColoursAndPrintsLandscape() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Risultati");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H91");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
            ConditionalFormatting lights = sheet.getSheetConditionalFormatting().getConditionalFormattingAt(0);
            assertThat(lights.getFormattingRanges()).containsExactly(CellRangeAddress.valueOf("G2:G91"));
            assertThat(lights.getNumberOfRules()).isEqualTo(3);
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    private static void assertResult(Row row, double published) {
        Cell cell = row.getCell(6);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isCloseTo(published, within(TOLERANCE));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
    }

    private XSSFWorkbook writeAndRead(ReportData data) throws IOException {
        Path file = folder.resolve("risultati-" + System.nanoTime() + ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100);
             OutputStream out = Files.newOutputStream(file)) {
            assertThat(new RisultatiSheet().write(workbook, data, new ReportStyles(workbook))).isTrue();
            workbook.write(out);
        }
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    private static Row row(XSSFSheet sheet, String level, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && level.equals(row.getCell(1).getStringCellValue())
                    && code.equals(row.getCell(2).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + level + " " + code);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
