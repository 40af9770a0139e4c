package it.pa.monitor.plan;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanSheet;
import it.pa.monitor.plan.load.PlanWorkbook;
import it.pa.monitor.plan.load.PlanWorkbookReader;

import it.pa.monitor.problem.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.ScriptWrittenFormulas;
import it.pa.monitor.intake.sheet.TestWorkbooks;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.workbook.SharedStringsCost;
import it.pa.monitor.workbook.WorkbookFiles;
import it.pa.monitor.values.Period;
import it.pa.monitor.workbook.XlsxSheets;
import it.pa.monitor.workbook.ZipLimits;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan workbook is streamed, so its size is bounded by a row limit and the zip-bomb limits,
 * not by the heap: a plan over either is rejected with an Italian reason (issue 11).
 */
class PlanWorkbookLimitsTest {

    private static final Period YEAR = Period.parse("2022");

    @TempDir
    private Path dir;

    @Test
    void aPlanSheetAtTheRowLimitIsReadAndOneRowMoreIsRejectedWithTheReason() {
        // The tno-2022 transcription has 10 indicators (PlanLoadingTest, seed 000 lines 52-105).
        Path file = PlanFixture.load("tno-2022").writeTo(dir, "piano.xlsx");

        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(10).read(file, atLimit::add);
        assertThat(atLimit).isEmpty();
        assertThat(read.table(PlanSheet.INDICATORI).orElseThrow().rows()).hasSize(10);

        // A null repository: a rejected plan never reaches the database.
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(9), null).load(file, YEAR);
        assertThat(over.accepted()).isFalse();
        // Refused as a whole: the later sheets (Cruscotti, Pira) are not read against a cut-short Indicatori, and
        // what was read is not checked.
        assertThat(over.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Indicatori");
            assertThat(p.message()).contains("il foglio «Indicatori» ha più di 9 righe di dati")
                    .contains("il piano non è stato caricato");
        });
    }

    @Test
    void aPlanWithMoreTextThanItsBudgetIsRejectedOnceWithTheReasonAndNothingElse() {
        Path file = PlanFixture.load("tno-2022").writeTo(dir, "piano.xlsx");
        long text = PlanFixture.textOf(file);
        assertThat(text).as("tno-2022's texts, all sheets").isGreaterThan(1_000);

        List<Problem> atBudget = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, text, 0)
                .read(file, atBudget::add);
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, text - 1, 0),
                null).load(file, YEAR);

        assertThat(atBudget).as("a budget of exactly its text").isEmpty();
        assertThat(read.tables()).isNotEmpty();
        assertThat(over.accepted()).isFalse();
        // One problem: the plan refused as a whole is neither assembled nor checked (no warning of a plan cut short).
        assertThat(over.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("il piano contiene più di " + ItalianFormat.count(text - 1) + " caratteri di testo, il"
                        + " massimo impostato (monitor.plan.max-text-chars): il piano non è stato caricato. Accorciare"
                        + " i testi più lunghi (nomi e algoritmi degli indicatori, descrizioni degli obiettivi) o"
                        + " togliere le righe non necessarie (di prova, duplicate); se il piano è davvero così grande,"
                        + " chiedere a chi gestisce il programma di alzare il limite"));
    }

    /**
     * An .xlsx plan's shared strings are held whole while it is read: past their limit (worked out here from the
     * part itself) the plan is refused before any row is read, with that reason alone; at the limit it loads.
     */
    @Test
    void aPlanWhoseSharedTextsPassTheirLimitIsRejectedBeforeAnyRowIsRead() throws IOException {
        Path file = PlanFixture.load("tno-2022").writeTo(dir, "piano.xlsx");
        long cost = SharedStringsCost.of(file);
        assertThat(SharedStringsCost.strings(file)).as("POI saves every text in the shared strings").isPositive();

        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, cost)
                .read(file, atLimit::add);
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0,
                cost - 1), null).load(file, YEAR);

        assertThat(atLimit).isEmpty();
        assertThat(read.table(PlanSheet.INDICATORI).orElseThrow().rows()).hasSize(10);
        assertThat(over.accepted()).isFalse();
        assertThat(over.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isNull();
            assertThat(p.message()).startsWith("il piano contiene più testo di quanto il programma possa leggere con"
                    + " la memoria assegnata: i testi che i fogli condividono (la tabella dei testi che Excel salva a"
                    + " parte) superano " + ItalianFormat.count(cost - 1) + " caratteri e il piano non è stato"
                    + " caricato.");
        });
    }

    /**
     * A plan the fast reader gives up on (an ISO-date cell, which it does not read) is read by the streaming reader,
     * which holds the XML parts outside the sheets whole (the shared strings among them) and which the fast reader
     * may have left before counting them: their expanded size within the shared texts' budget, here exactly, loads
     * the plan; one byte less rejects it before the streaming reader holds them, saying which parts and why.
     */
    @Test
    void aPlanLeftToTheStreamingReaderHoldsItsPartsOutsideTheSheetsWithinTheSharedTextsBudget() throws IOException {
        Path plain = PlanFixture.load("tno-2022").writeTo(dir, "piano-base.xlsx");
        String sheet;
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        // The date in column Z of the first sheet's last row, which no plan column reads.
        int lastRow = sheet.lastIndexOf("</row>");
        int rowStart = sheet.lastIndexOf("<row r=\"") + "<row r=\"".length();
        String rowNumber = sheet.substring(rowStart, sheet.indexOf('"', rowStart));
        Path file = TestWorkbooks.withPart(plain, dir.resolve("piano.xlsx"), "xl/worksheets/sheet1.xml",
                (sheet.substring(0, lastRow) + "<c r=\"Z" + rowNumber + "\" t=\"d\"><v>2022-03-15T00:00:00</v></c>"
                        + sheet.substring(lastRow)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long held = WorkbookFiles.heldWholeByTheStreamingReader(file);
        // The shared strings alone are within both limits: what refuses the plan is the parts held whole.
        assertThat(SharedStringsCost.of(file)).isLessThan(held - 1);

        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, held)
                .read(file, atLimit::add);
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0,
                held - 1), null).load(file, YEAR);

        assertThat(atLimit).isEmpty();
        assertThat(read.table(PlanSheet.INDICATORI).orElseThrow().rows()).hasSize(10);
        assertThat(over.accepted()).isFalse();
        assertThat(over.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("il piano non è stato caricato: le parti del file diverse dai fogli (i testi che i fogli"
                        + " condividono, gli stili) occupano " + ItalianFormat.megabytes(held) + " MB una volta"
                        + " decompresse e il programma, per leggere questo file, le terrebbe tutte in memoria: con la"
                        + " memoria assegnata può tenerne al massimo " + ItalianFormat.megabytes(held - 1) + " MB."
                        + " Aprirlo in Excel o LibreOffice, salvarlo di nuovo come .xlsx e inviarlo di nuovo; se il"
                        + " piano è davvero così grande, chiedere a chi gestisce il programma di avviarlo con più"
                        + " memoria (java -Xmx…)"));
    }

    /**
     * An .ods or .xls plan is read whole (SODS, POI's HSSF): one larger once expanded than the whole-read limit (an
     * .ods the limit, an .xls a quarter of it, as a monitoring sheet) is refused unread, with the reason and the way
     * out (.xlsx, read row by row); at the limit it is read.
     */
    @Test
    void anOdsOrXlsPlanLargerThanItsWholeReadLimitIsRefusedUnread() throws IOException {
        Path ods = Path.of("src/test/resources/ods/piano-2022.ods");
        long expanded = WorkbookFiles.expandedSize(ods);
        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0, expanded)
                .read(ods, atLimit::add);
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0,
                expanded - 1), null).load(ods, YEAR);

        assertThat(atLimit).isEmpty();
        assertThat(read.table(PlanSheet.INDICATORI)).isPresent();
        assertThat(over.accepted()).isFalse();
        assertThat(over.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
                "il piano è troppo grande per essere letto per intero (" + ItalianFormat.megabytes(expanded)
                        + " MB una volta decompresso; un piano .ods o .xls si legge per intero e, con la memoria"
                        + " assegnata, può essere al massimo di " + ItalianFormat.megabytes(expanded - 1) + " MB) e non"
                        + " è stato caricato: salvarlo da Excel o LibreOffice come .xlsx, che si legge riga per riga, e"
                        + " inviarlo di nuovo"));

        // An .xls: a quarter of the limit given (HSSF holds more per byte than SODS).
        Path xls = asXls(PlanFixture.load("tno-2022"), dir.resolve("piano.xls"));
        long size = Files.size(xls);
        List<Problem> xlsAtLimit = new ArrayList<>();
        new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0, 4 * size).read(xls, xlsAtLimit::add);
        List<Problem> xlsOver = new ArrayList<>();
        new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0, 4 * size - 4).read(xls, xlsOver::add);
        assertThat(xlsAtLimit).noneMatch(p -> p.message().contains("troppo grande"));
        assertThat(xlsOver).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("il piano è troppo grande per essere letto per intero"));
    }

    /** The plan's cells as values (texts and numbers) in an .xls. */
    private static Path asXls(PlanFixture plan, Path file) throws IOException {
        try (Workbook from = plan.toWorkbook(); HSSFWorkbook xls = new HSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            for (Sheet sheet : from) {
                Sheet copy = xls.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row copied = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell target = copied.createCell(cell.getColumnIndex());
                        if (cell.getCellType() == CellType.NUMERIC) {
                            target.setCellValue(cell.getNumericCellValue());
                        } else {
                            target.setCellValue(cell.getStringCellValue());
                        }
                    }
                }
            }
            xls.write(out);
        }
        return file;
    }

    @Test
    void aPlanWithMoreDataRowsInAllThanItsBudgetIsRejectedOnceWithTheReason() {
        Path file = PlanFixture.load("tno-2022").writeTo(dir, "piano.xlsx");
        long rows = PlanFixture.dataRowsOf(file);
        assertThat(rows).as("tno-2022's data rows, all sheets").isGreaterThan(10);

        List<Problem> atBudget = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, rows)
                .read(file, atBudget::add);
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, rows - 1),
                null).load(file, YEAR);

        assertThat(atBudget).as("a budget of exactly its rows").isEmpty();
        assertThat(read.tables()).isNotEmpty();
        assertThat(over.accepted()).isFalse();
        assertThat(over.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("il piano contiene più di " + ItalianFormat.count(rows - 1) + " righe di dati in tutto (tutti"
                        + " i fogli insieme), il massimo impostato (monitor.plan.max-total-rows): il piano non è stato"
                        + " caricato. Togliere le righe non necessarie (di prova, duplicate); se il piano è davvero così"
                        + " grande, chiedere a chi gestisce il programma di alzare il limite"));
    }

    @Test
    void aPlanOverItsBudgetIsNotReadAgainWholeForAFormulaWithoutItsValue() {
        // A formula saved without its value (a script's plan) has a plan read again whole, to evaluate it; a plan
        // refused for its text is not: the formula's problem, which a whole read would have evaluated away, stays.
        Path file = ScriptWrittenFormulas.dropCachedValues(PlanFixture.load("tno-2022")
                .formula("Indicatori", 0, "Peso", "10+20").writeTo(dir, "piano-formula.xlsx"));
        long text = PlanFixture.textOf(file);

        List<Problem> problems = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, text / 2, 0)
                .read(file, problems::add);

        assertThat(read.tables()).as("refused as a whole").isEmpty();
        assertThat(problems).extracting(Problem::sheet, Problem::row, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Indicatori", 2, "Peso"),
                org.assertj.core.groups.Tuple.tuple("Indicatori", null, null));
        assertThat(problems.get(0).message()).startsWith("la formula «=10+20» è stata salvata senza il suo valore");
        assertThat(problems.get(1).message())
                .startsWith("il piano contiene più di " + ItalianFormat.count(text / 2) + " caratteri di testo");
    }

    /**
     * An .xlsx plan whose formulas lack their values is read again whole only within an .xls plan's whole-read limit
     * (a quarter of an .ods one's): past it the formula stays an error on its cell, which says what to do, and no
     * whole workbook is held.
     */
    @Test
    void aPlanWithAFormulaWithoutItsValueIsReadAgainWholeOnlyWithinTheWholeReadLimit() {
        Path file = ScriptWrittenFormulas.dropCachedValues(PlanFixture.load("tno-2022")
                .formula("Indicatori", 0, "Peso", "10+20").writeTo(dir, "piano-formula.xlsx"));
        long expanded = WorkbookFiles.expandedSize(file);

        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook whole = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0, 4 * expanded)
                .read(file, atLimit::add);
        List<Problem> over = new ArrayList<>();
        PlanWorkbook streamed = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, 0, 0, 0,
                4 * expanded - 4).read(file, over::add);

        assertThat(atLimit).as("evaluated by the whole read: 10+20").isEmpty();
        assertThat(whole.table(PlanSheet.INDICATORI)).isPresent();
        assertThat(streamed.table(PlanSheet.INDICATORI)).isPresent();
        assertThat(over).singleElement().satisfies(p -> {
            assertThat(p).extracting(Problem::sheet, Problem::row, Problem::column)
                    .containsExactly("Indicatori", 2, "Peso");
            assertThat(p.message()).startsWith("la formula «=10+20» è stata salvata senza il suo valore");
        });
    }

    @Test
    void theDefaultLimitsHoldTheLargestPlanOfTheBenchmark() {
        // bench: 4 000 uffici × 60 indicators, one row each in Indicatori.
        assertThat(PlanWorkbookReader.DEFAULT_MAX_ROWS).isGreaterThanOrEqualTo(4_000 * 60);
        // Its data rows in all (bench generate --units 4000 --indicators 60, counted in the workbook): Ente 3,
        // Struttura 4 200 (4 000 uffici, 200 aree), Ambiti 4, ObiettiviStrategici 200, ObiettiviOperativi 4 000,
        // Indicatori 240 000.
        long benchPlanRows = 3 + 4_200 + 4 + 200 + 4_000 + 240_000;
        // The row budget's ratio leaves it within -Xmx512m, whichever collector (the budget takes MaxHeapSize).
        long heap512m = 512L * 1024 * 1024;
        assertThat(heap512m / PlanWorkbookReader.HEAP_BYTES_PER_PLAN_ROW).isGreaterThan(benchPlanRows);
    }

    @Test
    void aZipBombPlanIsRejectedWithTheReason() throws IOException {
        Path valid = PlanFixture.load("tno-2022").writeTo(dir, "valido.xlsx");
        Path bomb = dir.resolve("piano-bomba.xlsx");
        List<String> replaced = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    TestWorkbooks.writeBombSheet(out, 64L * 1024 * 1024);
                    replaced.add(entry.getName());
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(replaced).isNotEmpty();
        // 64 MB of XML per sheet in a file of a few hundred KB: far over the 1:100 inflate ratio.
        assertThat(Files.size(bomb)).isLessThan(replaced.size() * 200_000L);

        PlanLoadOutcome outcome = new PlanLoader(new PlanWorkbookReader(), null).load(bomb, YEAR);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("possibile zip bomb").contains("non è stato letto"));
    }

    @Test
    void aPlanSheetExpandingPastTheSizeLimitIsRejectedAsTooLargeWithoutASecondRead() throws IOException {
        Path valid = PlanFixture.load("tno-2022").writeTo(dir, "valido.xlsx");
        // The first sheet (Ente) grows past ZipLimits.MAX_ENTRY_SIZE with rows blank for the plan, so no row limit
        // stops the read first, and compressed as ordinary text, so only the size limit applies.
        Path large = TestWorkbooks.grownPast(valid, dir.resolve("piano-enorme.xlsx"), ZipLimits.MAX_ENTRY_SIZE, 1_000);
        // Over the size limit, but compressed far less than 1:100 (the zip-bomb ratio).
        try (ZipFile zip = new ZipFile(large.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet.getSize()).isGreaterThan(ZipLimits.MAX_ENTRY_SIZE);
            assertThat(sheet.getCompressedSize()).isGreaterThan(sheet.getSize() / 50);
        }

        Logger readerLog = (Logger) LoggerFactory.getLogger(XlsxSheets.class);
        Level level = readerLog.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        readerLog.addAppender(logged);
        readerLog.setLevel(Level.DEBUG);
        PlanLoadOutcome outcome;
        try {
            outcome = new PlanLoader(new PlanWorkbookReader(), null).load(large, YEAR);
        } finally {
            readerLog.detachAppender(logged);
            readerLog.setLevel(level);
        }

        assertThat(outcome.accepted()).isFalse();
        // Not handed to the streaming reader, which would read the 200 MB again only to stop at the same limit.
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("read by the streaming reader"));
        assertThat(outcome.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("il piano è troppo grande: una sua parte (un"
                        + " foglio, o i testi che i fogli condividono) supera 200 MB una volta decompressa").contains("il piano non è stato caricato"));
    }
}
