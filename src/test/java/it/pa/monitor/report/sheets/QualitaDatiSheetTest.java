package it.pa.monitor.report.sheets;

import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.results.DataQuality;
import it.pa.monitor.results.FileIssues;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class QualitaDatiSheetTest {

    private static final List<String> CAPTIONS = List.of("File scartati", "Avvisi sui file accettati",
            "Unità che non hanno inviato la scheda", "Valori in conflitto", "Incongruenze del piano",
            "Rettifiche OIV applicate", "Indicatori non calcolati");
    private static final Instant RECEIVED = Instant.parse("2023-01-20T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void listsEverySectionWithItsRows() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Qualità dati");
            assertThat(sheet).isNotNull();
            List<Integer> captions = new ArrayList<>();
            for (String caption : CAPTIONS) {
                captions.add(find(sheet, caption).getRowNum());
            }
            assertThat(captions).isSorted();
            assertThat(workbook.getFontAt(find(sheet, "File scartati").getCell(0).getCellStyle().getFontIndex())
                    .getBold()).isTrue();

            Row rejected = below(sheet, "File scartati", 2);
            assertThat(texts(below(sheet, "File scartati", 1)))
                    .containsExactly("File", "Foglio", "Cella", "Valore", "Problema");
            assertThat(rejected.getCell(0).getStringCellValue()).isEqualTo("scheda promozione.xlsx");
            assertThat(rejected.getCell(2).getStringCellValue()).isEqualTo("D9");
            assertThat(rejected.getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(rejected.getCell(3).getStringCellValue()).isEqualTo("circa 1300");
            assertThat(rejected.getCell(4).getStringCellValue()).isEqualTo("Valore non riconosciuto: \"circa 1300\".");

            assertThat(texts(below(sheet, "Avvisi sui file accettati", 1)))
                    .containsExactly("File", "Foglio", "Cella", "Valore", "Problema");
            Row warning = below(sheet, "Avvisi sui file accettati", 2);
            assertThat(warning.getCell(0).getStringCellValue()).isEqualTo("scheda_S_RM_2022.xlsx");
            assertThat(warning.getCell(3).getStringCellValue()).isEqualTo(">= 12");

            assertThat(below(sheet, "Unità che non hanno inviato la scheda", 2).getCell(0).getStringCellValue())
                    .isEqualTo("S_RF - Servizio Risorse finanziarie, Acquisti e Patrimonio");

            assertThat(texts(below(sheet, "Valori in conflitto", 1))).containsExactly("Indicatore",
                    "Valore vincente", "File", "Ricevuto il", "Valore scartato", "File", "Ricevuto il");
            Row conflict = below(sheet, "Valori in conflitto", 2);
            assertThat(conflict.getCell(0).getStringCellValue()).isEqualTo("OS_1.1/Studi_ISR – Realizzazione studi da ISR");
            assertThat(conflict.getCell(1).getStringCellValue()).isEqualTo("10");
            assertThat(conflict.getCell(2).getStringCellValue()).isEqualTo("scheda_S_RM_2022 corretta.xlsx");
            assertDateTime(conflict.getCell(3), RECEIVED);
            assertThat(conflict.getCell(4).getStringCellValue()).isEqualTo("6");
            assertThat(conflict.getCell(5).getStringCellValue()).isEqualTo("scheda_S_RM_2022.xlsx");
            assertDateTime(conflict.getCell(6), RECEIVED.minusSeconds(3600));

            assertThat(texts(below(sheet, "Incongruenze del piano", 1)))
                    .containsExactly("File", "Foglio", "Riga/colonna", "Problema");
            Row plan = below(sheet, "Incongruenze del piano", 2);
            assertThat(plan.getCell(0).getStringCellValue()).isEqualTo("piano-2022.xlsx");
            assertThat(plan.getCell(2).getStringCellValue()).isEqualTo("riga 12");
            assertThat(plan.getCell(3).getStringCellValue()).contains("compare più volte");

            assertThat(texts(below(sheet, "Rettifiche OIV applicate", 1)))
                    .containsExactly("Indicatore", "Livello", "Motivazione", "Autore", "Data", "File");
            Row override = below(sheet, "Rettifiche OIV applicate", 2);
            assertThat(override.getCell(1).getNumericCellValue()).isCloseTo(0.90, within(0.00005));
            assertThat(override.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(override.getCell(2).getStringCellValue()).isEqualTo("progetto rinviato dalla Regione");
            assertThat(override.getCell(3).getStringCellValue()).isEqualTo("OIV");
            assertThat(DateUtil.isCellDateFormatted(override.getCell(4))).isTrue();
            assertThat(override.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 3, 15));
            assertThat(override.getCell(5).getStringCellValue()).isEqualTo("rettifiche-2022.xlsx");
            int overrideRow = override.getRowNum();
            boolean coloured = false;
            for (int i = 0; i < sheet.getSheetConditionalFormatting().getNumConditionalFormattings(); i++) {
                for (CellRangeAddress range : sheet.getSheetConditionalFormatting().getConditionalFormattingAt(i)
                        .getFormattingRanges()) {
                    coloured |= range.isInRange(overrideRow, 1);
                }
            }
            assertThat(coloured).as("traffic light on the override level").isTrue();

            // Every indicator of the fixture was scored: the section says so.
            assertThat(texts(below(sheet, "Indicatori non calcolati", 1)))
                    .containsExactly("Indicatore", "Stato", "Motivo");
            assertThat(below(sheet, "Indicatori non calcolati", 2).getCell(0).getStringCellValue())
                    .isEqualTo("Nessuno");
        }
    }

    @Test
    void saysNessunoForEmptySectionsAndKeepsOfficeTextAsText() throws IOException {
        ReportData base = ReportFixtures.massaCarrara();
        IndicatorResult scored = base.current().indicators().get(0);
        IndicatorResult notScored = new IndicatorResult(scored.key(), scored.weight(), IndicatorStatus.NOT_REPORTED,
                null, null, "nessun valore ricevuto", null, "scheda non inviata");
        DataQuality quality = new DataQuality(
                List.of(Problem.cellError("Rilevazione", "D9", "=SUM(A1)",
                        "Valore non riconosciuto").inFile("scheda.xlsx")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(notScored));
        ReportData data = new ReportData(base.plan(), base.methodology(), base.period(), base.current(),
                base.history(), base.values(), quality, base.sources());

        try (XSSFWorkbook workbook = writeAndRead(data)) {
            XSSFSheet sheet = workbook.getSheet("Qualità dati");
            Cell formulaLike = below(sheet, "File scartati", 2).getCell(3);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=SUM(A1)");
            for (String empty : List.of("Avvisi sui file accettati", "Unità che non hanno inviato la scheda",
                    "Valori in conflitto", "Incongruenze del piano", "Rettifiche OIV applicate")) {
                assertThat(below(sheet, empty, 2).getCell(0).getStringCellValue()).as(empty).isEqualTo("Nessuno");
                assertThat(below(sheet, empty, 3)).as(empty).isNull();
            }
            Row row = below(sheet, "Indicatori non calcolati", 2);
            assertThat(row.getCell(0).getStringCellValue()).startsWith(scored.key().reference());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("non rilevato");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("nessun valore ricevuto; scheda non inviata");
        }
    }

    @Test
    void freezesTheTitleAndPrintsLandscape() throws IOException {
        try (XSSFWorkbook workbook = writeAndRead(ReportFixtures.massaCarrara())) {
            XSSFSheet sheet = workbook.getSheet("Qualità dati");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Qualità dei dati");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getFitToPage()).isTrue();
        }
    }

    private static void assertDateTime(Cell cell, Instant expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getLocalDateTimeCellValue())
                .isEqualTo(LocalDateTime.ofInstant(expected, ZoneId.systemDefault()));
    }

    @Test
    void listsFilesProblemsAsTheyAreReadUpToItsLimitAndCountsTheRest() throws IOException {
        ReportData base = ReportFixtures.massaCarrara();
        // Read when the sheet is written, one at a time: 7 errors of rejected files, 6 warnings.
        int[] reads = {0, 0};
        FileIssues rejected = each -> {
            reads[0]++;
            for (int i = 1; i <= 7; i++) {
                each.accept(Problem.cellError("Rilevazione", "H" + i, "x" + i, "Valore non riconosciuto")
                        .inFile("scheda_" + i + ".xlsx"));
            }
        };
        FileIssues warnings = each -> {
            reads[1]++;
            for (int i = 1; i <= 6; i++) {
                each.accept(Problem.cellError("Rilevazione", "H" + i, "w" + i, "Avviso").inFile("scheda_ok.xlsx"));
            }
        };
        DataQuality quality = new DataQuality(rejected, warnings, List.of(), List.of(), List.of(), List.of(),
                List.of());
        ReportData data = new ReportData(base.plan(), base.methodology(), base.period(), base.current(),
                base.history(), base.values(), quality, base.sources());

        try (XSSFWorkbook workbook = writeAndRead(data, 5)) {
            XSSFSheet sheet = workbook.getSheet("Qualità dati");
            assertThat(reads).containsExactly(1, 1);
            // Five of the seven errors, in their order, then one line for the 7 - 5 = 2 left out.
            for (int i = 1; i <= 5; i++) {
                assertThat(below(sheet, "File scartati", 1 + i).getCell(3).getStringCellValue()).isEqualTo("x" + i);
            }
            assertThat(below(sheet, "File scartati", 7).getCell(0).getStringCellValue())
                    .isEqualTo("Sono elencati i primi 5 problemi su 7. Ogni file scartato ha il suo rapporto di"
                            + " errore.");
            // Six warnings: five listed, then the line for the one left out, saying where the units' warnings are;
            // the next section after a blank row.
            assertThat(below(sheet, "Avvisi sui file accettati", 6).getCell(3).getStringCellValue()).isEqualTo("w5");
            assertThat(below(sheet, "Avvisi sui file accettati", 7).getCell(0).getStringCellValue())
                    .isEqualTo("Sono elencati i primi 5 problemi su 6. Gli avvisi dei file di"
                            + " ogni unità sono anche nel foglio Avvisi della sua cartella di esiti.");
            assertThat(find(sheet, "Unità che non hanno inviato la scheda").getRowNum())
                    .isEqualTo(find(sheet, "Avvisi sui file accettati").getRowNum() + 2 + 5 + 1 + 1);
        }
    }

    private XSSFWorkbook writeAndRead(ReportData data) throws IOException {
        return writeAndRead(data, QualitaDatiSheet.MAX_FILE_ISSUES);
    }

    private XSSFWorkbook writeAndRead(ReportData data, int maxFileIssues) throws IOException {
        Path file = folder.resolve("qualita-" + System.nanoTime() + ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 100);
             OutputStream out = Files.newOutputStream(file)) {
            assertThat(new QualitaDatiSheet(maxFileIssues).write(workbook, data, new ReportStyles(workbook)))
                    .isTrue();
            workbook.write(out);
        }
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    private static Row find(XSSFSheet sheet, String caption) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && caption.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no section " + caption);
    }

    private static Row below(XSSFSheet sheet, String caption, int offset) {
        return sheet.getRow(find(sheet, caption).getRowNum() + offset);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
