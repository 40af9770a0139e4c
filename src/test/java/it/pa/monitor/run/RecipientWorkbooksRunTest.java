package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.MonitorApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README run on the bundled sample (Massa-Carrara 2022 plan and its seven filled sheets) writes a
 * workbook per unit and per dirigente beside the Relazione; read back, each carries the objectives the
 * plan gives the unit and the same results as the Relazione's Risultati sheet.
 */
public class RecipientWorkbooksRunTest {

    private static final List<String> SAMPLES = List.of("piano-2022.xlsx", "scheda_A_SG_2022.xlsx",
            "scheda_ISR_2022.xlsx", "scheda_S_AG_2022.xlsx", "scheda_S_PRO_2022.xlsx", "scheda_S_RF_2022.xlsx",
            "scheda_S_RI_2022.xlsx", "scheda_S_RM_2022.xlsx");

    @TempDir
    static Path work;
    private static Path output;
    /** Level + code → result on the Relazione's Risultati sheet. */
    private static final Map<String, Double> RELAZIONE = new HashMap<>();

    @BeforeAll
    static void runTheBundledSample() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        for (String sample : SAMPLES) {
            BundledSamples.copy(sample, inbox);
        }
        output = work.resolve("output");
        System.setProperty("monitor.intake.stable-seconds", "0");
        System.setProperty("monitor.progress", "false");
        try {
            assertThat(MonitorApplication.run("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                    output.toString(), "--db", "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath()))
                    .isZero();
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
        }
        try (XSSFWorkbook relazione = new XSSFWorkbook(output.resolve("2022/Relazione-2022.xlsx").toFile())) {
            for (Row row : relazione.getSheet("Risultati")) {
                Cell result = row.getCell(6);
                if (row.getRowNum() > 0 && result != null && result.getCellType() == CellType.NUMERIC) {
                    RELAZIONE.put(row.getCell(1).getStringCellValue() + "|" + row.getCell(2).getStringCellValue(),
                            result.getNumericCellValue());
                }
            }
        }
        assertThat(RELAZIONE).containsKey("Unità|S_PRO");
    }

    @Test
    void oneWorkbookPerUnit() throws Exception {
        assertThat(names(output.resolve("2022/unita"))).containsExactlyInAnyOrder("Esiti-A_ARM-2022.xlsx",
                "Esiti-S_RI-2022.xlsx", "Esiti-S_RM-2022.xlsx", "Esiti-A_PA-2022.xlsx", "Esiti-S_PRO-2022.xlsx",
                "Esiti-S_RF-2022.xlsx", "Esiti-A_SG-2022.xlsx", "Esiti-S_AG-2022.xlsx", "Esiti-ISR-2022.xlsx");
        assertThat(names(output.resolve("2022/cruscotti"))).containsExactlyInAnyOrder("Cruscotto-CR01-2022.xlsx",
                "Cruscotto-CR02-2022.xlsx", "Cruscotto-CR03-2022.xlsx");
    }

    @Test
    void eachUnitSeesItsObjectivesAndTheRelazionesResults() throws Exception {
        // EXPECTED.md of the transcription: the OO of each unit (Unita coinvolte).
        Map<String, List<String>> objectives = Map.of(
                "S_PRO", List.of("OO_1.2.2", "OO_2.1.1", "OO_2.1.3", "OO_2.3.1", "OO_2.3.2", "OO_3.1.1", "OO_3.1.2",
                        "OO_3.1.3", "OO_3.3.1"),
                "S_RM", List.of("OO_2.1.1", "OO_2.1.3", "OO_2.2.2", "OO_2.3.1", "OO_2.3.2", "OO_3.2.1", "OO_3.2.2"),
                "S_RI", List.of("OO_2.1.1", "OO_2.1.3", "OO_2.2.1", "OO_2.3.1", "OO_2.3.2"),
                "S_RF", List.of("OO_2.1.1", "OO_2.1.2", "OO_2.1.3", "OO_2.3.1", "OO_2.3.2"),
                "S_AG", List.of("OO_1.2.4", "OO_2.1.1", "OO_2.1.3", "OO_2.3.1", "OO_2.3.2"),
                "ISR", List.of("OO_1.1.1", "OO_2.1.1", "OO_2.1.3", "OO_2.3.1"));
        for (Map.Entry<String, List<String>> unit : objectives.entrySet()) {
            try (XSSFWorkbook workbook = open("unita/Esiti-" + unit.getKey() + "-2022.xlsx")) {
                assertThat(names(workbook)).containsExactly("Esiti", "Da rilevare", "Avvisi");
                Sheet esiti = workbook.getSheet("Esiti");
                assertThat(captions(esiti, "Obiettivo operativo")).as(unit.getKey())
                        .containsExactlyElementsOf(unit.getValue());
                Row result = row(esiti, "Risultato dell'unità");
                assertThat(result.getCell(1).getNumericCellValue()).as(unit.getKey())
                        .isEqualTo(RELAZIONE.get("Unità|" + unit.getKey()));
                // Every card's result is the Relazione's.
                for (Row row : esiti) {
                    if (text(row, 0).equals("Obiettivo operativo")) {
                        String code = text(row, 1).split(" ")[0];
                        Row card = sheetRowAfter(esiti, row.getRowNum(), "Risultato misurato obiettivo");
                        assertThat(card.getCell(1).getNumericCellValue()).as(code)
                                .isEqualTo(RELAZIONE.get("Obiettivo operativo|" + code));
                    }
                }
                // The bundled sheets carry every published value: nothing left to report.
                assertThat(text(workbook.getSheet("Da rilevare").getRow(3), 0))
                        .isEqualTo("Tutti gli indicatori dell'unità hanno un valore per il periodo.");
            }
        }
        // Servizio Promozione, as published: 99,63 %; its area 99,81 %.
        try (XSSFWorkbook promozione = open("unita/Esiti-S_PRO-2022.xlsx")) {
            assertThat(row(promozione.getSheet("Esiti"), "Risultato dell'unità").getCell(1).getNumericCellValue())
                    .isCloseTo(0.9963, org.assertj.core.data.Offset.offset(0.00005));
        }
        try (XSSFWorkbook area = open("unita/Esiti-A_PA-2022.xlsx")) {
            Sheet esiti = area.getSheet("Esiti");
            assertThat(row(esiti, "Risultato dell'unità").getCell(1).getNumericCellValue())
                    .isEqualTo(RELAZIONE.get("Unità|A_PA"));
            // An area takes part through its units: S_PRO's 9 and S_RF's 5, 4 of them shared (2.1.1, 2.1.3, 2.3.1, 2.3.2).
            assertThat(captions(esiti, "Obiettivo operativo")).hasSize(9 + 5 - 4);
        }
    }

    @Test
    void eachDirigenteGetsHisScorecardWithTheRelazionesTotal() throws Exception {
        for (String code : List.of("CR01", "CR02", "CR03")) {
            try (XSSFWorkbook workbook = open("cruscotti/Cruscotto-" + code + "-2022.xlsx")) {
                Sheet sheet = workbook.getSheet("Cruscotto");
                Row title = sheet.getRow(2);
                assertThat(text(title, 0)).startsWith(code + " – Ciabatti Enrico");
                assertThat(title.getCell(6).getNumericCellValue()).isEqualTo(RELAZIONE.get("Cruscotto|" + code));
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
            }
        }
    }

    private static XSSFWorkbook open(String file) throws Exception {
        return new XSSFWorkbook(output.resolve("2022").resolve(file).toFile());
    }

    private static List<String> captions(Sheet sheet, String label) {
        List<String> codes = new ArrayList<>();
        for (Row row : sheet) {
            if (text(row, 0).equals(label)) {
                codes.add(text(row, 1).split(" ")[0]);
            }
        }
        return codes;
    }

    private static Row row(Sheet sheet, String label) {
        return sheetRowAfter(sheet, 0, label);
    }

    private static Row sheetRowAfter(Sheet sheet, int from, String label) {
        for (int r = from; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && text(row, 0).equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static List<String> names(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
