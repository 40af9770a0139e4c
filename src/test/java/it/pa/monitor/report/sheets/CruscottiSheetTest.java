package it.pa.monitor.report.sheets;

import static it.pa.monitor.report.WrittenSheet.assertPercent;
import static it.pa.monitor.report.WrittenSheet.hasTrafficLight;
import static it.pa.monitor.report.WrittenSheet.rowStartingWith;
import static it.pa.monitor.report.WrittenSheet.rowsWith;
import static it.pa.monitor.report.WrittenSheet.text;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.RelazioneWriter;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.WrittenSheet;
import it.pa.monitor.report.data.ReportData;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class CruscottiSheetTest {

    private static final List<String> TABLE = List.of("PESO", "INDICATORE", "DESCRIZIONE", "ALGORITMO", "TARGET",
            "CONSUNTIVO", "% RAGGIUNGIMENTO", "VALUTAZIONE");

    @TempDir
    Path folder;

    private final CruscottiSheet writer = new CruscottiSheet();

    @Test
    void threeScorecardsOfMassaCarraraAllAchieved() {
        Sheet sheet = write(ReportFixtures.massaCarrara());

        assertThat(RelazioneWriter.ORDER.indexOf(writer.getClass()) + 1).isEqualTo(5);
        assertThat(sheet.getSheetName()).isEqualTo("Cruscotti");
        List<Row> titles = List.of(
                rowStartingWith(sheet, 0, 0, "CR01 – ").orElseThrow(),
                rowStartingWith(sheet, 0, 0, "CR02 – ").orElseThrow(),
                rowStartingWith(sheet, 0, 0, "CR03 – ").orElseThrow());
        assertThat(text(titles.get(0), 0)).isEqualTo("CR01 – Ciabatti Enrico (Segretario Generale)");
        assertThat(text(titles.get(1), 0)).isEqualTo("CR02 – Ciabatti Enrico (Dir. Area 1 - Dirigente)");
        for (Row title : titles) {
            assertPercent(title.getCell(6), 100.00);
            assertThat(hasTrafficLight(sheet, title.getCell(6))).isTrue();
            assertThat(text(title, 7)).isEqualTo("Raggiunto");
            assertThat(WrittenSheet.texts(sheet.getRow(title.getRowNum() + 1))).isEqualTo(TABLE);
        }
        assertThat(rowsWith(sheet, 0, "PESO")).hasSize(3);

        int r = titles.get(0).getRowNum();
        Row studies = sheet.getRow(r + 2);
        assertPercent(studies.getCell(0), 15.00);
        assertThat(text(studies, 1)).isEqualTo("Studi_ISR");
        assertThat(text(studies, 2)).isEqualTo("Realizzazione studi da ISR");
        assertThat(text(studies, 3)).startsWith("[codice] S1.1.a Realizzazione studi");
        assertThat(text(studies, 4)).isEqualTo(">= 8,00 N.");
        assertThat(text(studies, 5)).isEqualTo("10,00 N.");
        assertPercent(studies.getCell(6), 100.00);
        assertThat(hasTrafficLight(sheet, studies.getCell(6))).isTrue();
        assertThat(text(studies, 7)).isEqualTo("Raggiunto");
        // The dirigente's own objective, outside the tree (CR01/SG3:2022_IND): ≥ 80 % → 87 %.
        Row own = sheet.getRow(r + 4);
        assertPercent(own.getCell(0), 60.00);
        assertThat(text(own, 1)).isEqualTo("SG3:2022_IND");
        assertThat(text(own, 5)).isEqualTo("87,00 %");
        assertPercent(own.getCell(6), 100.00);
        assertThat(sheet.getRow(r + 5)).isNull();
    }

    @Test
    void scorecardOfWholeObjectivesAtTno() {
        Sheet sheet = write(ReportFixtures.tno());

        Row title = rowStartingWith(sheet, 0, 0, "CR01 – ").orElseThrow();
        assertThat(text(title, 0)).isEqualTo("CR01 – Dr.ssa Cristina Martelli (Segretario generale)");
        assertPercent(title.getCell(6), 99.30);
        int r = title.getRowNum();
        double[] weights = {25.00, 25.00, 50.00};
        double[] results = {100.00, 97.20, 100.00};
        String[] codes = {"OS_2.3", "OS_2.4", "OS_3.1"};
        for (int i = 0; i < 3; i++) {
            Row row = sheet.getRow(r + 2 + i);
            assertPercent(row.getCell(0), weights[i]);
            assertThat(text(row, 1)).isEqualTo(codes[i]);
            assertPercent(row.getCell(6), results[i]);
            assertThat(hasTrafficLight(sheet, row.getCell(6))).isTrue();
            assertThat(text(row, 3)).isEmpty();
            assertThat(text(row, 4)).isEmpty();
            assertThat(text(row, 5)).isEmpty();
        }
        assertThat(text(sheet.getRow(r + 3), 2)).startsWith("Sostenere lo sviluppo di nuove imprese esportatrici");
    }

    @Test
    void officeTextStaysTextAndPrintSetup() {
        IndicatorKey key = new IndicatorKey("OS_1.1", "Studi_ISR", 1);
        Sheet sheet = write(WrittenSheet.withValue(ReportFixtures.massaCarrara(), key, "=HYPERLINK(\"x\")"));

        Cell value = rowsWith(sheet, 1, "Studi_ISR").get(0).getCell(5);
        assertThat(value.getCellType()).isEqualTo(CellType.STRING);
        assertThat(value.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
        WrittenSheet.assertPrintSetup(sheet);
    }

    private Sheet write(ReportData data) {
        return WrittenSheet.write(writer, data, folder).getSheet(writer.name());
    }
}
