package it.pa.monitor.intake.sheet;

import static it.pa.monitor.intake.sheet.MonitoringColumn.ACTUAL;
import static it.pa.monitor.intake.sheet.MonitoringColumn.ALGORITHM;
import static it.pa.monitor.intake.sheet.MonitoringColumn.INDICATOR_CODE;
import static it.pa.monitor.intake.sheet.MonitoringColumn.INDICATOR_NAME;
import static it.pa.monitor.intake.sheet.MonitoringColumn.NOTES;
import static it.pa.monitor.intake.sheet.MonitoringColumn.OBJECTIVE_CODE;
import static it.pa.monitor.intake.sheet.MonitoringColumn.OBJECTIVE_NAME;
import static it.pa.monitor.intake.sheet.MonitoringColumn.OPERATOR;
import static it.pa.monitor.intake.sheet.MonitoringColumn.TARGET;
import static it.pa.monitor.intake.sheet.MonitoringColumn.WEIGHT;
import static it.pa.monitor.intake.sheet.TestWorkbooks.merge;
import static it.pa.monitor.intake.sheet.TestWorkbooks.put;
import static it.pa.monitor.intake.sheet.TestWorkbooks.row;
import static it.pa.monitor.intake.sheet.TestWorkbooks.sheet;
import static it.pa.monitor.intake.sheet.TestWorkbooks.xls;
import static it.pa.monitor.intake.sheet.TestWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import it.pa.monitor.ScriptWrittenFormulas;
import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import it.pa.monitor.intake.sheet.TestWorkbooks.Formula;
import it.pa.monitor.intake.sheet.TestWorkbooks.Percent;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.workbook.ZipLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring-sheet reader on real workbooks written by POI, shaped like the seed tables. */
public class MonitoringSheetReaderTest {

    private static final Object[] PLAIN_HEADER = row("Codice obiettivo", "Codice indicatore", "Indicatore",
            "Algoritmo", "Peso", "Target", "Consuntivo", "Note");

    private final MonitoringSheetReader reader = new MonitoringSheetReader(20_000);

    @TempDir
    private Path dir;

    @Test
    void readsAPlainSheet() {
        Path file = xlsx(dir, "scheda_SG_2025-Q2.xlsx", wb -> sheet(wb, "Rilevazione",
                PLAIN_HEADER,
                row("OO_01.01.01", "IND_01", "Tempi medi di pagamento", "gg medi", 20, "<= 30 gg", 27, null),
                null,
                row("OO_01.01.01", "IND_02", "Pratiche evase", "evase / ricevute", 80, ">= 95%", "95,83 %", "in linea"),
                row(null, null, null, null, null, null, null, null)));

        MonitoringSheet sheet = read(file);

        assertThat(sheet.fileName()).isEqualTo("scheda_SG_2025-Q2.xlsx");
        assertThat(sheet.sheetName()).isEqualTo("Rilevazione");
        assertThat(sheet.headerRow()).isEqualTo(1);
        assertThat(sheet.headerCells()).containsOnly(entry(OBJECTIVE_CODE, "A1"), entry(INDICATOR_CODE, "B1"),
                entry(INDICATOR_NAME, "C1"), entry(ALGORITHM, "D1"), entry(WEIGHT, "E1"), entry(TARGET, "F1"),
                entry(ACTUAL, "G1"), entry(NOTES, "H1"));
        assertThat(sheet.headerBlock()).isEmpty();
        assertThat(sheet.meta()).isEmpty();
        assertThat(sheet.rows()).extracting(MonitoringRow::row).containsExactly(2, 4);
        MonitoringRow first = sheet.rows().get(0);
        assertThat(first.hidden()).isFalse();
        assertThat(first.cell(INDICATOR_CODE)).isEqualTo(new SheetCell("B2", 2, 1, CellValue.text("IND_01")));
        assertThat(first.cell(ACTUAL).value().number()).isEqualByComparingTo("27");
        assertThat(first.cell(ACTUAL).value().text()).isEqualTo("27");
        assertThat(first.cell(TARGET).value().text()).isEqualTo("<= 30 gg");
        // A blank cell of a header column keeps its address; a column the sheet lacks has none.
        assertThat(first.cell(NOTES)).isEqualTo(new SheetCell("H2", 2, 7, CellValue.EMPTY));
        assertThat(first.cell(OPERATOR)).isEqualTo(new SheetCell("", 2, -1, CellValue.EMPTY));
        assertThat(sheet.rows().get(1).cell(ACTUAL).value().text()).isEqualTo("95,83 %");
        assertThat(sheet.rows().get(1).cell(NOTES).address()).isEqualTo("H4");
    }

