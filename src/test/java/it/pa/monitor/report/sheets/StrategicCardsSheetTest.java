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
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class StrategicCardsSheetTest {

    private static final List<String> TABLE = List.of("Indicatore", "Algoritmo", "Target 2022", "Consuntivo 2022",
            "Scostamento rispetto al target", "% raggiungimento");
    private static final String OS_3_1 = "OS_3.1 – Promuovere lo sviluppo delle imprese e la competitività del "
            + "sistema ricercando nuove risorse finanziarie (Peso: 50,00%)";

    @TempDir
    Path folder;

    private final StrategicCardsSheet writer = new StrategicCardsSheet();

    @Test
    void oneCardPerStrategicObjectiveInTreeOrder() {
        Sheet sheet = write(ReportFixtures.massaCarrara());

        assertThat(RelazioneWriter.ORDER.indexOf(writer.getClass()) + 1).isEqualTo(3);
        assertThat(sheet.getSheetName()).isEqualTo("Obiettivi strategici");
        assertThat(text(sheet.getRow(0), 0)).isEqualTo(
                "Obiettivi strategici – Camera di Commercio di Massa-Carrara – situazione al 31/12/2022");
        List<Row> cards = rowsWith(sheet, 0, "Obiettivo strategico");
        assertThat(cards).hasSize(8);
        assertThat(cards).extracting(r -> text(r, 1).substring(0, 6))
                .containsExactly("OS_1.1", "OS_1.2", "OS_2.1", "OS_2.2", "OS_2.3", "OS_3.1", "OS_3.2", "OS_3.3");
        assertThat(rowsWith(sheet, 0, "Indicatore")).hasSize(8)
                .allSatisfy(header -> assertThat(WrittenSheet.texts(header)).isEqualTo(TABLE));
        // A blank row between two cards.
        assertThat(sheet.getRow(cards.get(1).getRowNum() - 1)).isNull();
    }

    @Test
    void cardOfOs31AsPublished() {
        Sheet sheet = write(ReportFixtures.massaCarrara());
        Row card = rowsWith(sheet, 0, "Obiettivo strategico").stream()
                .filter(r -> text(r, 1).startsWith("OS_3.1 ")).findFirst().orElseThrow();
        int r = card.getRowNum();

        assertThat(text(card, 1)).isEqualTo(OS_3_1);
        assertThat(sheet.getMergedRegions()).anyMatch(m -> m.formatAsString().equals("B" + (r + 1) + ":F" + (r + 1)));
        assertThat(text(sheet.getRow(r + 1), 0)).isEqualTo("Ambito");
        assertThat(text(sheet.getRow(r + 1), 1)).isEqualTo("AS3 – Promuovere la competitività, l'innovazione e lo "
                + "sviluppo sostenibile del sistema economico locale");
        assertThat(text(sheet.getRow(r + 2), 0)).isEqualTo("Programma");
        assertThat(text(sheet.getRow(r + 2), 1))
                .isEqualTo("005 - Politiche di sviluppo, competitività e innovazione, di RSI e movimento cooperativo");
        assertThat(text(sheet.getRow(r + 3), 0)).isEqualTo("Risorse previste");
        Cell resources = sheet.getRow(r + 3).getCell(1);
        assertThat(resources.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(resources.getNumericCellValue()).isEqualTo(167_317.76);
        assertThat(resources.getCellStyle().getDataFormatString()).contains("€");
        // Risorse utilizzate are not published for Massa-Carrara: no caption rather than an empty one.
        Row result = sheet.getRow(r + 4);
        assertThat(text(result, 0)).isEqualTo("Risultato misurato obiettivo");
        assertPercent(result.getCell(1), 99.56);
        assertThat(hasTrafficLight(sheet, result.getCell(1))).isTrue();
        assertThat(text(sheet.getRow(r + 5), 0)).isEqualTo("Valutazione obiettivo");
        assertThat(text(sheet.getRow(r + 5), 1)).isEqualTo("Raggiunto");
        assertThat(WrittenSheet.texts(sheet.getRow(r + 6))).isEqualTo(TABLE);

        Row indicator = sheet.getRow(r + 7);
        assertThat(text(indicator, 0)).isEqualTo("D1.3_04.1 – Incidenza contributi erogati direttamente alle imprese "
                + "sul totale del valore degli interventi economici (Peso: 100,00%)");
        assertThat(text(indicator, 1)).startsWith("Scomp_IE_ContrImpr Valore contributi erogati");
        assertThat(text(indicator, 2)).isEqualTo(">= 10,00 %");
        assertThat(text(indicator, 3)).isEqualTo("13,37 %");
        assertThat(text(indicator, 4)).isEqualTo("+3,37 %");
        assertPercent(indicator.getCell(5), 100.00);
        assertThat(hasTrafficLight(sheet, indicator.getCell(5))).isTrue();
        assertThat(indicator.getCell(5).getCellComment()).isNull();
        // Only the OS's own indicator: its operational objectives' indicators are on the next sheet.
        assertThat(sheet.getRow(r + 8)).isNull();
    }

    @Test
    void resourcesUsedAndPartialAchievementOfTno() {
        Sheet sheet = write(ReportFixtures.tno());

        Row card = rowStartingWith(sheet, 0, 1, "OS_2.4 – Sostenere lo sviluppo").orElseThrow();
        assertThat(text(card, 1)).endsWith("(Peso: 50,00%)");
        Row used = rowsWith(sheet, 0, "Risorse utilizzate").stream().filter(r -> r.getRowNum() > card.getRowNum())
                .findFirst().orElseThrow();
        assertThat(used.getCell(1).getNumericCellValue()).isEqualTo(659_809.21);
        Row result = rowsWith(sheet, 0, "Risultato misurato obiettivo").stream()
                .filter(r -> r.getRowNum() > card.getRowNum()).findFirst().orElseThrow();
        assertPercent(result.getCell(1), 97.20);
        Row intl = rowStartingWith(sheet, card.getRowNum(), 0, "OC_Int_01 – ").orElseThrow();
        assertThat(text(intl, 0)).endsWith("(Peso: 25,00%)");
        assertThat(text(intl, 2)).isEqualTo(">= 500,00 N.");
        assertThat(text(intl, 3)).isEqualTo("444,00 N.");
        assertThat(text(intl, 4)).isEqualTo("-56,00 N.");
        assertPercent(intl.getCell(5), 88.80);
    }

    @Test
    void notScoredIndicatorHasAnEmptyCellAndItsStatusInAComment() {
        ReportData data = ReportFixtures.massaCarrara();
        IndicatorKey key = new IndicatorKey("OS_3.1", "D1.3_04.1", 1);
        List<IndicatorResult> indicators = data.current().indicators().stream()
                .map(r -> r.key().equals(key) ? new IndicatorResult(key, r.weight(), IndicatorStatus.IN_CORSO, null,
                        null, "scadenza", null, "scadenza 31/12/2022 non ancora raggiunta") : r)
                .toList();
        PeriodResults current = new PeriodResults(data.period(), indicators, data.current().items(),
                data.current().projections());
        Sheet sheet = write(new ReportData(data.plan(), data.methodology(), data.period(), current, data.history(),
                data.values(), data.quality(), data.sources()));

        Row row = rowStartingWith(sheet, 0, 0, "D1.3_04.1 – ").orElseThrow();
        assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(row.getCell(5).getCellComment().getString().getString())
                .isEqualTo("Non valutato: in corso – scadenza 31/12/2022 non ancora raggiunta");
    }

    @Test
    void officeTextStaysText() {
        IndicatorKey key = new IndicatorKey("OS_3.1", "D1.3_04.1", 1);
        Sheet sheet = write(WrittenSheet.withValue(ReportFixtures.massaCarrara(), key, "=SUM(A1:A3)"));

        Cell value = rowStartingWith(sheet, 0, 0, "D1.3_04.1 – ").orElseThrow().getCell(3);
        assertThat(value.getCellType()).isEqualTo(CellType.STRING);
        assertThat(value.getStringCellValue()).isEqualTo("=SUM(A1:A3)");
    }

    @Test
    void printsOnA4LandscapeWithTheTitleRepeated() {
        Sheet sheet = write(ReportFixtures.massaCarrara());

        WrittenSheet.assertPrintSetup(sheet);
        int total = 0;
        for (int c = 0; c < 6; c++) {
            total += sheet.getColumnWidth(c) / 256;
        }
        // About what a landscape A4 page holds at a readable scale.
        assertThat(total).isBetween(120, 160);
    }

    private Sheet write(ReportData data) {
        XSSFWorkbook workbook = WrittenSheet.write(writer, data, folder);
        return workbook.getSheet(writer.name());
    }
}
