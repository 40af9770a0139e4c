package it.pa.monitor.intake.rejection;

import it.pa.monitor.intake.sheet.TestWorkbooks;
import it.pa.monitor.problem.Problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ErrorReportWriterTest {

    private static final String HIGHLIGHT = "FF" + ErrorReportStyles.HIGHLIGHT_FILL;

    @TempDir
    Path dir;

    private final ErrorReportWriter writer = new ErrorReportWriter();

    @Test
    void listsTheProblemsFirstAndCopiesOnlyTheSheetsThatHaveThem() throws IOException {
        Path submitted = xlsx("scheda.xlsx", wb -> {
            wb.createSheet("Istruzioni").createRow(0).createCell(0).setCellValue("Leggere prima di compilare");
            Sheet sheet = wb.createSheet("Rilevazione");
            sheet.createRow(0).createCell(0).setCellValue("Codice");
            sheet.createRow(11).createCell(3).setCellValue("=1+1");
        });

        Path report = writer.write(submitted, List.of(
                Problem.cellError("Rilevazione", "D12", "=1+1", "il consuntivo non è un numero"),
                Problem.cellError("Rilevazione", "B4", "", "manca il codice dell'indicatore")), dir.resolve("scarti"));

        assertThat(report).isEqualTo(dir.resolve("scarti").resolve("scheda-errori.xlsx")).exists();
        try (XSSFWorkbook wb = read(report)) {
            assertThat(sheetNames(wb)).containsExactly("Errori", "Rilevazione");
            assertThat(wb.getActiveSheetIndex()).isZero();
            XSSFSheet errori = wb.getSheet("Errori");
            assertThat(text(errori, 0, 0)).isEqualTo("Errori nel file scheda.xlsx");
            assertThat(text(errori, 1, 0)).isEqualTo("Correggere le celle evidenziate nel file originale e inviarlo di nuovo.");
            assertThat(rowTexts(errori, ErrorsSheet.HEADER_ROW)).containsExactly("Foglio", "Cella", "Valore", "Problema");
            assertThat(errori.getRow(ErrorsSheet.HEADER_ROW).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            // Sorted by position in the sheet, messages as sentences.
            assertThat(rowTexts(errori, ErrorsSheet.HEADER_ROW + 1))
                    .containsExactly("Rilevazione", "B4", "", "Manca il codice dell'indicatore");
            assertThat(rowTexts(errori, ErrorsSheet.HEADER_ROW + 2))
                    .containsExactly("Rilevazione", "D12", "=1+1", "Il consuntivo non è un numero");
            assertThat(errori.getRow(ErrorsSheet.HEADER_ROW + 2).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(text(errori, 2, 0)).startsWith("Sono stati trovati 2 problemi. Nei fogli che seguono");
            assertThat(errori.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (ErrorsSheet.HEADER_ROW + 1));
            assertThat(errori.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A5:D7");
            assertThat(errori.getPrintSetup().getLandscape()).isTrue();

            XSSFHyperlink link = errori.getRow(ErrorsSheet.HEADER_ROW + 2).getCell(1).getHyperlink();
            assertThat(link.getAddress()).isEqualTo("'Rilevazione'!D12");

            XSSFSheet copy = wb.getSheet("Rilevazione");
            assertThat(text(copy, 0, 0)).isEqualTo("Codice");
            XSSFCell d12 = cell(copy, "D12");
            assertThat(d12.getCellType()).isEqualTo(CellType.STRING);
            assertThat(d12.getStringCellValue()).isEqualTo("=1+1");
            assertHighlighted(d12, "Il consuntivo non è un numero");
            // Blank in the file, still there to be highlighted.
            assertHighlighted(cell(copy, "B4"), "Manca il codice dell'indicatore");
            assertThat(cell(copy, "B4").getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void aFormulaSavedWithoutItsValueIsCopiedAsItsFormulaNotAsZero() throws IOException {
        Path submitted = TestWorkbooks.xlsxAsScript(dir, "script.xlsx", wb -> TestWorkbooks.sheet(wb, "Rilevazione",
                TestWorkbooks.row("Codice indicatore", "Consuntivo"),
                TestWorkbooks.row("IND_01", new TestWorkbooks.Formula(" 163,00"))));

        Path report = writer.write(submitted, List.of(Problem.cellError("Rilevazione", "B2", "= 163,00",
                "la formula non si può calcolare")), dir.resolve("scarti"));

        try (XSSFWorkbook wb = read(report)) {
            XSSFCell b2 = cell(wb.getSheet("Rilevazione"), "B2");
            assertThat(b2.getCellType()).isEqualTo(CellType.STRING);
            assertThat(b2.getStringCellValue()).isEqualTo("= 163,00");
        }
    }

    @Test
    void valuesThatLookLikeFormulasOrNumbersStayText() throws IOException {
        Path submitted = xlsx("valori.xlsx", wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0));
        List<String> values = List.of("=SUM(A1)", "+39 055 123456", "-5", "@x", "0012", "=1+1");
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            problems.add(Problem.cellError("Rilevazione", "A" + (i + 1), values.get(i), "valore non valido"));
        }

        try (XSSFWorkbook wb = read(writer.write(submitted, problems, dir))) {
            XSSFSheet errori = wb.getSheet("Errori");
            for (int i = 0; i < values.size(); i++) {
                XSSFCell value = errori.getRow(ErrorsSheet.HEADER_ROW + 1 + i).getCell(2);
                assertThat(value.getCellType()).isEqualTo(CellType.STRING);
                assertThat(value.getStringCellValue()).isEqualTo(values.get(i));
            }
        }
    }

    @Test
    void copiesValuesWithTheirFormats() throws IOException {
        Path submitted = xlsx("formati.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Rilevazione");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("testo");
            row.createCell(1).setCellValue(1234.5);
            Cell dateCell = row.createCell(2);
            dateCell.setCellValue(LocalDate.of(2025, 6, 30));
            dateCell.setCellStyle(date);
            Cell percentCell = row.createCell(3);
            percentCell.setCellValue(0.875);
            percentCell.setCellStyle(percent);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellFormula("B2*2");
            row.createCell(6).setCellFormula("1/0");
            row.createCell(7).setCellErrorValue(FormulaError.NA.getCode());
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            sheet.setColumnWidth(0, 30 * 256);
            sheet.createRow(3).createCell(0).setCellValue("unito");
            sheet.addMergedRegion(new CellRangeAddress(3, 3, 0, 2));
        });

        try (XSSFWorkbook wb = read(writer.write(submitted,
                List.of(Problem.cellError("Rilevazione", "D2", "87,5%", "oltre il massimo")), dir))) {
            XSSFSheet copy = wb.getSheet("Rilevazione");
            assertThat(cell(copy, "A2").getStringCellValue()).isEqualTo("testo");
            assertThat(cell(copy, "B2").getNumericCellValue()).isEqualTo(1234.5);
            assertThat(cell(copy, "C2").getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 30, 0, 0));
            assertThat(cell(copy, "C2").getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(cell(copy, "D2").getNumericCellValue()).isEqualTo(0.875);
            assertThat(cell(copy, "D2").getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertHighlighted(cell(copy, "D2"), "Oltre il massimo");
            assertThat(cell(copy, "E2").getBooleanCellValue()).isTrue();
            assertThat(cell(copy, "F2").getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell(copy, "F2").getNumericCellValue()).isEqualTo(2469.0);
            assertThat(cell(copy, "G2").getStringCellValue()).isEqualTo("#DIV/0!");
            assertThat(cell(copy, "H2").getStringCellValue()).isEqualTo("#N/A");
            assertThat(copy.getColumnWidth(0)).isEqualTo(30 * 256);
            assertThat(copy.getMergedRegions()).containsExactly(new CellRangeAddress(3, 3, 0, 2));
        }
    }

    @Test
    void highlightsEveryOffendingCellWhateverTheOrderOfTheProblems() throws IOException {
        Path submitted = xlsx("ordine.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Rilevazione");
            for (int r = 0; r < 10; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 5; c++) {
                    row.createCell(c).setCellValue(r * 10 + c);
                }
            }
        });
        // Neighbouring cells, a cell with two problems, a row beyond the data and one in the middle.
        List<Problem> problems = List.of(
                Problem.cellError("Rilevazione", "D3", "23", "terzo"),
                Problem.cellError("Rilevazione", "B3", "21", "primo"),
                Problem.cellError("Rilevazione", "C3", "22", "secondo"),
                Problem.cellError("Rilevazione", "C3", "22", "ancora il secondo"),
                Problem.cellError("Rilevazione", "A40", "", "oltre i dati"),
                Problem.cellError("Rilevazione", "$E$1", "4", "in cima"));

        try (XSSFWorkbook wb = read(writer.write(submitted, problems, dir))) {
            XSSFSheet copy = wb.getSheet("Rilevazione");
            assertHighlighted(cell(copy, "B3"), "Primo");
            assertHighlighted(cell(copy, "C3"), "• Secondo\n• Ancora il secondo");
            assertHighlighted(cell(copy, "D3"), "Terzo");
            assertHighlighted(cell(copy, "E1"), "In cima");
            assertHighlighted(cell(copy, "A40"), "Oltre i dati");
            assertThat(cell(copy, "A3").getNumericCellValue()).isEqualTo(20);
            assertThat(cell(copy, "A3").getCellComment()).isNull();
            assertThat(copy.getCellComments()).hasSize(5);
            assertThat(columnOf(wb.getSheet("Errori"), 1)).containsExactly("E1", "B3", "C3", "C3", "D3", "A40");
        }
    }

    @Test
    void quotesSheetNamesWithApostrophesInLinks() throws IOException {
        Path submitted = xlsx("apostrofo.xlsx", wb -> wb.createSheet("Dati dell'ufficio").createRow(1).createCell(1));

        try (XSSFWorkbook wb = read(writer.write(submitted,
                List.of(Problem.cellError("Dati dell'ufficio", "B2", "", "obbligatorio")), dir))) {
            XSSFHyperlink link = wb.getSheet("Errori").getRow(ErrorsSheet.HEADER_ROW + 1).getCell(1).getHyperlink();
            assertThat(link.getAddress()).isEqualTo("'Dati dell''ufficio'!B2");
            assertThat(wb.getSheet("Dati dell'ufficio")).isNotNull();
        }
    }

    @Test
    void aSheetNotInTheFileIsListedWithoutLinkAndTheFirstSheetIsShown() throws IOException {
        Path submitted = xlsx("manca.xlsx", wb -> {
            wb.createSheet("Foglio1").createRow(0).createCell(0).setCellValue("dati");
            wb.createSheet("Foglio2");
        });

        try (XSSFWorkbook wb = read(writer.write(submitted, List.of(
                Problem.cellError("Rilevazione", null, null, "manca il foglio «Rilevazione»"),
                Problem.cellError("Consuntivi", "C3", "x", "foglio sconosciuto")), dir))) {
            assertThat(sheetNames(wb)).containsExactly("Errori", "Foglio1");
            XSSFSheet errori = wb.getSheet("Errori");
            assertThat(text(errori, 1, 0)).isEqualTo(ErrorsSheet.INSTRUCTION_FILE);
            for (int r = ErrorsSheet.HEADER_ROW + 1; r <= ErrorsSheet.HEADER_ROW + 2; r++) {
                assertThat(errori.getRow(r).getCell(0).getHyperlink()).isNull();
                assertThat(errori.getRow(r).getCell(1).getHyperlink()).isNull();
            }
            assertThat(columnOf(errori, 0)).containsExactly("Rilevazione", "Consuntivi");
            assertThat(columnOf(errori, 1)).containsExactly("—", "C3");
        }
    }

    @Test
    void aProblemOfTheWholeSheetLinksToTheSheet() throws IOException {
        Path submitted = xlsx("colonna.xlsx", wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0).setCellValue("x"));

        try (XSSFWorkbook wb = read(writer.write(submitted,
                List.of(Problem.cellError("Rilevazione", null, null, "manca la colonna «Consuntivo»")), dir))) {
            assertThat(sheetNames(wb)).containsExactly("Errori", "Rilevazione");
            XSSFCell sheetCell = wb.getSheet("Errori").getRow(ErrorsSheet.HEADER_ROW + 1).getCell(0);
            assertThat(sheetCell.getHyperlink().getAddress()).isEqualTo("'Rilevazione'!A1");
        }
    }

    @Test
    void aSubmittedSheetCalledErroriIsCopiedUnderAnotherName() throws IOException {
        Path submitted = xlsx("errori.xlsx", wb -> wb.createSheet("errori").createRow(0).createCell(0).setCellValue("x"));

        try (XSSFWorkbook wb = read(writer.write(submitted, List.of(Problem.cellError("errori", "A1", "x", "no")), dir))) {
            assertThat(sheetNames(wb)).containsExactly("Errori", ErrorReportWriter.RENAMED_ERRORI);
            assertThat(wb.getSheet("Errori").getRow(ErrorsSheet.HEADER_ROW + 1).getCell(1).getHyperlink().getAddress())
                    .isEqualTo("'" + ErrorReportWriter.RENAMED_ERRORI + "'!A1");
            assertHighlighted(cell(wb.getSheet(ErrorReportWriter.RENAMED_ERRORI), "A1"), "No");
        }
    }

    @Test
    void anUnreadableFileGetsAReportWithOnlyTheErrorsSheet() throws IOException {
        Path text = dir.resolve("appunti.xlsx");
        Files.writeString(text, "questo non è un foglio Excel", StandardCharsets.UTF_8);
        Path empty = dir.resolve("vuoto.xlsx");
        Files.createFile(empty);
        Path truncated = dir.resolve("troncato.xlsx");
        byte[] whole = Files.readAllBytes(xlsx("intero.xlsx", wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0)));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        for (Path file : List.of(text, empty, truncated)) {
            try (XSSFWorkbook wb = read(writer.write(file,
                    List.of(Problem.fileError("il file non è una cartella di lavoro Excel")), dir.resolve("out")))) {
                assertThat(sheetNames(wb)).containsExactly("Errori");
                assertThat(rowTexts(wb.getSheet("Errori"), ErrorsSheet.HEADER_ROW + 1))
                        .containsExactly("—", "—", "", "Il file non è una cartella di lavoro Excel");
                assertThat(wb.getSheet("Errori").getLastRowNum()).isEqualTo(ErrorsSheet.HEADER_ROW + 1);
            }
        }
        // With no word from the caller about the file, the report says it cannot be read.
        try (XSSFWorkbook wb = read(writer.write(empty,
                List.of(Problem.cellError("Rilevazione", "D4", "1", "valore non valido")), dir.resolve("out2")))) {
            assertThat(sheetNames(wb)).containsExactly("Errori");
            assertThat(columnOf(wb.getSheet("Errori"), 3)).containsExactly(
                    ReportText.sentence(ErrorReportWriter.UNREADABLE), "Valore non valido");
        }
    }

    @Test
    void aPasswordProtectedFileIsReportedAsSuch() throws Exception {
        Path plain = xlsx("chiaro.xlsx", wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0).setCellValue("x"));
        Path locked = dir.resolve("protetto.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("segreta");
            try (OutputStream os = encryptor.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }

        try (XSSFWorkbook wb = read(writer.write(locked, List.of(), dir))) {
            assertThat(sheetNames(wb)).containsExactly("Errori");
            assertThat(columnOf(wb.getSheet("Errori"), 3)).containsExactly(ReportText.sentence(ErrorReportWriter.PASSWORD));
        }
    }

    @Test
    void readsXlsFiles() throws IOException {
        Path submitted = dir.resolve("vecchio formato.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Rilevazione");
            Row row = sheet.createRow(4);
            row.createCell(0).setCellValue("IND01");
            row.createCell(1).setCellValue(42.5);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("d/m/yy"));
            Cell dateCell = row.createCell(2);
            dateCell.setCellValue(LocalDate.of(2025, 3, 31));
            dateCell.setCellStyle(date);
            try (OutputStream out = Files.newOutputStream(submitted)) {
                wb.write(out);
            }
        }

        Path report = writer.write(submitted, List.of(Problem.cellError("Rilevazione", "B5", "42,5", "fuori scala")), dir);

        assertThat(report.getFileName().toString()).isEqualTo("vecchio formato-errori.xlsx");
        try (XSSFWorkbook wb = read(report)) {
            assertThat(sheetNames(wb)).containsExactly("Errori", "Rilevazione");
            XSSFSheet copy = wb.getSheet("Rilevazione");
            assertThat(cell(copy, "A5").getStringCellValue()).isEqualTo("IND01");
            assertThat(cell(copy, "C5").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 31));
            assertThat(cell(copy, "B5").getNumericCellValue()).isEqualTo(42.5);
            assertHighlighted(cell(copy, "B5"), "Fuori scala");
        }
    }

    @Test
    void keepsTheSubmittedNameReplacingOnlyWhatNoFileNameMayHold() throws IOException {
        String name = "scheda Servizio Promozione l'ufficio \"A\" 2025-Q2.xlsx";
        Path submitted = xlsx(name, wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0).setCellValue("x"));

        Path report = writer.write(submitted, List.of(Problem.cellError("Rilevazione", "A1", "x", "errato")), dir.resolve("scarti"));

        assertThat(report.getFileName().toString()).isEqualTo("scheda Servizio Promozione l'ufficio _A_ 2025-Q2-errori.xlsx");
        assertThat(ErrorReportWriter.reportFileName("Unità à è ì.xlsm")).isEqualTo("Unità à è ì-errori.xlsx");
        assertThat(ErrorReportWriter.reportFileName("a/b\\c:d*e?f<g>h|i.xls")).isEqualTo("a_b_c_d_e_f_g_h_i-errori.xlsx");
        assertThat(ErrorReportWriter.reportFileName("è".repeat(200) + ".xlsx").getBytes(StandardCharsets.UTF_8)).hasSize(254);
        // A second rejected file giving the same name in one run: " (2)" before the suffix, within the same cap
        // (255 bytes: 2-byte "è"s up to 255 - " (2)-errori.xlsx" = 239, so 119 of them).
        assertThat(ErrorReportWriter.reportFileName("scheda.ods", 2)).isEqualTo("scheda (2)-errori.xlsx");
        assertThat(ErrorReportWriter.reportFileName("scheda.ods", 1)).isEqualTo("scheda-errori.xlsx");
        assertThat(ErrorReportWriter.reportFileName("è".repeat(200) + ".xlsx", 2))
                .isEqualTo("è".repeat(119) + " (2)-errori.xlsx");
        try (XSSFWorkbook wb = read(report)) {
            assertThat(text(wb.getSheet("Errori"), 0, 0)).isEqualTo("Errori nel file " + name);
        }
        assertThat(Files.list(dir.resolve("scarti")).map(p -> p.getFileName().toString())).containsExactly(report.getFileName().toString());
    }

    @Test
    void aLargeSheetIsCopiedWhole() throws IOException {
        // Its speed is the benchmark's business (bench run), not a timed assertion that fails on a busy machine.
        int rows = 50_000;
        Path submitted = dir.resolve("grande.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Sheet sheet = wb.createSheet("Rilevazione");
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("IND" + r);
                row.createCell(1).setCellValue("Indicatore numero " + r);
                row.createCell(2).setCellValue(r * 1.5);
                row.createCell(3).setCellValue(r % 100 / 100.0);
            }
            try (OutputStream out = Files.newOutputStream(submitted)) {
                wb.write(out);
            }
        }
        List<Problem> problems = List.of(
                Problem.cellError("Rilevazione", "C49999", "74997", "troppo alto"),
                Problem.cellError("Rilevazione", "D49990", "0,89", "incoerente"),
                Problem.cellError("Rilevazione", "B50000", "Indicatore numero 49999", "descrizione diversa dal piano"));

        Path report = writer.write(submitted, problems, dir.resolve("scarti"));

        try (XSSFWorkbook wb = read(report)) {
            XSSFSheet copy = wb.getSheet("Rilevazione");
            assertThat(copy.getLastRowNum()).isEqualTo(rows - 1);
            assertThat(cell(copy, "A1").getStringCellValue()).isEqualTo("IND0");
            assertHighlighted(cell(copy, "C49999"), "Troppo alto");
            assertHighlighted(cell(copy, "D49990"), "Incoerente");
            assertHighlighted(cell(copy, "B50000"), "Descrizione diversa dal piano");
            assertThat(columnOf(wb.getSheet("Errori"), 1)).containsExactly("D49990", "C49999", "B50000");
        }
    }

    /**
     * A submitted file of more than 20 MB once expanded (here 21 MB of an added part, told by the zip's directory
     * alone) is not read again: the report lists its problems, says why its sheets are not there, and copies none.
     */
    @Test
    void aFileTooLargeOnceExpandedIsNotReadAgain() throws IOException {
        Path small = xlsx("piccola.xlsx", wb -> wb.createSheet("Rilevazione").createRow(0).createCell(0)
                .setCellValue("Codice"));
        Path submitted = it.pa.monitor.intake.sheet.TestWorkbooks.withPart(small, dir.resolve("grande.xlsx"),
                "xl/media/allegato.bin", new byte[21 * 1024 * 1024]);
        assertThat(it.pa.monitor.workbook.WorkbookFiles.expandedSize(submitted))
                .isGreaterThan(ErrorReportWriter.MAX_COPIED_BYTES);

        Path report = writer.write(submitted, List.of(Problem.cellError("Rilevazione", "H9", "x", "valore non"
                + " riconosciuto")), dir.resolve("scarti"));
        String notCopied = "Il file è troppo grande per copiarne qui i fogli (21 MB una volta decompresso): i problemi"
                + " sono elencati con la loro cella";

        try (XSSFWorkbook wb = read(report)) {
            assertThat(sheetNames(wb)).containsExactly("Errori");
            assertThat(columnOf(wb.getSheet("Errori"), 3)).containsExactly(notCopied, "Valore non riconosciuto");
            // One problem: the line saying why the sheets are missing is the report's, not the file's.
            assertThat(text(wb.getSheet("Errori"), 2, 0)).isEqualTo("È stato trovato 1 problema.");
        }
        // Said as well when a line of the whole file is there already (the one counting the problems left out).
        List<Problem> many = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(Problem.cellError("Rilevazione", "H" + (9 + i), "x", "valore non riconosciuto"));
        }
        for (int i = 0; i < 100; i++) {
            many.add(Problem.cellWarning("Rilevazione", "J" + (9 + i), "1", "unità scritta diversamente"));
        }
        // As the archive hands them over: the errors of the capped list, its last line among them (errors are left out).
        List<Problem> capped = it.pa.monitor.problem.Problems.capped(many, it.pa.monitor.problem.Problems.MAX_PER_SHEET)
                .stream().filter(Problem::isError).toList();
        try (XSSFWorkbook wb = read(writer.write(submitted, capped, dir.resolve("scarti")))) {
            assertThat(columnOf(wb.getSheet("Errori"), 3)).hasSize(202).contains(notCopied)
                    .anyMatch(line -> line.startsWith("Il file ha 350 problemi (250 errori)"));
            // The note counts the file's 250 errors: not the 200 listed plus the two lines of the report's own, nor
            // the warnings a rejected file's report does not list.
            assertThat(text(wb.getSheet("Errori"), 2, 0)).isEqualTo("Sono stati trovati 250 problemi.");
        }
    }

    /**
     * An .xls is read whole to be copied, on every core beside the run's report: one of more than an eighth of the
     * .xlsx size (2.5 MB: here 60 000 rows of four numbers, about 4 MB) is not read again either.
     */
    @Test
    void anXlsLargerThanAnEighthOfTheCopiedSizeIsNotReadAgain() throws IOException {
        Path submitted = dir.resolve("grande.xls");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(submitted)) {
            Sheet sheet = wb.createSheet("Rilevazione");
            for (int r = 0; r < 60_000; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(r + c / 10.0);
                }
            }
            wb.write(out);
        }
        assertThat(Files.size(submitted)).isGreaterThan(ErrorReportWriter.MAX_COPIED_BYTES / 8)
                .isLessThan(ErrorReportWriter.MAX_COPIED_BYTES);

        Path report = writer.write(submitted, List.of(Problem.cellError("Rilevazione", "B2", "1,1", "troppo alto")),
                dir.resolve("scarti"));

        try (XSSFWorkbook wb = read(report)) {
            assertThat(sheetNames(wb)).containsExactly("Errori");
            assertThat(columnOf(wb.getSheet("Errori"), 3).get(0)).startsWith("Il file è troppo grande per copiarne qui");
        }
    }

    private Path xlsx(String name, Consumer<Workbook> content) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(wb);
            wb.write(out);
        }
        return file;
    }

    private static XSSFWorkbook read(Path report) throws IOException {
        try (InputStream in = Files.newInputStream(report)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(Workbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static XSSFCell cell(XSSFSheet sheet, String address) {
        CellAddress at = new CellAddress(address);
        Row row = sheet.getRow(at.getRow());
        assertThat(row != null).as("row of %s", address).isTrue();
        XSSFCell cell = sheet.getRow(at.getRow()).getCell(at.getColumn());
        assertThat(cell).as("cell %s", address).isNotNull();
        return cell;
    }

    private static String text(Sheet sheet, int row, int column) {
        return new DataFormatter().formatCellValue(sheet.getRow(row).getCell(column));
    }

    private static List<String> rowTexts(Sheet sheet, int row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < ErrorsSheet.HEADER.size(); c++) {
            texts.add(text(sheet, row, c));
        }
        return texts;
    }

    private static List<String> columnOf(Sheet errori, int column) {
        List<String> texts = new ArrayList<>();
        for (int r = ErrorsSheet.HEADER_ROW + 1; r <= errori.getLastRowNum(); r++) {
            texts.add(text(errori, r, column));
        }
        return texts;
    }

    private static void assertHighlighted(XSSFCell cell, String comment) {
        XSSFCellStyle style = cell.getCellStyle();
        assertThat(style.getFillForegroundColorColor()).as("fill of %s", cell.getAddress()).isNotNull();
        assertThat(style.getFillForegroundColorColor().getARGBHex()).isEqualTo(HIGHLIGHT);
        assertThat(style.getLeftBorderXSSFColor().getARGBHex()).isEqualTo("FF" + ErrorReportStyles.HIGHLIGHT_BORDER);
        Comment note = cell.getCellComment();
        assertThat(note).as("comment of %s", cell.getAddress()).isNotNull();
        assertThat(note.getString().getString()).isEqualTo(comment);
        assertThat(note.getAuthor()).isEqualTo(SheetCopier.COMMENT_AUTHOR);
    }
}
