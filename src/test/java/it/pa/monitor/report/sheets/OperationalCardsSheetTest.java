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

public class OperationalCardsSheetTest {

    private static final List<String> TABLE = List.of("Indicatore", "Algoritmo", "Target 2022", "Consuntivo 2022",
            "Scostamento rispetto al target", "% raggiungimento");

    @TempDir
    Path folder;

    private final OperationalCardsSheet writer = new OperationalCardsSheet();

    @Test
    void oneCardPerOperationalObjective() {
        Sheet sheet = write(ReportFixtures.massaCarrara());

        assertThat(RelazioneWriter.ORDER.indexOf(writer.getClass()) + 1).isEqualTo(4);
        assertThat(sheet.getSheetName()).isEqualTo("Obiettivi operativi");
        List<Row> cards = rowsWith(sheet, 0, "Obiettivo operativo");
        assertThat(cards).hasSize(16);
        assertThat(text(cards.get(0), 1)).isEqualTo(
                "OO_1.1.1 – Produrre e diffondere analisi e informazione economica (Peso: 100,00%)");
        assertThat(text(cards.get(15), 1)).startsWith("OO_3.3.1 – ");
        assertThat(rowsWith(sheet, 0, "Indicatore")).hasSize(16)
                .allSatisfy(header -> assertThat(WrittenSheet.texts(header)).isEqualTo(TABLE));
    }

    @Test
    void cardOfOo312AsPublished() {
        Sheet sheet = write(ReportFixtures.massaCarrara());
        Row card = rowStartingWith(sheet, 0, 1, "OO_3.1.2 – ").orElseThrow();
        int r = card.getRowNum();

        assertThat(text(card, 0)).isEqualTo("Obiettivo operativo");
        assertThat(text(card, 1)).isEqualTo("OO_3.1.2 – Promuovere e sostenere i processi occupazionali e d'incontro "
                + "tra domanda e offerta di lavoro nonché la nascita di nuova imprenditorialità (Peso: 33,33%)");
        assertThat(text(sheet.getRow(r + 1), 0)).isEqualTo("Obiettivo strategico");
        assertThat(text(sheet.getRow(r + 1), 1)).isEqualTo("OS_3.1 – Promuovere lo sviluppo delle imprese e la "
                + "competitività del sistema ricercando nuove risorse finanziarie");
        assertThat(text(sheet.getRow(r + 2), 0)).isEqualTo("Unità organizzative coinvolte");
        assertThat(text(sheet.getRow(r + 2), 1)).isEqualTo("Servizio Promozione");
        Row result = sheet.getRow(r + 3);
        assertThat(text(result, 0)).isEqualTo("Risultato misurato obiettivo");
        assertPercent(result.getCell(1), 96.67);
        assertThat(hasTrafficLight(sheet, result.getCell(1))).isTrue();
        assertThat(text(sheet.getRow(r + 4), 1)).isEqualTo("Raggiunto");
        assertThat(WrittenSheet.texts(sheet.getRow(r + 5))).isEqualTo(TABLE);

        Row pid = sheet.getRow(r + 7);
        assertThat(text(pid, 0)).startsWith("Indice_ProgPID – Progetto PID - Raggiungimento").endsWith("(Peso: 50,00%)");
        assertThat(text(pid, 2)).isEqualTo("= 100,00 %");
        assertThat(text(pid, 3)).isEqualTo("93,33 %");
        assertPercent(pid.getCell(5), 93.33);
        assertThat(hasTrafficLight(sheet, pid.getCell(5))).isTrue();
        assertThat(sheet.getRow(r + 8)).isNull();
    }

    @Test
    void listsTheUnitsOfAnObjectiveSharedByAllServices() {
        Sheet sheet = write(ReportFixtures.massaCarrara());
        Row card = rowStartingWith(sheet, 0, 1, "OO_2.1.1 – ").orElseThrow();

        Row units = sheet.getRow(card.getRowNum() + 2);
        assertThat(text(units, 1)).isEqualTo("ISR; Servizio AA.GG. e Risorse umane; Servizio Promozione; "
                + "Servizio Registro Imprese; Servizio Regolazione del Mercato, Tutela del Consumatore e "
                + "Programmazione e controllo; Servizio Risorse finanziarie, Acquisti e Patrimonio");
        // Merged wrapped text: Excel does not grow such a row, so the writer does.
        assertThat(units.getHeightInPoints()).isGreaterThan(sheet.getDefaultRowHeightInPoints());
    }

    @Test
    void officeTextStaysTextAndPrintSetup() {
        IndicatorKey key = new IndicatorKey("OO_3.1.2", "Indice_ProgPID", 1);
        Sheet sheet = write(WrittenSheet.withValue(ReportFixtures.massaCarrara(), key, "=1+1"));

        Cell value = rowStartingWith(sheet, 0, 0, "Indice_ProgPID – ").orElseThrow().getCell(3);
        assertThat(value.getCellType()).isEqualTo(CellType.STRING);
        assertThat(value.getStringCellValue()).isEqualTo("=1+1");
        WrittenSheet.assertPrintSetup(sheet);
    }

    @Test
    void pagesBreakBetweenCardsNeverInside() {
        Sheet sheet = write(ReportFixtures.massaCarrara());

        int[] breaks = sheet.getRowBreaks();
        assertThat(breaks).isNotEmpty();
        for (int row : breaks) {
            assertThat(text(sheet.getRow(row + 1), 0)).as("first row after the break at %d", row)
                    .isEqualTo("Obiettivo operativo");
        }
    }

    @Test
    void planWithoutOperationalObjectivesGivesAnEmptySheetWithItsTitle() {
        Sheet sheet = write(ReportFixtures.tno());

        assertThat(rowsWith(sheet, 0, "Obiettivo operativo")).isEmpty();
        assertThat(text(sheet.getRow(2), 0)).isEqualTo("Il piano non contiene obiettivi operativi.");
        assertThat(text(sheet.getRow(0), 0)).startsWith("Obiettivi operativi – CCIAA di Toscana Nord Ovest");
    }

    private Sheet write(ReportData data) {
        return WrittenSheet.write(writer, data, folder).getSheet(writer.name());
    }
}
