package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.ReportFixtures;
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
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Albero sheet for Massa-Carrara 2022 against the published tree (seed 000, lines 2062-2079). */
public class AlberoSheetTest {

    private static final double TOLERANCE = 0.00005;
    private static final int FIRST = AlberoSheet.HEADER_ROWS;

    @TempDir
    static Path folder;

    private static XSSFSheet sheet;

    @BeforeAll
    static void writeMassaCarrara() throws IOException {
        sheet = writeAndRead(ReportFixtures.massaCarrara(), folder.resolve("albero.xlsx"));
    }

    @Test
    void nameTitleAndHeaders() {
        assertThat(sheet.getSheetName()).isEqualTo("Albero");
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("Albero della performance 2022 – Camera di Commercio di Massa-Carrara");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Periodo 2022 – dati al 31/12/2022");
        Row header = sheet.getRow(FIRST - 1);
        List<String> headers = new ArrayList<>();
        header.forEach(c -> headers.add(c.getStringCellValue()));
        // Massa-Carrara's plan gives every OS its BSC perspective, missione and programma: the raccordo columns follow.
        assertThat(headers).containsExactly("Ambito Strategico (AS)", "Risultato AS", "Obiettivo strategico (OS)",
                "Risultato OS", "Obiettivo/Progetto operativo (OO/PO)", "Risultato OO/PO", "Prospettiva BSC",
                "Missione", "Programma");
    }

