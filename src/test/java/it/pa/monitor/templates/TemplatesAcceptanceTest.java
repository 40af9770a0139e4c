package it.pa.monitor.templates;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import it.pa.monitor.MonitorApplication;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance for templates, as a user runs them: load the bundled Massa-Carrara 2022
 * plan, {@code templates --period 2022}, read the templates back, fill every Consuntivo with the
 * published year-end values, drop them, run, and get exactly what the bundled sample sheets give.
 */
class TemplatesAcceptanceTest {

    private static final String ENTE = "Camera di Commercio di Massa-Carrara";

    @TempDir
    static Path work;
    private static Path templates;
    private static CommandRun generated;

    @BeforeAll
    static void loadThePlanAndGenerate() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        copySample("piano-2022.xlsx", inbox);
        CommandRun load = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", CommandRun.fileDb(work.resolve("db")));
        assertThat(load.exitCode()).as(load.output()).isZero();
        templates = work.resolve("templates");
        generated = CommandRun.of("templates", "--period", "2022", "--output", templates.toString(), "--db",
                CommandRun.fileDb(work.resolve("db")));
    }

    @Test
    void oneTemplatePerUnitCruscottoAndEnteCoveringEveryIndicator() {
        assertThat(generated.exitCode()).as(generated.errors()).isZero();
        assertThat(generated.output()).contains("Modelli 2022: 9 scritti in " + templates.toAbsolutePath().normalize());
        // Struttura order of the units with indicators (areas answer for none), then CR01 (its own
        // SG3:2022_IND names no Responsabile), CR02 (C1.1_07, C2.7.2_02), then ENTE (the OS indicators).
        assertThat(TemplateSheet.list(templates)).extracting(p -> p.getFileName().toString()).containsExactly(
                "scheda_CR01_2022.xlsx", "scheda_CR02_2022.xlsx", "scheda_ENTE_2022.xlsx", "scheda_ISR_2022.xlsx",
                "scheda_S_AG_2022.xlsx", "scheda_S_PRO_2022.xlsx", "scheda_S_RF_2022.xlsx", "scheda_S_RI_2022.xlsx",
                "scheda_S_RM_2022.xlsx");
        Set<IndicatorKey> covered = new LinkedHashSet<>();
        Map<String, Integer> rowsPerFile = new TreeMap<>();
        for (Path file : TemplateSheet.list(templates)) {
            try (XSSFWorkbook workbook = TemplateSheet.open(file)) {
                Map<Integer, IndicatorKey> rows = TemplateSheet.rows(workbook.getSheet("Rilevazione"));
                covered.addAll(rows.values());
                rowsPerFile.put(file.getFileName().toString(), rows.size());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        // All 50 indicators of the plan, each at least once.
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                TranscribedPlans.plan("massa-carrara-2022").indicators().stream().map(i -> i.key()).toList());
        // By hand from the plan: S_PRO answers for OO_1.2.2 (1), OO_3.1.1 (2), OO_3.1.2 (2), OO_3.1.3 (1),
        // OO_3.3.1 (1) and takes part in OO_2.1.1 (3), OO_2.1.3 (3), OO_2.3.1 (1), OO_2.3.2 (1): 15 rows.
        // ENTE: the 20 indicators of the strategic objectives. CR01: 1, CR02: 2.
        assertThat(rowsPerFile).containsEntry("scheda_S_PRO_2022.xlsx", 15).containsEntry("scheda_ENTE_2022.xlsx", 20)
                .containsEntry("scheda_CR01_2022.xlsx", 1).containsEntry("scheda_CR02_2022.xlsx", 2);
    }

    @Test
    void rowsAreGroupedByObjectiveInPlanOrderWithTheirPlanData() throws IOException {
        try (XSSFWorkbook workbook = TemplateSheet.open(templates.resolve("scheda_S_PRO_2022.xlsx"))) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            assertThat(TemplateSheet.columns(sheet).keySet()).containsExactly("Codice obiettivo", "Obiettivo",
                    "Codice indicatore", "Indicatore", "Algoritmo", "Unità di misura", "Peso", "Target",
                    "Consuntivo 30/04/2022", "Consuntivo 31/08/2022", "Consuntivo", "Note");
            assertThat(TemplateSheet.rows(sheet).values()).extracting(IndicatorKey::objectiveCode).containsExactly(
                    "OO_1.2.2", "OO_2.1.1", "OO_2.1.1", "OO_2.1.1", "OO_2.1.3", "OO_2.1.3", "OO_2.1.3", "OO_2.3.1",
                    "OO_2.3.2", "OO_3.1.1", "OO_3.1.1", "OO_3.1.2", "OO_3.1.2", "OO_3.1.3", "OO_3.3.1");
            Row first = sheet.getRow(TemplateSheet.HEADER + 1);
            assertThat(first.getCell(1).getStringCellValue())
                    .isEqualTo("Supporto e coordinamento di progetti condivisi per lo sviluppo del territorio");
            assertThat(first.getCell(3).getStringCellValue())
                    .isEqualTo("Indicatore sintetico degli obiettivi dei progetti del 20%");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("%");
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(100.0);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo(">= 95,00 %");
        }
    }

    @Test
    void onlyConsuntivoNoteAndTheCompilerCellsAreUnlockedOnAProtectedSheet() throws IOException {
        try (XSSFWorkbook workbook = TemplateSheet.open(templates.resolve("scheda_S_RM_2022.xlsx"))) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            assertThat(sheet.getProtect()).isTrue();
            var protection = sheet.getCTWorksheet().getSheetProtection();
            assertThat(protection.isSetPassword()).as("no password").isFalse();
            assertThat(protection.isSetHashValue()).as("no password").isFalse();
            Map<String, Integer> columns = TemplateSheet.columns(sheet);
            Set<Integer> open = Set.of(columns.get("Consuntivo"), columns.get("Note"));
            int unlocked = 0;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    boolean expectedOpen = row.getRowNum() > TemplateSheet.HEADER ? open.contains(cell.getColumnIndex())
                            : cell.getColumnIndex() == 1 && (row.getRowNum() == 6 || row.getRowNum() == 7);
                    assertThat(cell.getCellStyle().getLocked()).as(cell.getAddress().formatAsString())
                            .isEqualTo(!expectedOpen);
                    unlocked += expectedOpen ? 1 : 0;
                }
            }
            // S_RM: OO_2.1.1 (3), OO_2.1.3 (3), OO_2.2.2 (2), OO_2.3.1 (1), OO_2.3.2 (1), OO_3.2.1 (3),
            // OO_3.2.2 (3) = 16 rows × 2 cells, plus Compilato da and Data compilazione.
            assertThat(unlocked).isEqualTo(16 * 2 + 2);
            assertThat(workbook.getSheet("Istruzioni").getProtect()).isTrue();
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("_meta"))).isTrue();
            // A4 landscape, the table header repeated on every printed page.
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("10:10");
        }
    }

    @Test
    void consuntivoOfANumericTargetTakesANumberOrNc() throws IOException {
        try (XSSFWorkbook workbook = TemplateSheet.open(templates.resolve("scheda_S_RM_2022.xlsx"))) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            int actual = TemplateSheet.columns(sheet).get("Consuntivo");
            Map<String, XSSFDataValidation> byCell = new LinkedHashMap<>();
            for (XSSFDataValidation v : sheet.getDataValidations()) {
                byCell.put(v.getRegions().getCellRangeAddress(0).formatAsString(), v);
            }
            Map<Integer, IndicatorKey> rows = TemplateSheet.rows(sheet);
            assertThat(rows).hasSize(16);
            for (Map.Entry<Integer, IndicatorKey> row : rows.entrySet()) {
                String cell = new org.apache.poi.ss.util.CellReference(row.getKey(), actual).formatAsString(false);
                XSSFDataValidation v = byCell.get(cell);
                assertThat(v).as(cell).isNotNull();
                assertThat(v.getValidationConstraint().getValidationType())
                        .isEqualTo(DataValidationConstraint.ValidationType.FORMULA);
                assertThat(v.getValidationConstraint().getFormula1())
                        .isEqualTo("OR(ISNUMBER(" + cell + "),UPPER(TRIM(" + cell + "))=\"N.C.\",UPPER(TRIM(" + cell
                                + "))=\"N.D.\")");
                assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getErrorBoxTitle()).isEqualTo("Valore non valido");
                assertThat(v.getErrorBoxText()).startsWith("Il target è numerico (");
                assertThat(v.getShowPromptBox()).isTrue();
                assertThat(v.getPromptBoxTitle()).isEqualTo("Consuntivo al 31/12/2022");
                String target = sheet.getRow(row.getKey()).getCell(7).getStringCellValue();
                assertThat(v.getPromptBoxText()).startsWith("Target: " + target);
            }
        }
    }

    @Test
    void headerBlockAndMetaSayWhoWhenAndWhichPlan() throws Exception {
        byte[] plan;
        try (InputStream in = MonitorApplication.class.getResourceAsStream("/samples/piano-2022.xlsx")) {
            plan = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plan));
        try (XSSFWorkbook workbook = TemplateSheet.open(templates.resolve("scheda_S_AG_2022.xlsx"))) {
            assertThat(TemplateSheet.headerBlock(workbook.getSheet("Rilevazione"))).containsEntry("Ente", ENTE)
                    .containsEntry("Unità organizzativa", "S_AG").containsEntry("Periodo", "2022")
                    .containsEntry("Data di riferimento", "31/12/2022").containsEntry("Compilato da", "")
                    .containsEntry("Data compilazione", "");
            assertThat(workbook.getSheet("Rilevazione").getRow(3).getCell(2).getStringCellValue())
                    .isEqualTo("Servizio AA.GG. e Risorse umane");
            assertThat(TemplateSheet.meta(workbook)).containsEntry("template_version", "1")
                    .containsEntry("unita", "S_AG").containsEntry("periodo", "2022")
                    .containsEntry("piano_sha256", sha);
            assertThat(workbook.getSheetName(0)).isEqualTo("Rilevazione");
            assertThat(workbook.getSheet("Istruzioni").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Come compilare la scheda di rilevazione");
        }
        try (XSSFWorkbook workbook = TemplateSheet.open(templates.resolve("scheda_ENTE_2022.xlsx"))) {
            assertThat(TemplateSheet.meta(workbook)).containsEntry("unita", "ENTE");
        }
    }

    @Test
    void filledTemplatesGiveExactlyTheResultsOfTheBundledSampleSheets() throws Exception {
        Map<IndicatorKey, String> published = new LinkedHashMap<>();
        TranscribedPlans.published("massa-carrara-2022").forEach(p -> published.put(p.key(), p.actual()));
        Path inbox = Files.createDirectories(work.resolve("returns"));
        int filled = 0;
        for (Path template : TemplateSheet.list(templates)) {
            Path copy = Files.copy(template, inbox.resolve(template.getFileName()));
            filled += TemplateSheet.fill(copy, published, "Ufficio di prova");
        }
        // Every Consuntivo cell of every template is filled. Rows by hand from the plan: S_RI 9, S_RM 16,
        // S_PRO 15, S_RF 9, S_AG 9, ISR 8 (the OO_2.1.1, OO_2.1.3 and OO_2.3.x indicators are asked of several
        // units), CR01 1, CR02 2, ENTE 20: 89 cells for the 50 indicators.
        assertThat(filled).isEqualTo(89);
        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", CommandRun.fileDb(work.resolve("db")));
        assertThat(run.exitCode()).isZero();
        // Seed 000, line 1982: "una ottima performance di Ente pari al 99,89%".
        assertThat(run.output()).contains("File: 9 accettati, 0 scartati, 0 saltati; " + filled + " valori registrati, 0 avvisi")
                .contains("Risultati " + ENTE + " 2022: ente 99,89 %, 50 indicatori misurati su 50");

        Path samples = Files.createDirectories(work.resolve("samples"));
        for (String name : List.of("piano-2022.xlsx", "scheda_A_SG_2022.xlsx", "scheda_ISR_2022.xlsx",
                "scheda_S_AG_2022.xlsx", "scheda_S_PRO_2022.xlsx", "scheda_S_RF_2022.xlsx", "scheda_S_RI_2022.xlsx",
                "scheda_S_RM_2022.xlsx")) {
            copySample(name, samples);
        }
        CommandRun reference = CommandRun.of("run", "--period", "2022", "--inbox", samples.toString(), "--output",
                work.resolve("output-samples").toString(), "--db", CommandRun.fileDb(work.resolve("db-samples")));
        assertThat(reference.output()).contains("ente 99,89 %");
        assertThat(scores(work.resolve("db"))).isEqualTo(scores(work.resolve("db-samples")));
    }

    /** Every stored result of the 2022 run: indicators and items, with status and rule. */
    private static Map<String, String> scores(Path db) throws SQLException {
        Map<String, String> scores = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(CommandRun.fileDb(db), "sa", "");
             var statement = c.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT i.objective_code, i.indicator_code, i.status,"
                    + " i.achievement, i.rule FROM indicator_score i JOIN score_run r ON r.id = i.run_id"
                    + " WHERE r.period = '2022'")) {
                while (rs.next()) {
                    scores.put("I " + rs.getString(1) + "/" + rs.getString(2), rs.getString(3) + " "
                            + plain(rs.getBigDecimal(4)) + " " + rs.getString(5));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT s.item_level, s.code, s.achievement FROM item_score s"
                    + " JOIN score_run r ON r.id = s.run_id WHERE r.period = '2022'")) {
                while (rs.next()) {
                    scores.put(rs.getString(1) + " " + rs.getString(2), plain(rs.getBigDecimal(3)));
                }
            }
        }
        assertThat(scores).hasSizeGreaterThan(50);
        return scores;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static void copySample(String name, Path folder) throws IOException {
        BundledSamples.copy(name, folder);
    }
}
