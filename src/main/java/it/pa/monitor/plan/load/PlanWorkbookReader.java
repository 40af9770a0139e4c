package it.pa.monitor.plan.load;

import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.workbook.HeapSize;
import it.pa.monitor.workbook.OdsWorkbook;
import it.pa.monitor.workbook.WorkbookCells;
import it.pa.monitor.workbook.WorkbookFiles;
import it.pa.monitor.workbook.XlsxSheets;
import it.pa.monitor.workbook.ZipLimits;

import it.pa.monitor.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.IntConsumer;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens a plan workbook and reads each of its sheets as a table, by streaming (.xlsx) so that
 * memory holds the rows read, never the whole workbook; a sheet over the row limit, a plan over its budget
 * of text and rows (one character per {@value #HEAP_BYTES_PER_TEXT_CHAR} and one row per
 * {@value #HEAP_BYTES_PER_PLAN_ROW} bytes of heap) and a zip bomb are plan errors, not an {@link OutOfMemoryError}.
 */
@Component
public class PlanWorkbookReader {

    private static final Logger log = LoggerFactory.getLogger(PlanWorkbookReader.class);

    /** Rows a plan sheet may have unless configured otherwise: a plan of 4 000 uffici × 60 indicators fits. */
    public static final int DEFAULT_MAX_ROWS = 250_000;
    /**
     * A plan whose formulas lack their cached values is read again as a whole workbook so POI can
     * evaluate them, but only up to this many rows and within the whole-read limit of an .xls plan: beyond, those
     * cells are errors (save it again in Excel).
     */
    static final int WHOLE_WORKBOOK_MAX_ROWS = 20_000;

    /**
     * Bytes of heap per character of the plan's text, for the text limit unless configured otherwise: a plan of
     * 240 000 indicators with 71 million characters (names and algorithms of 100–150 characters) ran with
     * {@code -Xmx512m} (about 77 million at this ratio), its texts half of the heap in use during the report.
     */
    public static final int HEAP_BYTES_PER_TEXT_CHAR = 7;
    /**
     * Bytes of heap per data row of the whole plan, for the plan's row limit unless configured otherwise: the
     * benchmark's largest plan (248 407 data rows, 240 000 of them indicators) runs with {@code -Xmx512m}, about
     * 262 000 rows at this ratio; the same plan with 240 000 more operational objectives ran out of memory.
     */
    public static final int HEAP_BYTES_PER_PLAN_ROW = 2_048;
    /**
     * The shared strings of an .xlsx plan are held whole while it is read, before any row is: they may cost at most
     * a quarter of the heap (at two bytes a character, a string counted as {@link XlsxSheets#SHARED_STRING_COST}
     * characters beside its own), one cost unit per 8 bytes of heap; a plan left to the streaming reader, the bytes
     * of its XML parts outside the sheets, which that reader holds whole.
     */
    public static final int HEAP_BYTES_PER_SHARED_TEXT = 8;

    private final int maxRows;
    /** Given, or 0: worked out from the heap when a plan is read. */
    private final long maxSharedText;
    /** Configured, or 0: worked out from the heap when a plan is read. */
    private final long maxTextChars;
    /** Configured, or 0: worked out from the heap when a plan is read. */
    private final long maxTotalRows;
    /** Given, or 0: worked out from the heap when a plan is read. */
    private final long maxWholeBytes;

    public PlanWorkbookReader() {
        this(DEFAULT_MAX_ROWS);
    }

    /** @param maxRows the most non-blank data rows a plan sheet may have; a larger plan is rejected */
    public PlanWorkbookReader(int maxRows) {
        this(maxRows, 0, 0);
    }

    /**
     * @param maxRows      the most non-blank data rows a plan sheet may have; a larger plan is rejected
     * @param maxTextChars the most characters of text the plan's cells may hold together, or 0 for one per
     *                     {@value #HEAP_BYTES_PER_TEXT_CHAR} bytes of the heap this JVM may use; more is rejected
     * @param maxTotalRows the most non-blank data rows the plan's sheets may have together, or 0 for one per
     *                     {@value #HEAP_BYTES_PER_PLAN_ROW} bytes of the heap; more is rejected
     */
    @Autowired
    public PlanWorkbookReader(@Value("${monitor.plan.max-rows:" + DEFAULT_MAX_ROWS + "}") int maxRows,
                              @Value("${monitor.plan.max-text-chars:0}") long maxTextChars,
                              @Value("${monitor.plan.max-total-rows:0}") long maxTotalRows) {
        this(maxRows, maxTextChars, maxTotalRows, 0);
    }

    /**
     * As {@link #PlanWorkbookReader(int, long, long)}, with the most the shared strings of an .xlsx plan may cost
     * ({@link XlsxSheets#open(Path, long)}), or 0 for one unit per {@value #HEAP_BYTES_PER_SHARED_TEXT} bytes of heap.
     */
    public PlanWorkbookReader(int maxRows, long maxTextChars, long maxTotalRows, long maxSharedText) {
        this(maxRows, maxTextChars, maxTotalRows, maxSharedText, 0);
    }

    /**
     * As {@link #PlanWorkbookReader(int, long, long, long)}, with the most bytes an .ods plan may have once expanded
     * (read whole), or 0 for one per {@value HeapSize#BYTES_PER_WHOLE_ODS_BYTE} bytes of heap; an .xls plan, or an
     * .xlsx one whose formulas lack their values, a quarter of it, as the monitoring sheets.
     */
    public PlanWorkbookReader(int maxRows, long maxTextChars, long maxTotalRows, long maxSharedText,
                              long maxWholeBytes) {
        if (maxWholeBytes < 0) {
            throw new IllegalArgumentException("the most bytes of a plan read whole must not be negative: "
                    + maxWholeBytes);
        }
        this.maxWholeBytes = maxWholeBytes;
        if (maxRows < 1) {
            throw new IllegalArgumentException("monitor.plan.max-rows must be positive: " + maxRows);
        }
        if (maxTextChars < 0 || maxTotalRows < 0 || maxSharedText < 0) {
            throw new IllegalArgumentException("monitor.plan.max-text-chars and max-total-rows must not be negative: "
                    + maxTextChars + ", " + maxTotalRows);
        }
        this.maxRows = maxRows;
        this.maxTextChars = maxTextChars;
        this.maxTotalRows = maxTotalRows;
        this.maxSharedText = maxSharedText;
        ZipLimits.apply();
    }

    /**
     * Why an .ods or .xls plan, which is read whole (SODS, POI), is too large for this heap; empty for any other file
     * (an .xlsx is read row by row) and for an encrypted .xlsx (its password is said when it is opened).
     */
    private Optional<String> tooLargeToReadWhole(Path file) throws IOException {
        long max;
        if (OdsWorkbook.isSpreadsheet(file)) {
            max = wholeOdsLimit();
        } else if (WorkbookFiles.isXls(file)) {
            max = wholePoiLimit();
        } else {
            return Optional.empty();
        }
        long expanded = WorkbookFiles.expandedSize(file);
        if (expanded <= max) {
            return Optional.empty();
        }
        return Optional.of("il piano è troppo grande per essere letto per intero (" + ItalianFormat.megabytes(expanded)
                + " MB una volta decompresso; un piano .ods o .xls si legge per intero e, con la memoria assegnata, può"
                + " essere al massimo di " + ItalianFormat.megabytes(max) + " MB) e non è stato caricato: salvarlo da"
                + " Excel o LibreOffice come .xlsx, che si legge riga per riga, e inviarlo di nuovo");
    }

    /**
     * Why an .xlsx plan left to the streaming reader is too large for this heap: that reader holds the parts outside
     * the sheets whole (the shared strings among them), and the fast reader may have given up before counting them,
     * so their expanded XML must fit the shared strings' budget; empty when it does.
     */
    private Optional<String> tooMuchHeldWhole(Path file) {
        long limit = sharedTextLimit();
        long held = WorkbookFiles.heldWholeByTheStreamingReader(file);
        if (held <= limit) {
            return Optional.empty();
        }
        return Optional.of("il piano non è stato caricato: le parti del file diverse dai fogli (i testi che i fogli"
                + " condividono, gli stili) occupano " + ItalianFormat.megabytes(held) + " MB una volta decompresse e"
                + " il programma, per leggere questo file, le terrebbe tutte in memoria: con la memoria assegnata può"
                + " tenerne al massimo " + ItalianFormat.megabytes(limit) + " MB. Aprirlo in Excel o LibreOffice,"
                + " salvarlo di nuovo come .xlsx e inviarlo di nuovo; se il piano è davvero così grande, chiedere a chi"
                + " gestisce il programma di avviarlo con più memoria (java -Xmx…)");
    }

    /** The most an .ods plan may expand to, read whole by SODS: given, or worked out from the heap. */
    private long wholeOdsLimit() {
        return maxWholeBytes > 0 ? maxWholeBytes : Math.max(1, HeapSize.max() / HeapSize.BYTES_PER_WHOLE_ODS_BYTE);
    }

    /**
     * The most a plan read whole by POI may expand to (an .xls, or an .xlsx whose formulas lack their values), as
     * for a monitoring sheet: POI's model holds more per byte than SODS's.
     */
    private long wholePoiLimit() {
        return wholeOdsLimit() / HeapSize.POI_WHOLE_SHARE;
    }

    /** The most the shared strings of an .xlsx plan may cost, given or worked out from the heap. */
    private long sharedTextLimit() {
        return maxSharedText > 0 ? maxSharedText : Math.max(1, HeapSize.max() / HEAP_BYTES_PER_SHARED_TEXT);
    }

    /** A new budget for one read of a plan; what is not configured worked out from the heap. */
    private SheetTable.PlanBudget budget() {
        long heap = maxTextChars > 0 && maxTotalRows > 0 ? 0 : HeapSize.max();
        return new SheetTable.PlanBudget(
                maxTextChars > 0 ? maxTextChars : Math.max(1, heap / HEAP_BYTES_PER_TEXT_CHAR), maxTextChars == 0,
                maxTotalRows > 0 ? maxTotalRows : Math.max(1, heap / HEAP_BYTES_PER_PLAN_ROW), maxTotalRows == 0);
    }

    public PlanWorkbook read(Path file, Consumer<Problem> problems) {
        return read(file, problems, null);
    }

    /**
     * Reads the plan; its Indicatori rows are assembled as they are read by what {@code indicatorsAhead}
     * makes of the sheets read before (see {@link PlanAssembler#indicatorsAhead}), when it makes something.
     */
    PlanWorkbook read(Path file, Consumer<Problem> problems,
                      Function<PlanWorkbook, Optional<IndicatorRows>> indicatorsAhead) {
        try {
            Optional<String> tooLarge = tooLargeToReadWhole(file);
            if (tooLarge.isPresent()) {
                problems.accept(Problem.error(null, null, null, tooLarge.get()));
                return new PlanWorkbook(Map.of());
            }
            Optional<Streamed> parsed = XlsxSheets.mayRead(file) ? parsed(file, indicatorsAhead) : Optional.empty();
            if (parsed.isEmpty() && XlsxSheets.mayRead(file)) {
                XlsxSheets.refuseLongTexts(file); // the streaming reader holds a text node whole
                Optional<String> tooMuch = tooMuchHeldWhole(file);
                if (tooMuch.isPresent()) {
                    problems.accept(Problem.error(null, null, null, tooMuch.get()));
                    return new PlanWorkbook(Map.of());
                }
            }
            Streamed streamed = parsed.isPresent() ? parsed.get() : streamed(file, indicatorsAhead);
            if (!streamed.needsEvaluator() || streamed.rows() > WHOLE_WORKBOOK_MAX_ROWS
                    || WorkbookFiles.expandedSize(file) > wholePoiLimit()) {
                // Not read again whole: a formula without its value stays an error on its cell, which says what to do.
                streamed.problems().forEach(problems);
                return streamed.workbook();
            }
            // Formulas saved without their values (a plan written by a script): POI's evaluator needs
            // the whole workbook, affordable for a plan this small.
            try (Workbook workbook = WorkbookFiles.open(file)) {
                return read(workbook, problems);
            }
        } catch (AssemblyAheadFailed e) {
            // The program's failure, not the file's: thrown as assembling the kept rows would have thrown it.
            throw e.failure();
        } catch (EncryptedDocumentException e) {
            problems.accept(Problem.error(null, null, null,
                    "la cartella di lavoro è protetta da password: salvarla senza password e inviarla di nuovo"));
        } catch (OdsWorkbook.UnreadableOds e) {
            problems.accept(Problem.error(null, null, null, e.getMessage()));
        } catch (XlsxSheets.TextTooLong e) {
            problems.accept(Problem.error(null, null, null, "il piano contiene un testo di oltre un milione di caratteri"
                    + " senza interruzioni, mentre una cella ne contiene al massimo 32.767, e non è stato caricato:"
                    + " aprirlo in Excel o LibreOffice, salvarlo di nuovo come .xlsx e inviarlo di nuovo"));
        } catch (XlsxSheets.TooMuchText e) {
            problems.accept(Problem.error(null, null, null, "il piano contiene più testo di quanto il programma possa"
                    + " leggere con la memoria assegnata: i testi che i fogli condividono (la tabella dei testi che Excel"
                    + " salva a parte) superano " + ItalianFormat.count(e.limit()) + " caratteri e il piano non è stato"
                    + " caricato. Accorciare i testi più lunghi e togliere le righe non necessarie (di prova,"
                    + " duplicate); se il piano è davvero così grande, chiedere a chi gestisce il programma di avviarlo"
                    + " con più memoria (java -Xmx…)"));
        } catch (IOException | RuntimeException e) {
            if (ZipLimits.isTooLarge(e)) {
                problems.accept(Problem.error(null, null, null, "il piano è troppo grande: una sua parte (un"
                        + " foglio, o i testi che i fogli condividono) supera "
                        + ItalianFormat.megabytes(ZipLimits.MAX_ENTRY_SIZE) + " MB una volta decompressa, il massimo che il"
                        + " programma legge, e il piano non è stato"
                        + " caricato. Togliere le righe vuote o di prova in fondo ai fogli e accorciare i testi più"
                        + " lunghi (descrizioni, algoritmi)"));
            } else if (ZipLimits.isZipBomb(e)) {
                problems.accept(Problem.error(null, null, null, "file compresso anomalo (possibile zip bomb):"
                        + " il suo contenuto si espande in modo sproporzionato e il piano non è stato letto;"
                        + " aprirlo in Excel, salvarlo di nuovo e inviarlo di nuovo"));
            } else {
                problems.accept(Problem.error(null, null, null, "il file non è una cartella di lavoro leggibile"
                        + " (formati accettati: .xlsx, .xlsm, .xls, .ods; " + e.getClass().getSimpleName() + ")"));
            }
        }
        return new PlanWorkbook(Map.of());
    }

    /** A plan read once, row by row: its tables, their problems, rows read, whether a formula lacked its value. */
    private record Streamed(PlanWorkbook workbook, List<Problem> problems, int rows, boolean needsEvaluator) {

        /**
         * A plan refused as a whole while read (over its budget of text or rows, or a sheet over the row limit): no
         * table, so nothing is assembled or validated (its problems would only be those of a plan cut short), and
         * never read again whole.
         */
        static Streamed refused(List<Problem> problems, int rows) {
            return new Streamed(new PlanWorkbook(Map.of()), problems, rows, false);
        }
    }

    /**
     * The .xlsx read by {@link XlsxSheets}, several times cheaper than the streaming reader; empty when it
     * cannot read the file, which {@link #streamed} then reads as before (and reports as before).
     */
    private Optional<Streamed> parsed(Path file,
                                      Function<PlanWorkbook, Optional<IndicatorRows>> indicatorsAhead)
            throws IOException {
        ExecutorService parser = Executors.newSingleThreadExecutor(PlanWorkbookReader::parserThread);
        // A failure of the assembly ahead is the program's, not the file's: thrown past readOrEmpty (whose second
        // read of the whole file would keep every row and meet it again) and past read's "unreadable file".
        RuntimeException[] assemblyFailure = {null};
        try {
            // The shared strings are held whole while the plan is read: past their limit, the plan is refused.
            Optional<Streamed> read = XlsxSheets.readOrEmpty(file, sharedTextLimit(), sheets -> {
                List<Problem> found = new ArrayList<>();
                SheetTable.PlanBudget budget = budget();
                int[] rows = {0};
                WorkbookCells cells = sheets.cells();
                Map<PlanSheet, SheetTable> tables = new EnumMap<>(PlanSheet.class);
                IndicatorRows assembled = null;
                for (PlanSheet spec : PlanSheet.values()) {
                    Optional<String> name = sheets.sheetNames().stream().filter(spec::matches).findFirst();
                    if (name.isEmpty()) {
                        missing(spec, found::add);
                        continue;
                    }
                    // The sheets before Indicatori are read by then (PlanSheet's order).
                    Optional<IndicatorRows> ahead = spec == PlanSheet.INDICATORI && indicatorsAhead != null
                            ? noted(() -> indicatorsAhead.apply(new PlanWorkbook(tables)), assemblyFailure)
                            : Optional.empty();
                    // Parsed on the other core while this thread reads the cells of the rows already parsed; that
                    // core also reads the data rows' cells whenever this thread has earlier rows to go on with.
                    try (RowsParsedAhead sheetRows = new RowsParsedAhead(sheets.rows(name.get()), parser)) {
                        Optional<SheetTable> table = SheetTable.read(spec, sheetRows, cells, maxRows, found::add,
                                n -> rows[0] += n, ahead.<Consumer<SheetRow>>map(a -> row -> noted(() -> a.add(row),
                                        assemblyFailure)).orElse(null), budget);
                        if (table.isPresent()) {
                            tables.put(spec, table.get());
                            assembled = ahead.orElse(assembled);
                        }
                        log.debug("{} of {}: {} rows read by the parser's thread", spec.sheetName(), file.getFileName(),
                                sheetRows.rowsReadAhead());
                    }
                }
                if (budget.spent()) {
                    return Streamed.refused(found, rows[0]);
                }
                return new Streamed(new PlanWorkbook(tables, assembled), found, rows[0],
                        cells.metFormulaNeedingEvaluator());
            });
            if (assemblyFailure[0] != null) {
                throw new AssemblyAheadFailed(assemblyFailure[0]);
            }
            return read;
        } finally {
            parser.shutdown();
        }
    }

    /** A failure of the assembly ahead, carried past the reader's own handling of unreadable files. */
    private static final class AssemblyAheadFailed extends RuntimeException {

        AssemblyAheadFailed(RuntimeException failure) {
            super(failure);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    /** What {@code work} gives; a failure is kept in {@code failure} as well as thrown. */
    private static <T> T noted(Supplier<T> work, RuntimeException[] failure) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            failure[0] = e;
            throw e;
        }
    }

    private static void noted(Runnable work, RuntimeException[] failure) {
        noted(() -> {
            work.run();
            return null;
        }, failure);
    }

    /** The thread that parses the sheets of a plan: a daemon, so that it never holds the program open. */
    private static Thread parserThread(Runnable parse) {
        Thread thread = new Thread(parse, "lettura-piano");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * The workbook read by {@link WorkbookFiles#openStreamed} (.xls and .ods whole, an .xlsx {@link XlsxSheets} does
     * not read by excel-streaming-reader), its Indicatori rows assembled as they are read as by {@link #parsed}: a
     * large plan read this way holds no more rows than one read there.
     */
    private Streamed streamed(Path file, Function<PlanWorkbook, Optional<IndicatorRows>> indicatorsAhead)
            throws IOException {
        List<Problem> found = new ArrayList<>();
        int[] rows = {0};
        try (Workbook workbook = WorkbookFiles.openStreamed(file)) {
            WorkbookCells cells = new WorkbookCells(workbook);
            SheetTable.PlanBudget budget = budget();
            PlanWorkbook read = read(workbook, cells, found::add, n -> rows[0] += n, indicatorsAhead, budget);
            return budget.spent() ? Streamed.refused(found, rows[0])
                    : new Streamed(read, found, rows[0], cells.metFormulaNeedingEvaluator());
        }
    }

    /** Reads an open workbook (whole or streamed). */
    public PlanWorkbook read(Workbook workbook, Consumer<Problem> problems) {
        SheetTable.PlanBudget budget = budget();
        PlanWorkbook read = read(workbook, new WorkbookCells(workbook), problems, n -> { }, null, budget);
        return budget.spent() ? new PlanWorkbook(Map.of()) : read;
    }

    private PlanWorkbook read(Workbook workbook, WorkbookCells cells, Consumer<Problem> problems,
                              IntConsumer rowsRead, Function<PlanWorkbook, Optional<IndicatorRows>> indicatorsAhead,
                              SheetTable.PlanBudget budget) {
        Map<PlanSheet, SheetTable> tables = new EnumMap<>(PlanSheet.class);
        IndicatorRows assembled = null;
        for (PlanSheet spec : PlanSheet.values()) {
            Optional<Sheet> sheet = findSheet(workbook, spec);
            if (sheet.isEmpty()) {
                missing(spec, problems);
                continue;
            }
            // The sheets before Indicatori are read by then (PlanSheet's order).
            Optional<IndicatorRows> ahead = spec == PlanSheet.INDICATORI && indicatorsAhead != null
                    ? assemblingAhead(() -> indicatorsAhead.apply(new PlanWorkbook(tables))) : Optional.empty();
            Optional<SheetTable> table = SheetTable.read(spec, sheet.get().iterator(), cells, maxRows, problems,
                    rowsRead, ahead.<Consumer<SheetRow>>map(a -> row -> assemblingAhead(() -> {
                        a.add(row);
                        return null;
                    })).orElse(null), budget);
            if (table.isPresent()) {
                tables.put(spec, table.get());
                assembled = ahead.orElse(assembled);
            }
        }
        return new PlanWorkbook(tables, assembled);
    }

    /** What {@code work} gives; its failure is the program's, not the file's ({@link AssemblyAheadFailed}). */
    private static <T> T assemblingAhead(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw new AssemblyAheadFailed(e);
        }
    }

    private static void missing(PlanSheet spec, Consumer<Problem> problems) {
        if (spec.required()) {
            problems.accept(Problem.error(spec.sheetName(), null, null,
                    "manca il foglio obbligatorio «" + spec.sheetName() + "»"));
        }
    }

    private static Optional<Sheet> findSheet(Workbook workbook, PlanSheet spec) {
        for (Sheet sheet : workbook) {
            if (spec.matches(sheet.getSheetName())) {
                return Optional.of(sheet);
            }
        }
        return Optional.empty();
    }
}