    @Test
    void raccordoColumnsMergedOverEachStrategicObjective() {
        // OS_2.1 (seed 000, section 3.2 and the table at lines 1861-1868): BSC4, missione 032, programma 003, 3 OO.
        int os21 = -1;
        for (Row row : sheet) {
            Cell cell = row.getCell(2);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("OS_2.1 ")) {
                os21 = row.getRowNum();
                break;
            }
        }
        assertThat(os21).isPositive();
        Row row = sheet.getRow(os21);
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo("BSC4 - Processi interni");
        assertThat(row.getCell(7).getStringCellValue())
                .isEqualTo("032 - SERVIZI ISTITUZIONALI E GENERALI DELLE PUBBLICHE AMMINISTRAZIONI");
        assertThat(row.getCell(8).getStringCellValue())
                .isEqualTo("003 - Servizi e affari generali per le Amministrazioni di competenza");
        assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(os21, os21 + 2, 6, 6),
                new CellRangeAddress(os21, os21 + 2, 8, 8));
    }

    @Test
    void noRaccordoColumnsWhenThePlanHasNone() throws IOException {
        ReportData data = ReportFixtures.massaCarrara();
        Plan p = data.plan();
        List<StrategicObjective> bare = p.strategicObjectives().stream().map(os -> new StrategicObjective(os.code(),
                os.description(), os.ambitoCode(), os.weight(), null, null, null, null, null, os.rowNo())).toList();
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), p.ambiti(), bare,
                p.operationalObjectives(), p.indicators(), p.scorecards(), p.pira());
        XSSFSheet written = writeAndRead(new ReportData(plan, data.methodology(), data.period(), data.current(),
                data.history(), data.values(), data.quality(), data.sources()), folder.resolve("bare.xlsx"));
        assertThat(written.getRow(FIRST - 1).getLastCellNum()).isEqualTo((short) 6);
    }

    @Test
    void oneRowPerOperationalObjective() {
        // 16 OO, every OS of Massa-Carrara has at least one.
        assertThat(sheet.getLastRowNum()).isEqualTo(FIRST + 16 - 1);
        assertThat(text(FIRST, 4)).isEqualTo("OO_1.1.1 – Produrre e diffondere analisi e informazione economica");
        assertThat(text(FIRST + 15, 4)).isEqualTo("OO_3.3.1 – Favorire l'internazionalizzazione delle imprese");
        for (int r = FIRST; r < FIRST + 16; r++) {
            assertThat(sheet.getRow(r).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void publishedResults() {
        int oo312 = rowOf(4, "OO_3.1.2");
        assertPercent(oo312, 5, 96.67);
        assertPercent(rowOf(4, "OO_3.1.1"), 5, 100.00);
        // OS_3.1 and AS3 are merged over their OO rows: their value sits in the first one.
        int os31 = rowOf(2, "OS_3.1");
        assertThat(os31).isEqualTo(rowOf(4, "OO_3.1.1"));
        assertThat(text(os31, 2)).startsWith("OS_3.1 – Promuovere lo sviluppo delle imprese");
        assertPercent(os31, 3, 99.56);
        int as3 = rowOf(0, "AS3");
        assertThat(as3).isEqualTo(os31);
        assertPercent(as3, 1, 99.78);
        assertPercent(rowOf(0, "AS1"), 1, 100.00);
        assertPercent(rowOf(2, "OS_1.1"), 3, 100.00);
    }

    @Test
    void ambitoAndStrategicCellsMergedOverTheirRows() {
        int as3 = rowOf(0, "AS3");
        // AS3: OS_3.1 (3 OO), OS_3.2 (2 OO), OS_3.3 (1 OO).
        assertThat(merged(as3, 0)).isEqualTo(new CellRangeAddress(as3, as3 + 5, 0, 0));
        assertThat(merged(as3, 1)).isEqualTo(new CellRangeAddress(as3, as3 + 5, 1, 1));
        assertThat(merged(as3, 2)).isEqualTo(new CellRangeAddress(as3, as3 + 2, 2, 2));
        assertThat(merged(as3, 3)).isEqualTo(new CellRangeAddress(as3, as3 + 2, 3, 3));
        // OS_3.3 has one OO: a plain cell.
        assertThat(merged(rowOf(2, "OS_3.3"), 2)).isNull();
    }

    @Test
    void trafficLightsOnTheThreeResultColumns() {
        for (int column : new int[] {1, 3, 5}) {
            assertLights(FIRST, FIRST + 15, column);
        }
    }

    @Test
    void frozenHeaderAndPrintSetup() {
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) FIRST);
        assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(FIRST - 1);
        assertThat(sheet.getRepeatingRows().getLastRow()).isEqualTo(FIRST - 1);
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getLandscape()).isTrue();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isZero();
        assertThat(sheet.getFitToPage()).isTrue();
    }

    @Test
    void strategicObjectiveWithoutOperationalObjectivesGetsOneRowAndOfficeTextStaysText() throws IOException {
        ReportData data = ReportFixtures.massaCarrara();
        Plan p = data.plan();
        List<StrategicObjective> strategic = new ArrayList<>(p.strategicObjectives());
        strategic.add(new StrategicObjective("OS_3.4", "=SUM(A1:A3)", "AS3", BigDecimal.ZERO, null, null, null,
                null, null, 99));
        List<OperationalObjective> operational = new ArrayList<>();
        for (OperationalObjective oo : p.operationalObjectives()) {
            operational.add(oo.code().equals("OO_1.1.1") ? new OperationalObjective(oo.code(), "=1+1",
                    oo.strategicObjectiveCode(), oo.weight(), oo.unitCodes(), oo.rowNo()) : oo);
        }
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), p.ambiti(), strategic,
                operational, p.indicators(), p.scorecards(), p.pira());
        XSSFSheet changed = writeAndRead(new ReportData(plan, data.methodology(), data.period(), data.current(),
                data.history(), data.values(), data.quality(), data.sources()), folder.resolve("albero-os.xlsx"));

        assertThat(changed.getLastRowNum()).isEqualTo(FIRST + 17 - 1);
        Row os34 = changed.getRow(FIRST + 16);
        assertThat(os34.getCell(2).getStringCellValue()).isEqualTo("OS_3.4 – =SUM(A1:A3)");
        assertThat(os34.getCell(2).getCellType()).isEqualTo(CellType.STRING);
        assertThat(os34.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(os34.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(os34.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(changed.getRow(FIRST).getCell(4).getCellType()).isEqualTo(CellType.STRING);
        assertThat(changed.getRow(FIRST).getCell(4).getStringCellValue()).isEqualTo("OO_1.1.1 – =1+1");
        // AS3 now spans its six OO rows and the new OS.
        int as3 = FIRST + 10;
        assertThat(changed.getRow(as3).getCell(0).getStringCellValue()).startsWith("AS3 – ");
        assertThat(changed.getMergedRegions()).contains(new CellRangeAddress(as3, as3 + 6, 0, 0));
    }

    @Test
    void tnoTree() throws IOException {
        XSSFSheet tno = writeAndRead(ReportFixtures.tno(), folder.resolve("albero-tno.xlsx"));
        Row os24 = null;
        for (Row row : tno) {
            Cell cell = row.getCell(2);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("OS_2.4")) {
                os24 = row;
            }
        }
        assertThat(os24).isNotNull();
        assertThat(os24.getCell(3).getNumericCellValue()).isCloseTo(0.9720, within(TOLERANCE));
    }

    private static XSSFSheet writeAndRead(ReportData data, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            assertThat(new AlberoSheet().write(workbook, data, new ReportStyles(workbook))).isTrue();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in).getSheet("Albero");
        }
    }

    private static CellRangeAddress merged(int row, int column) {
        return sheet.getMergedRegions().stream().filter(r -> r.isInRange(row, column)).findFirst().orElse(null);
    }

    private static void assertPercent(int row, int column, double published) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).as("row %d", row).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as("row %d", row).isCloseTo(published / 100, within(TOLERANCE));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
    }

    private static void assertLights(int first, int last, int column) {
        var formatting = sheet.getSheetConditionalFormatting();
        String expected = new CellRangeAddress(first, last, column, column).formatAsString();
        boolean found = false;
        for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
            ConditionalFormatting f = formatting.getConditionalFormattingAt(i);
            for (CellRangeAddress range : f.getFormattingRanges()) {
                if (range.formatAsString().equals(expected)) {
                    found = f.getNumberOfRules() == 3;
                }
            }
        }
        assertThat(found).as("traffic light on %s", expected).isTrue();
    }

    private static String text(int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    /** The row whose cell in {@code column} starts with "code – ". */
    private static int rowOf(int column, String code) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING
                    && cell.getStringCellValue().startsWith(code + " – ")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no " + code + " in column " + column);
    }
}
