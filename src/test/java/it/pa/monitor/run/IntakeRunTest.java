package it.pa.monitor.run;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.intake.sheet.TestWorkbooks;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.values.Period;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The run job on real workbooks: accepted files reach H2 with their provenance and move to
 * archivio, rejected ones to scarti with an error report, nothing is lost or processed twice.
 * The plan is the bundled Massa-Carrara 2022 sample.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:intake-${random.uuid};DB_CLOSE_DELAY=-1",
        "monitor.intake.stable-seconds=0", "monitor.progress=false"})
@ActiveProfiles("test")
public class IntakeRunTest {

    static final String ENTE = "Camera di Commercio di Massa-Carrara";
    private static final Period PERIOD = Period.parse("2022");

    @Autowired
    private MonitorRun monitorRun;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path inbox;
    @TempDir
    private Path output;

    @BeforeEach
    void planIsLoaded() throws IOException {
        BundledSamples.copy("piano-2022.xlsx", inbox);
    }

    @Test
    void acceptedSheetIsStoredWithProvenanceAndArchived() {
        // Servizio Promozione reports its two indicators of OO_3.1.1 (seed 000: 45 and 1.295 against >= 10 and >= 100).
        SheetFixture.forUnit(ENTE, "Servizio Promozione", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "45,00 N.")
                .row("OO_3.1.1", "PartecAttivFormat", ">= 100,00 N.", 1295)
                .writeTo(inbox, "scheda_S_PRO_2022.xlsx");
        RunReport report = run();

        assertThat(report.completed()).isTrue();
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.valuesStored()).isEqualTo(2);
        assertThat(inbox.resolve("archivio/2022/scheda_S_PRO_2022.xlsx")).exists();
        assertThat(inbox.resolve("scheda_S_PRO_2022.xlsx")).doesNotExist();
        Map<String, Object> stored = jdbc.queryForMap("SELECT v.raw_value, v.value_number, v.sheet, v.cell, v.unit_code,"
                + " f.file_name, f.sha256 FROM reported_value v JOIN submitted_file f ON f.id = v.file_id"
                + " WHERE v.indicator_code = 'PartecAttivFormat'");
        assertThat(stored).containsEntry("RAW_VALUE", "1295").containsEntry("SHEET", "Rilevazione")
                .containsEntry("CELL", "D9").containsEntry("UNIT_CODE", "S_PRO")
                .containsEntry("FILE_NAME", "scheda_S_PRO_2022.xlsx");
        assertThat((BigDecimal) stored.get("VALUE_NUMBER")).isEqualByComparingTo("1295");
        assertThat((String) stored.get("SHA256")).hasSize(64);
    }

    @Test
    void sheetWithABadValueIsRejectedWholeWithAnErrorReport() throws IOException {
        SheetFixture.forUnit(ENTE, "S_PRO", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "45")
                .row("OO_3.1.1", "PartecAttivFormat", ">= 100,00 N.", "circa 1300")
                .writeTo(inbox, "scheda promozione.xlsx");
        RunReport report = run();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.valuesStored()).isZero();
        assertThat(count("SELECT COUNT(*) FROM reported_value v JOIN submitted_file f ON f.id = v.file_id"
                + " WHERE f.file_name = 'scheda promozione.xlsx'")).isZero();
        assertThat(inbox.resolve("scarti/2022/scheda promozione.xlsx")).exists();
        Path errors = output.resolve("2022/scarti/scheda promozione-errori.xlsx");
        assertThat(errors).exists();
        try (Workbook workbook = WorkbookFactory.create(errors.toFile())) {
            assertThat(workbook.getSheet("Errori")).isNotNull();
        }
        assertThat(jdbc.queryForList("SELECT p.cell FROM file_problem p JOIN submitted_file f ON f.id = p.file_id"
                + " WHERE f.file_name = 'scheda promozione.xlsx' AND p.severity = 'ERRORE'", String.class))
                .containsExactly("D9");
    }

    @Test
    void theSameFileDroppedTwiceIsProcessedOnce() throws IOException {
        Path first = SheetFixture.forUnit(ENTE, "S_RF", "2022")
                .row("OO_2.1.2", "Sollecit_DA", ">= 2,00 N.", "2")
                .writeTo(inbox, "scheda_S_RF_2022.xlsx");
        Path copy = Files.copy(first, inbox.resolve("scheda_S_RF_2022 copia.xlsx"));
        // The copy arrives after the original (equal times would let the name decide which one is "the copy").
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(first).toMillis() + 1000));
        RunReport report = run();

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.skipped()).extracting(SkippedFile::fileName).contains("scheda_S_RF_2022 copia.xlsx");
        assertThat(count("SELECT COUNT(*) FROM reported_value WHERE indicator_code = 'Sollecit_DA'")).isEqualTo(1);
        assertThat(inbox.resolve("archivio/2022/scheda_S_RF_2022.xlsx")).exists();
        assertThat(inbox.resolve("archivio/2022/scheda_S_RF_2022 copia.xlsx")).exists();

        // Dropped again in a later run: still nothing new.
        Files.copy(inbox.resolve("archivio/2022/scheda_S_RF_2022.xlsx"), inbox.resolve("di nuovo.xlsx"));
        RunReport again = run();
        assertThat(again.accepted()).isZero();
        assertThat(count("SELECT COUNT(*) FROM reported_value WHERE indicator_code = 'Sollecit_DA'")).isEqualTo(1);
        assertThat(inbox.resolve("archivio/2022/di nuovo.xlsx")).exists();
    }

    @Test
    void twoFilesForTheSameUnitKeepBothValuesAndTheLaterWins() throws IOException {
        Path early = SheetFixture.forUnit(ENTE, "S_RM", "2022")
                .row("OO_3.2.2", "N_ImpPesatInd", ">= 10,00 N.", "6")
                .writeTo(inbox, "scheda_S_RM_2022.xlsx");
        Files.setLastModifiedTime(early, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60000));
        SheetFixture.forUnit(ENTE, "S_RM", "2022")
                .row("OO_3.2.2", "N_ImpPesatInd", ">= 10,00 N.", "10")
                .writeTo(inbox, "scheda_S_RM_2022 corretta.xlsx");
        RunReport report = run();

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM reported_value WHERE indicator_code = 'N_ImpPesatInd'")).isEqualTo(2);
        String winner = jdbc.queryForObject("SELECT w.raw_value FROM value_conflict c JOIN reported_value w"
                + " ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id WHERE l.raw_value = '6'",
                String.class);
        assertThat(winner).isEqualTo("10");
        BigDecimal achievement = jdbc.queryForObject("SELECT s.achievement FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id WHERE r.period = '2022' AND s.indicator_code = 'N_ImpPesatInd'",
                BigDecimal.class);
        assertThat(achievement).isEqualByComparingTo("100");
    }

    @Test
    void filesForAnotherPeriodOrEnteAreRejectedWithThatReason() {
        SheetFixture.forUnit(ENTE, "S_RI", "2022-Q3").row("OO_2.2.1", "Percent_RilascioCO", ">= 90,00 %", "100 %")
                .writeTo(inbox, "trimestre.xlsx");
        SheetFixture.forUnit("Camera di Commercio di Lucca", "S_RI", "2022")
                .row("OO_2.2.1", "Percent_RilascioCO", ">= 90,00 %", "100 %").writeTo(inbox, "lucca.xlsx");
        RunReport report = run();

        assertThat(report.files()).extracting(FileLedger.Entry::fileName, FileLedger.Entry::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("trimestre.xlsx",
                                "il file è per il periodo 2022-Q3, l'elaborazione è per il periodo 2022"),
                        org.assertj.core.groups.Tuple.tuple("lucca.xlsx", "il file è dell'ente «Camera di Commercio"
                                + " di Lucca», ma il piano 2022 caricato è di «" + ENTE + "»"));
    }

    /** Five header-block lines, a blank line and the table header: the first indicator is on row 8. */
    @Test
    void rowProblemsEachRejectTheFileWithAMessageOnTheCell() {
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "N_MedGestite", ">= 100,00 N.", new SheetFixture.Formula("1/0"))
                .writeTo(inbox, "div0.xlsx");
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "N_MedGestite", ">= 100,00 N.", "centosessanta")
                .writeTo(inbox, "testo.xlsx");
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "N_MedGestite", ">= 100,00 N.", "163")
                .row("OO_3.2.1", "N_MedGestite", ">= 100,00 N.", "164").writeTo(inbox, "doppia.xlsx");
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "XYZ", ">= 1", "1").writeTo(inbox, "ignoto.xlsx");
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "Data_EmissOrdinanze", "= 100,00 %", "Sì")
                .writeTo(inbox, "tipo.xlsx");
        SheetFixture.forUnit(ENTE, "S_RM", "2022").row("OO_3.2.1", "N_MedGestite", ">= 100,00 N.",
                new SheetFixture.Formula(" 163,00")).writeAsScript(inbox, "script.xlsx");
        run();

        assertThat(errorsOf("div0.xlsx")).singleElement().satisfies(p -> assertThat(p).startsWith("D8: La cella"
                + " contiene un errore di formula (#DIV/0!)"));
        assertThat(errorsOf("testo.xlsx")).singleElement().satisfies(p -> assertThat(p).startsWith(
                "D8: Valore non riconosciuto: \"centosessanta\""));
        assertThat(errorsOf("doppia.xlsx")).containsExactly(
                "B9: riga duplicata: l'indicatore «OO_3.2.1/N_MedGestite» compare più volte nel foglio");
        assertThat(errorsOf("ignoto.xlsx")).containsExactly("B8: codice indicatore «XYZ» non presente nel piano");
        assertThat(errorsOf("tipo.xlsx")).containsExactly("D8: il target è numerico (= 100,00 %): scrivere un"
                + " numero, ad esempio 0 se nulla è stato fatto");
        // A script turned the text "= 163,00" into a formula with no value: an error, not a silent blank.
        assertThat(errorsOf("script.xlsx")).singleElement().satisfies(p -> assertThat(p).startsWith(
                "D8: la formula «= 163,00» è stata salvata senza il suo valore"));
        for (String name : List.of("div0.xlsx", "testo.xlsx", "doppia.xlsx", "ignoto.xlsx", "tipo.xlsx",
                "script.xlsx")) {
            assertThat(inbox.resolve("scarti/2022").resolve(name)).as(name).exists();
        }
    }

    @Test
    void lockFilesHiddenFilesAndOtherFormatsAreHandled() throws IOException {
        Files.writeString(inbox.resolve("~$scheda.xlsx"), "lock");
        Files.writeString(inbox.resolve(".nascosto.xlsx"), "hidden");
        Files.writeString(inbox.resolve("note.pdf"), "%PDF-1.4");
        Files.write(inbox.resolve("vuoto.xlsx"), new byte[0]);
        Files.writeString(inbox.resolve("rinominato.xlsx"), "Codice;Consuntivo\nA;1\n");
        RunReport report = run();

        assertThat(report.completed()).isTrue();
        assertThat(inbox.resolve("~$scheda.xlsx")).exists();
        assertThat(inbox.resolve(".nascosto.xlsx")).exists();
        assertThat(inbox.resolve("scarti/2022/note.pdf")).exists();
        assertThat(inbox.resolve("scarti/2022/vuoto.xlsx")).exists();
        assertThat(inbox.resolve("scarti/2022/rinominato.xlsx")).exists();
        assertThat(output.resolve("2022/scarti/note-errori.xlsx")).exists();
        assertThat(report.files()).extracting(FileLedger.Entry::fileName)
                .contains("note.pdf", "vuoto.xlsx", "rinominato.xlsx").doesNotContain("~$scheda.xlsx");
    }

    @Test
    void anOfficeNameWithSpacesAccentsAndQuotesSurvives() {
        String name = "scheda Servizio Promozione l'ufficio \"A\" è 2022.xlsx";
        SheetFixture.forUnit(ENTE, "S_PRO", "2022").row("OO_3.1.3", "Indice_ProgTurismo", "= 100,00 %", "100 %")
                .writeTo(inbox, name);
        RunReport report = run();
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(inbox.resolve("archivio/2022").resolve(name)).exists();
    }

    @Test
    void overridesAreStoredAndUsedByScoring() throws IOException {
        SheetFixture.forUnit(ENTE, "S_PRO", "2022").row("OO_1.2.2", "Ind_Sint_Prog_20", ">= 95,00 %", "47,5 %")
                .writeTo(inbox, "scheda.xlsx");
        Path overrides = inbox.resolve("rettifiche-2022.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = Files.newOutputStream(overrides)) {
            var sheet = workbook.createSheet("Rettifiche");
            String[] head = {"Periodo", "Codice obiettivo", "Codice indicatore", "Livello", "Motivazione", "Autore",
                    "Data"};
            String[] row = {"2022", "OO_1.2.2", "Ind_Sint_Prog_20", "90 %", "progetto rinviato dalla Regione",
                    "OIV", "15/03/2023"};
            for (int r = 0; r < 2; r++) {
                var cells = sheet.createRow(r);
                String[] values = r == 0 ? head : row;
                for (int c = 0; c < values.length; c++) {
                    cells.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
        }
        RunReport report = run();

        assertThat(report.accepted()).isEqualTo(2);
        var stored = jdbc.queryForMap("SELECT override_level, motivation, author FROM oiv_override");
        assertThat((BigDecimal) stored.get("OVERRIDE_LEVEL")).isEqualByComparingTo("90");
        assertThat(stored).containsEntry("MOTIVATION", "progetto rinviato dalla Regione");
        var score = jdbc.queryForMap("SELECT s.status, s.achievement, s.note FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id WHERE r.period = '2022' AND s.indicator_code = 'Ind_Sint_Prog_20'");
        assertThat(score).containsEntry("STATUS", "OVERRIDDEN")
                .containsEntry("NOTE", "rettifica OIV (OIV): progetto rinviato dalla Regione");
        assertThat((BigDecimal) score.get("ACHIEVEMENT")).isEqualByComparingTo("90");
    }

    @Test
    void broken_protected_oversizedAndWrongWorkbooksEndInScartiWithWhatToFix() {
        TestWorkbooks.passwordProtected(inbox, "protetta.xlsx");
        TestWorkbooks.zipBomb(inbox, "bomba.xlsx");
        TestWorkbooks.rows(inbox, "enorme.xlsx", 200_000);
        TestWorkbooks.xlsx(inbox, "foglio-sbagliato.xlsx", wb -> TestWorkbooks.sheet(wb, "Foglio1",
                TestWorkbooks.row("Nome", "Cognome"), TestWorkbooks.row("Mario", "Rossi")));
        TestWorkbooks.xlsx(inbox, "senza-consuntivo.xlsx", wb -> TestWorkbooks.sheet(wb, "Rilevazione",
                TestWorkbooks.row("Codice obiettivo", "Codice indicatore", "Target"),
                TestWorkbooks.row("OS_1.1", "Studi_ISR", ">= 8,00 N.")));
        RunReport report = run();

        assertThat(report.completed()).isTrue();
        assertThat(report.rejected()).isEqualTo(5);
        Map<String, String> reasons = new java.util.HashMap<>();
        report.files().forEach(f -> reasons.put(f.fileName(), f.reason()));
        assertThat(reasons.get("protetta.xlsx")).contains("protetta da password");
        assertThat(reasons.get("bomba.xlsx")).contains("possibile zip bomb");
        assertThat(reasons.get("enorme.xlsx")).startsWith("Il foglio ha più di 20.000 righe di dati");
        assertThat(reasons.get("foglio-sbagliato.xlsx")).contains("Consuntivo");
        assertThat(reasons.get("senza-consuntivo.xlsx")).contains("Consuntivo");
        for (String name : reasons.keySet()) {
            assertThat(inbox.resolve("scarti/2022").resolve(name)).as(name).exists();
            assertThat(inbox.resolve(name)).as(name).doesNotExist();
        }
        assertThat(count("SELECT COUNT(*) FROM reported_value v JOIN submitted_file f ON f.id = v.file_id"
                + " WHERE f.status = 'REJECTED'")).isZero();
    }

    @Test
    void aSheetShapedLikeTheSeedTablesIsRead() {
        // Seed 000 lines 58-60: "Target" over the years 2022 2023 2024, then "Consuntivo 2022".
        TestWorkbooks.xlsx(inbox, "come-la-relazione.xlsx", wb -> TestWorkbooks.sheet(wb, "Rilevazione",
                TestWorkbooks.row("Ente", ENTE),
                TestWorkbooks.row("Periodo", "2022"),
                TestWorkbooks.row(),
                TestWorkbooks.row("Obiettivo", "Indicatore", "Algoritmo", "Target", null, null, "Tipologia",
                        "Consuntivo 2022"),
                TestWorkbooks.row(null, null, null, "2022", "2023", "2024", null, null),
                TestWorkbooks.row("OS_2.2", "OC_TD_02", "N. eventi", ">= 8,00 N.", null, null, "Volume", "9,00 N."),
                TestWorkbooks.row("OS_2.2", "OC_TD_03", "N. partecipanti", ">= 100,00 N.", null, null, "Volume",
                        "170,00 N.")));
        RunReport report = run();

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT raw_value FROM reported_value WHERE indicator_code LIKE 'OC_TD_0%'"
                + " ORDER BY indicator_code", String.class)).containsExactly("9,00 N.", "170,00 N.");
    }

    private RunReport run() {
        return monitorRun.run(new RunParameters(PERIOD, inbox, output));
    }

    private List<String> errorsOf(String fileName) {
        return jdbc.queryForList("SELECT p.cell || ': ' || p.message FROM file_problem p JOIN submitted_file f"
                + " ON f.id = p.file_id WHERE f.file_name = ? AND p.severity = 'ERRORE' ORDER BY p.seq", String.class,
                fileName);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