    @Test
    void readsTheHeaderBlockAboveAHeaderOnRow8() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Ente", "Camera di commercio di Prato"),
                    row("Unità organizzativa:", "Servizio Promozione"),
                    row("PERIODO", "2025-Q2"),
                    row("Data di riferimento", LocalDate.of(2025, 6, 30)),
                    row("Compilato da", "Mario Rossi"),
                    row("Data compilazione:", "15/07/2025"),
                    null,
                    row("Obiettivo", "Codice", "Nome indicatore", "Consuntivo 2025"),
                    row("OO_02.01.01", "IND_07", "Eventi organizzati", 12));
            put(sheet, 9, 0, row("OO_02.01.01", "IND_08", "Imprese assistite", 40));
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerRow()).isEqualTo(8);
        assertThat(sheet.headerBlock()).containsOnly(
                entry("ente", "Camera di commercio di Prato"),
                entry("unitaorganizzativa", "Servizio Promozione"),
                entry("periodo", "2025-Q2"),
                entry("datadiriferimento", "30/06/2025"),
                entry("compilatoda", "Mario Rossi"),
                entry("datacompilazione", "15/07/2025"));
        // "Obiettivo" alone is the objective code, "Codice" the indicator code.
        assertThat(sheet.headerCells()).containsOnly(entry(OBJECTIVE_CODE, "A8"), entry(INDICATOR_CODE, "B8"),
                entry(INDICATOR_NAME, "C8"), entry(ACTUAL, "D8"));
        assertThat(sheet.rows()).extracting(r -> r.cell(INDICATOR_CODE).value().text())
                .containsExactly("IND_07", "IND_08");
        assertThat(sheet.rows()).extracting(MonitoringRow::row).containsExactly(9, 10);
    }

    @Test
    void readsTheHiddenMetaSheet() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            sheet(wb, "Rilevazione", row("Codice indicatore", "Consuntivo"), row("IND_01", 5));
            sheet(wb, "_meta",
                    row("template_version", "1"),
                    row("unita", "SG"),
                    row("periodo", "2025-Q2"),
                    row("piano_sha256", "ab12cd"));
            wb.setSheetHidden(1, true);
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.meta()).containsOnly(entry("template_version", "1"), entry("unita", "SG"),
                entry("periodo", "2025-Q2"), entry("piano_sha256", "ab12cd"));
        assertThat(sheet.rows()).hasSize(1);
    }

    @Test
    void readsATwoRowHeaderLikeSeed000() {
        // Seed 000 lines 58-60: "Target" over "2022 2023 2024", then the data.
        Path file = xlsx(dir, "pira.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("MISSIONE - 011 - Competitività e sviluppo imprese"),
                    row("Risorse 2022 - Preventivo", null, "2.384.477,10 Euro"),
                    row("Indicatore", "Algoritmo", "Target", null, null, "Tipologia", "Unità misura", "Consuntivo 2022"),
                    row(null, null, 2022, 2023, 2024),
                    row("OC_TD_01", "N. self-assessment", ">= 500,00 N.", ">= 500,00 N.", ">= 500,00 N.", "Volume", "N.",
                            "565,00 N."),
                    row("OC_TD_02", "N. eventi", ">= 30,00 N.", ">= 30,00 N.", ">= 30,00 N.", "Volume", "N.", "35,00 N."),
                    row("OC_TD_04", "N. imprese assistite / 100 imprese attive", ">= 0,23 N.", ">= 0,23 N.", ">= 0,23 N.",
                            "Efficacia", "N.", "0,53 N."));
            merge(sheet, "C3:E3");
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerRow()).isEqualTo(3);
        // "Indicatore" with no code column next to it is the code column.
        assertThat(sheet.headerCells()).containsOnly(entry(INDICATOR_CODE, "A3"), entry(ALGORITHM, "B3"),
                entry(TARGET, "C3"), entry(ACTUAL, "H3"));
        assertThat(sheet.rows()).extracting(MonitoringRow::row).containsExactly(5, 6, 7);
        assertThat(sheet.rows().get(0).cell(ACTUAL).value().text()).isEqualTo("565,00 N.");
        assertThat(sheet.rows().get(2).cell(TARGET).value().text()).isEqualTo(">= 0,23 N.");
    }

    @Test
    void findsAColumnNamedInTheRowAboveTheHeader() {
        // "Target" merged over three year columns above the row that names the others.
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row(null, null, "Target", null, null, "Consuntivo"),
                    row("Codice indicatore", "Indicatore", "2025", "2026", "2027", null, "Note"),
                    row("IND_01", "Pratiche evase", "≥ 95%", "≥ 96%", "≥ 97%", "97 %", "ok"));
            merge(sheet, "C1:E1");
            merge(sheet, "F1:F2");
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerRow()).isEqualTo(2);
        assertThat(sheet.headerCells()).containsOnly(entry(INDICATOR_CODE, "A2"), entry(INDICATOR_NAME, "B2"),
                entry(TARGET, "C1"), entry(ACTUAL, "F1"), entry(NOTES, "G2"));
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.cell(TARGET).value().text()).isEqualTo("≥ 95%");
            assertThat(r.cell(ACTUAL).value().text()).isEqualTo("97 %");
        });
    }

    @Test
    void readsAPiraTableWithAShiftedHeaderAndAnOperatorColumn() {
        // Seed 002 lines 380-400: titles and labels above, the table starting in column B.
        Path file = xlsx(dir, "pira.xlsx", wb -> sheet(wb, "Rilevazione",
                row("D.M. 27/03/2013 Missione:", "011 - Competitività e sviluppo delle imprese"),
                row("Ambito strategico CCIAA PT-PO:", "03_01 Ottimizzazione della struttura"),
                row("Obiettivo:", "Valorizzazione degli spazi camerali e dell'Auditorium"),
                null,
                row(null, "Codice", "Indicatori", "Tipologia", "UdM", "Valore al 30/06/2025", "Operatore", "Target 2025",
                        "Target 2026", "Performance", "Peso indicatori"),
                row(null, "BEN_01", "Indagine di benessere organizzativo", "Volume", "%", "n.d.", ">=", "50%", "50%",
                        "n.d.", "14,3%"),
                row(null, "INTRA_01", "Intranet Implementazione della nuova intranet", "Efficienza", "si/no", "si", "=",
                        "si", "si", "100%", "14,3%"),
                row(null, "SMVP_01", "Aggiornamento ed approvazione del SMVP", "Efficienza", "entro",
                        LocalDate.of(2025, 1, 31), "=", "31/01/2025", "31/01/2026", "100%", "14,3%")));

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerRow()).isEqualTo(5);
        // "Indicatori" next to an explicit "Codice" is the name; the first "Target" is this year's.
        assertThat(sheet.headerCells()).containsOnly(entry(INDICATOR_CODE, "B5"), entry(INDICATOR_NAME, "C5"),
                entry(ACTUAL, "F5"), entry(OPERATOR, "G5"), entry(TARGET, "H5"), entry(WEIGHT, "K5"));
        // The "Obiettivo:" label above the table is not the header block (nor a header).
        assertThat(sheet.headerBlock()).isEmpty();
        assertThat(sheet.rows()).extracting(r -> r.cell(INDICATOR_CODE).value().text())
                .containsExactly("BEN_01", "INTRA_01", "SMVP_01");
        MonitoringRow smvp = sheet.rows().get(2);
        assertThat(smvp.cell(OPERATOR).value().text()).isEqualTo("=");
        assertThat(smvp.cell(ACTUAL).value().date()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(smvp.cell(ACTUAL).value().text()).isEqualTo("31/01/2025");
        assertThat(smvp.cell(ACTUAL).address()).isEqualTo("F8");
    }

    @Test
    void splitsATargetMergedOverItsOperatorLikeSeed002() {
        // Seed 002 lines 96-97: "Target 2024" over two columns, "≥" alone in the row under it.
        Path file = xlsx(dir, "pira.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Codice", "Indicatori", "Tipologia", "UdM", "Valore al 30/06/2025", "Target 2025", null,
                            "Target 2026", "Performance", "Peso indicatori"),
                    row(null, null, null, null, null, ">="),
                    row("PID_01", "Ampiezza delle azioni di diffusione", "Efficienza", "n.", 1, ">=", 4, "n.d.", "25%",
                            "20,0%"),
                    row("PID_02", "Grado di utilizzo delle risorse", "Salute economica", "%", "7%", ">=", "80%", "n.d.",
                            "8%", "20,0%"));
            merge(sheet, "F1:G1");
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerCells()).contains(entry(OPERATOR, "F1"), entry(TARGET, "F1"), entry(ACTUAL, "E1"));
        assertThat(sheet.rows()).extracting(MonitoringRow::row).containsExactly(3, 4);
        MonitoringRow pid = sheet.rows().get(0);
        assertThat(pid.cell(OPERATOR).value().text()).isEqualTo(">=");
        assertThat(pid.cell(TARGET).address()).isEqualTo("G3");
        assertThat(pid.cell(TARGET).value().number()).isEqualByComparingTo("4");
    }

    @Test
    void spreadsMergedObjectiveCellsToEveryRowOfTheMerge() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Codice obiettivo", "Descrizione obiettivo", "Codice indicatore", "Target", "Consuntivo"),
                    row("OO_01.01.01", "Digitalizzazione", "IND_01", ">= 10", 11),
                    row(null, null, "IND_02", null, 12),
                    row(null, null, "IND_03", null, 13),
                    row("OO_01.01.02", "Semplificazione", "IND_04", ">= 5", 4),
                    row(null, null, "IND_05", null, 6));
            merge(sheet, "A2:A4");
            merge(sheet, "B2:B4");
            // A merged target is not spread: only objective columns are.
            merge(sheet, "D2:D4");
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.rows()).extracting(r -> r.cell(OBJECTIVE_CODE).value().text())
                .containsExactly("OO_01.01.01", "OO_01.01.01", "OO_01.01.01", "OO_01.01.02", "");
        assertThat(sheet.rows()).extracting(r -> r.cell(OBJECTIVE_NAME).value().text())
                .containsExactly("Digitalizzazione", "Digitalizzazione", "Digitalizzazione", "Semplificazione", "");
        assertThat(sheet.rows().get(1).cell(OBJECTIVE_CODE).address()).isEqualTo("A3");
        assertThat(sheet.rows().get(1).cell(TARGET).value()).isEqualTo(CellValue.EMPTY);
    }

    @Test
    void keepsHiddenRowsMarkedHidden() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Codice indicatore", "Consuntivo"),
                    row("IND_01", 1),
                    row("IND_02", 2),
                    row("IND_03", 3));
            sheet.getRow(2).setZeroHeight(true);
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.rows()).extracting(MonitoringRow::row, MonitoringRow::hidden)
                .containsExactly(tuple(2, false), tuple(3, true), tuple(4, false));
    }

    @Test
    void readsFormulaPercentDateErrorAndBooleanCells() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo", "Peso", "Note"),
                row("F_NUM", new Formula("B3*2"), new Percent(0.2), null),
                row("NUM", 21.5, 20, null),
                row("F_TEXT", new Formula("\"Realiz\"&\"zato\""), null, new Formula("1=1")),
                row("PCT", new Percent(0.9583), null, null),
                row("F_PCT", new Formula("B5"), null, null),
                row("DATE", LocalDate.of(2025, 12, 18), null, null),
                row("DIV0", new Formula("1/0"), null, null),
                row("ERR", new TestWorkbooks.Error(FormulaError.NA.getCode()), null, null),
                row("BOOL", true, null, false)));

        List<MonitoringRow> rows = read(file).rows();

        assertThat(value(rows, "F_NUM").number()).isEqualByComparingTo("43");
        assertThat(value(rows, "F_NUM").text()).isEqualTo("43");
        assertThat(rows.get(0).cell(WEIGHT).value()).satisfies(v -> {
            assertThat(v.percentFormat()).isTrue();
            assertThat(v.number()).isEqualByComparingTo("0.2");
        });
        assertThat(value(rows, "NUM").text()).isEqualTo("21,5");
        assertThat(value(rows, "F_TEXT")).isEqualTo(CellValue.text("Realizzato"));
        assertThat(rows.get(2).cell(NOTES).value().text()).isEqualTo("Sì");
        assertThat(value(rows, "PCT")).isEqualTo(new CellValue("95,83 %", new BigDecimal("0.9583"), true, null, null));
        assertThat(value(rows, "F_PCT").percentFormat()).isFalse();
        assertThat(value(rows, "F_PCT").number()).isEqualByComparingTo("0.9583");
        assertThat(value(rows, "DATE")).isEqualTo(new CellValue("18/12/2025", null, false, LocalDate.of(2025, 12, 18), null));
        assertThat(value(rows, "DIV0")).isEqualTo(new CellValue("#DIV/0!", null, false, null, "#DIV/0!"));
        assertThat(value(rows, "ERR").error()).isEqualTo("#N/A");
        assertThat(value(rows, "BOOL").text()).isEqualTo("Sì");
        assertThat(rows.get(8).cell(NOTES).value().text()).isEqualTo("No");
    }

    @Test
    void readsAnXlsFileWithHssf() {
        Path file = xls(dir, "scheda.xls", wb -> {
            Sheet sheet = sheet(wb, "Rilevazione",
                    row("Ente", "CCIAA"),
                    row("Codice obiettivo", "Codice indicatore", "Consuntivo"),
                    row("OO_01", "IND_01", new Percent(0.5)),
                    row(null, "IND_02", new Formula("1/0")),
                    row("OO_02", "IND_03", LocalDate.of(2025, 6, 30)));
            merge(sheet, "A3:A4");
            sheet.getRow(3).setZeroHeight(true);
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.headerRow()).isEqualTo(2);
        assertThat(sheet.headerBlock()).containsOnly(entry("ente", "CCIAA"));
        assertThat(sheet.rows()).extracting(r -> r.cell(OBJECTIVE_CODE).value().text())
                .containsExactly("OO_01", "OO_01", "OO_02");
        assertThat(sheet.rows()).extracting(MonitoringRow::hidden).containsExactly(false, true, false);
        assertThat(sheet.rows().get(0).cell(ACTUAL).value().percentFormat()).isTrue();
        assertThat(sheet.rows().get(1).cell(ACTUAL).value().error()).isEqualTo("#DIV/0!");
        assertThat(sheet.rows().get(2).cell(ACTUAL).value().date()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void readsAnXlsSavedWithTheWrongExtensionAndAnXlsm() {
        Path xls = xls(dir, "vecchio.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        Path xlsm = xlsx(dir, "macro.xlsm", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));

        assertThat(read(xls).rows()).hasSize(1);
        assertThat(read(xlsm).rows()).hasSize(1);
    }

    @Test
    void findsASheetNotNamedRilevazioneByItsColumns() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            sheet(wb, "Istruzioni", row("Compilare la colonna Consuntivo"), row("Indicatore", "Note"));
            sheet(wb, "Dati", row("Titolo"), row("Codice indicatore", "Valore rilevato"), row("IND_01", "8"));
        });

        MonitoringSheet sheet = read(file);

        assertThat(sheet.sheetName()).isEqualTo("Dati");
        assertThat(sheet.headerRow()).isEqualTo(2);
        assertThat(sheet.rows()).singleElement().satisfies(r -> assertThat(r.cell(ACTUAL).value().text()).isEqualTo("8"));
    }

    @Test
    void rejectsARilevazioneSheetWithoutConsuntivo() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Ente", "CCIAA"),
                row("Codice indicatore", "Indicatore", "Target"),
                row("IND_01", "Pratiche", ">= 5")));

        assertThat(failure(file)).startsWith("Nel foglio «Rilevazione» del file «scheda.xlsx» manca la colonna «Consuntivo»")
                .contains("riga di intestazione (riga 2)");
    }

    @Test
    void rejectsAWorkbookWithNoSheetHavingTheRequiredColumns() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> {
            sheet(wb, "Foglio1", row("Codice indicatore", "Target"), row("IND_01", ">= 5"));
            sheet(wb, "Foglio2", row("Qualcosa d'altro"));
        });

        assertThat(failure(file))
                .startsWith("Nessun foglio «Rilevazione» né un foglio con le colonne Codice indicatore e Consuntivo")
                .contains("nel foglio «Foglio1» manca la colonna «Consuntivo»");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("vuoto.xlsx"));

        assertThat(failure(file)).contains("«vuoto.xlsx» è vuoto (0 byte)");
    }

    @Test
    void rejectsATextFileRenamedXlsx() throws IOException {
        Path file = Files.writeString(dir.resolve("dati.xlsx"), "Codice indicatore;Consuntivo\nIND_01;5\n");

        assertThat(failure(file)).contains("non è una cartella di lavoro in un formato accettato (.xlsx, .xlsm, .xls, .ods)");
    }

    @Test
    void rejectsATruncatedXlsx() throws IOException {
        Path whole = xlsx(dir, "intero.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("troncato.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(failure(file)).contains("«troncato.xlsx» è danneggiato");
    }

    @Test
    void rejectsAPasswordProtectedWorkbook() throws Exception {
        Path file = TestWorkbooks.passwordProtected(dir, "protetta.xlsx");

        assertThat(failure(file)).contains("protetta da password");
    }

    @Test
    void rejectsAPasswordProtectedXls() {
        Biff8EncryptionKey.setCurrentUserPassword("segreta");
        Path file;
        try {
            file = xls(dir, "protetta.xls", wb -> sheet(wb, "Rilevazione",
                    row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertThat(failure(file)).contains("protetta da password");
    }

    @Test
    @Timeout(10)
    void rejectsAZipBombFast() throws IOException {
        Path bomb = TestWorkbooks.zipBomb(dir, "bomba.xlsx");
        // 64 MB of sheet XML in about 65 KB: more than 1000:1.
        try (ZipFile zip = new ZipFile(bomb.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet.getSize() / sheet.getCompressedSize()).isGreaterThan(1000);
        }
        assertThat(Files.size(bomb)).isLessThan(100_000);

        assertThat(failure(bomb)).contains("file compresso anomalo (possibile zip bomb)");
    }

    @Test
    void rejectsASheetExpandingPastTheSizeLimitAsTooLargeNotAsAZipBomb() throws IOException {
        Path valid = xlsx(dir, "valida.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1)));
        Path large = TestWorkbooks.grownPast(valid, dir.resolve("enorme.xlsx"), ZipLimits.MAX_ENTRY_SIZE, 10);
        try (ZipFile zip = new ZipFile(large.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet.getSize()).isGreaterThan(ZipLimits.MAX_ENTRY_SIZE);
            assertThat(sheet.getCompressedSize()).isGreaterThan(sheet.getSize() / 50); // no zip-bomb ratio
        }

        assertThat(failure(large)).isEqualTo("Il file «enorme.xlsx» non è stato letto: una sua parte supera 200 MB"
                + " una volta decompressa, molto più di quanto serva a una scheda di monitoraggio. Usare il modello"
                + " della scheda, senza righe o fogli aggiunti, e inviarlo di nuovo.");
    }

    @Test
    void rejectsASheetWithMoreDataRowsThanTheLimit() throws IOException {
        Path file = TestWorkbooks.rows(dir, "grande.xlsx", 200_000);

        assertThat(failure(file)).startsWith("Il foglio ha più di 20.000 righe di dati: ")
                .contains("«grande.xlsx»");
    }

    @Test
    void readsA15000RowSheetFully() throws IOException {
        Path file = TestWorkbooks.rows(dir, "lungo.xlsx", 15_000);

        MonitoringSheet sheet = read(file);

        assertThat(sheet.rows()).hasSize(15_000);
        assertThat(sheet.rows().get(14_999).cell(INDICATOR_CODE).value().text()).isEqualTo("IND_15000");
        assertThat(sheet.rows().get(14_999).cell(ACTUAL).address()).isEqualTo("B15001");
    }

    @Test
    void honoursAConfiguredRowLimit() {
        Path file = xlsx(dir, "scheda.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo"), row("IND_01", 1), row("IND_02", 2), row("IND_03", 3)));

        assertThat(new MonitoringSheetReader(3).read(file).succeeded()).isTrue();
        assertThat(new MonitoringSheetReader(2).read(file).failure()).startsWith("Il foglio ha più di 2 righe di dati");
    }

    @Test
    void theLimitOf20000DataRowsIsInclusive() {
        // The reader as the application builds it (monitor.intake.max-rows defaults to 20 000).
        MonitoringSheetReader configured = new MonitoringSheetReader(20_000);
        Path atTheLimit = TestWorkbooks.rows(dir, "limite.xlsx", 20_000);
        Path oneMore = TestWorkbooks.rows(dir, "oltre.xlsx", 20_001);

        ReadOutcome accepted = configured.read(atTheLimit);
        assertThat(accepted.failure()).isNull();
        assertThat(accepted.sheet().rows()).hasSize(20_000);
        assertThat(configured.read(oneMore).failure()).startsWith("Il foglio ha più di 20.000 righe di dati: ");
    }

    @Test
    void formulasSavedWithoutTheirValuesAreEvaluatedNotReadAsBlanks() {
        // A script's file: the streamed read meets formulas with no value and reads the workbook again whole.
        Path file = TestWorkbooks.xlsxAsScript(dir, "da-script.xlsx", wb -> sheet(wb, "Rilevazione",
                row("Codice indicatore", "Consuntivo", "Base"),
                row("IND_01", new TestWorkbooks.Formula("40+2"), null),
                row("IND_02", new TestWorkbooks.Formula("C3/4"), 10),
                row("IND_03", new TestWorkbooks.Formula(" 95,83 %"), null)));
        assertThat(ScriptWrittenFormulas.formulasAndCachedValues(file)).containsExactly(3, 0);

        MonitoringSheet sheet = read(file);

        assertThat(sheet.rows()).hasSize(3);
        assertThat(sheet.rows().get(0).cell(ACTUAL).value().number()).isEqualByComparingTo("42");
        assertThat(sheet.rows().get(1).cell(ACTUAL).value().number()).isEqualByComparingTo("2.5");
        // "= 95,83 %" typed as text became a formula Excel's grammar cannot compute: kept as such, never a blank.
        CellValue unevaluated = sheet.rows().get(2).cell(ACTUAL).value();
        assertThat(unevaluated.isUnevaluatedFormula()).isTrue();
        assertThat(unevaluated.text()).isEqualTo("= 95,83 %");
    }

    private MonitoringSheet read(Path file) {
        ReadOutcome outcome = reader.read(file);
        assertThat(outcome.failure()).isNull();
        return outcome.sheet();
    }

    private String failure(Path file) {
        ReadOutcome outcome = reader.read(file);
        assertThat(outcome.sheet()).isNull();
        return outcome.failure();
    }

    private static CellValue value(List<MonitoringRow> rows, String code) {
        return rows.stream().filter(r -> r.cell(INDICATOR_CODE).value().text().equals(code)).findFirst()
                .orElseThrow().cell(ACTUAL).value();
    }
}
