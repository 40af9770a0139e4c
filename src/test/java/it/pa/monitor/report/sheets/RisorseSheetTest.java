package it.pa.monitor.report.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.WrittenSheet;
import it.pa.monitor.report.data.ReportData;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Risorse sheet. TNO 2022 publishes each OS's "Risorse 2022 - Consuntivo" (seed 000, lines 57-58,
 * 77-79, 93-94): shares and totals are checked against the divisions written out below.
 */
public class RisorseSheetTest {

    private static final double OS_23 = 2_764_555.01;
    private static final double OS_24 = 659_809.21;
    private static final double OS_31 = 901_691.15;
    private static final double TNO_TOTAL = OS_23 + OS_24 + OS_31; // 4.326.055,37

    @TempDir
    private Path folder;

    @Test
    void tnoSharesSubtotalsAndTotal() {
        XSSFSheet sheet = WrittenSheet.write(new RisorseSheet(), ReportFixtures.tno(), folder).getSheet("Risorse");
        assertThat(WrittenSheet.texts(sheet.getRow(2))).containsExactly("Ambito strategico", "Codice OS",
                "% Performance OS", "Risorse utilizzate 2022", "Livello assorbimento risorse", "N. OO-PO",
                "Performance OO-PO");
        Row os23 = row(sheet, 1, "OS_2.3");
        Row os24 = row(sheet, 1, "OS_2.4");
        Row as2 = row(sheet, 0, "Totale AS2");
        Row os31 = row(sheet, 1, "OS_3.1");
        Row as3 = row(sheet, 0, "Totale AS3");
        Row total = row(sheet, 0, "TOTALE 2022");
        assertThat(List.of(os23.getRowNum(), os24.getRowNum(), as2.getRowNum(), os31.getRowNum(), as3.getRowNum(),
                total.getRowNum())).isSorted();
        assertThat(number(os23, 3)).isCloseTo(OS_23, within(0.001));
        assertThat(number(os23, 4)).isCloseTo(OS_23 / TNO_TOTAL, within(1e-9));
        assertThat(number(os24, 4)).isCloseTo(OS_24 / TNO_TOTAL, within(1e-9));
        assertThat(number(as2, 3)).isCloseTo(OS_23 + OS_24, within(0.001));
        assertThat(number(as2, 4)).isCloseTo((OS_23 + OS_24) / TNO_TOTAL, within(1e-9));
        assertThat(number(as3, 4)).isCloseTo(OS_31 / TNO_TOTAL, within(1e-9));
        assertThat(number(total, 3)).isCloseTo(4_326_055.37, within(0.001));
        assertThat(number(total, 4)).isCloseTo(1.0, within(1e-12));
        // Published results: OS_2.4 97,20 %, AS2 98,60 %, ente 99,30 %.
        assertThat(number(os24, 2)).isCloseTo(0.9720, within(0.00005));
        assertThat(number(as2, 2)).isCloseTo(0.9860, within(0.00005));
        assertThat(number(total, 2)).isCloseTo(0.9930, within(0.00005));
        // TNO's PIRA has no operational objectives.
        assertThat(number(total, 5)).isZero();
        assertThat(total.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(WrittenSheet.hasTrafficLight(sheet, os24.getCell(2))).isTrue();
        assertThat(sheet.getWorkbook().getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
    }

    /**
     * Massa-Carrara publishes only the planned resources of its OS (lines 2149-2233), no used ones: the
     * test takes the planned amounts as used to check the OO-PO columns against the published OO results
     * (15 at 100 %, OO_3.1.2 at 96,67 %).
     */
    @Test
    void massaCarraraOperationalObjectivesPerStrategicObjective() {
        ReportData data = ReportFixtures.massaCarrara();
        Plan p = data.plan();
        List<StrategicObjective> used = p.strategicObjectives().stream().map(os -> new StrategicObjective(os.code(),
                os.description(), os.ambitoCode(), os.weight(), os.bscPerspective(), os.missione(), os.programma(),
                os.plannedResources(), os.plannedResources(), os.rowNo())).toList();
        Plan plan = new Plan(p.ente(), p.year(), p.periodicity(), p.methodology(), p.units(), p.ambiti(), used,
                p.operationalObjectives(), p.indicators(), p.scorecards(), p.pira());
        XSSFSheet sheet = WrittenSheet.write(new RisorseSheet(), new ReportData(plan, data.methodology(),
                data.period(), data.current(), data.history(), data.values(), data.quality(), data.sources()),
                folder).getSheet("Risorse");
        double total = 39_500.00 + 187_407.98 + 952_173.47 + 229_157.61 + 149_306.70 + 167_317.76 + 496_163.56;
        Row os21 = row(sheet, 1, "OS_2.1");
        assertThat(number(os21, 4)).isCloseTo(952_173.47 / total, within(1e-9));
        assertThat(number(os21, 5)).isEqualTo(3.0);
        assertThat(number(os21, 6)).isCloseTo(1.0, within(1e-9));
        Row os31 = row(sheet, 1, "OS_3.1");
        assertThat(number(os31, 5)).isEqualTo(3.0);
        // (100 + 96,667 + 100) / 3 = 98,889 %
        assertThat(number(os31, 6)).isCloseTo((100 + 96.6667 + 100) / 300, within(0.00005));
        // OS_3.3 prints no resources: no amount, no share, still its OO and result.
        Row os33 = row(sheet, 1, "OS_3.3");
        assertThat(os33.getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(os33.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(number(os33, 5)).isEqualTo(1.0);
        Row as3 = row(sheet, 0, "Totale AS3");
        assertThat(number(as3, 5)).isEqualTo(6.0);
        assertThat(number(as3, 6)).isCloseTo((5 * 100 + 96.6667) / 600, within(0.00005));
        assertThat(number(as3, 2)).isCloseTo(0.9978, within(0.00005));
        Row all = row(sheet, 0, "TOTALE 2022");
        assertThat(number(all, 3)).isCloseTo(total, within(0.001));
        assertThat(number(all, 5)).isEqualTo(16.0);
        assertThat(number(all, 6)).isCloseTo((15 * 100 + 96.6667) / 1600, within(0.00005));
        assertThat(number(all, 2)).isCloseTo(0.9989, within(0.00005));
    }

    @Test
    void noSheetWithoutUsedResources() {
        XSSFWorkbook workbook = WrittenSheet.write(new RisorseSheet(), ReportFixtures.massaCarrara(), folder);
        assertThat(workbook.getSheet("Risorse")).isNull();
    }

    private static Row row(XSSFSheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row " + text);
    }

    private static double number(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("%s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }
}
