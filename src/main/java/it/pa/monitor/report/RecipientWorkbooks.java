package it.pa.monitor.report;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.DisplayRounding;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.StreamedWorkbook;
import it.pa.monitor.report.sheets.CruscottiSheet;
import it.pa.monitor.report.sheets.ObjectiveCards;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The workbooks that go back to the people who sent the data, written by every run of a period
 * (FORMATS.md §5): {@code <periodo>/unita/Esiti-<unità>-<periodo>.xlsx} for every unit and
 * {@code <periodo>/cruscotti/Cruscotto-<CRnn>-<periodo>.xlsx} for every dirigente, with the
 * Relazione's sheets, styles, traffic lights and print setup.
 */
@Component
public class RecipientWorkbooks {

    static final String UNITS = "unita";
    static final String SCORECARDS = "cruscotti";
    /**
     * Workbooks of up to this many rows are built in memory, larger ones streamed: measured on generated
     * plans, the costs are even at about 200–250 rows (a unit's sixty indicators cost less in memory, an
     * area's thousand less streamed), and a streamed workbook's memory does not grow with its rows.
     */
    static final int IN_MEMORY_ROWS = 200;

    /** JAXP's key for the XSLT factory, and the JDK's own factory, which JAXP falls back to. */
    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";
    private static final String JDK_TRANSFORMER_FACTORY =
            "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    public RecipientWorkbooks() {
        // POI saves the package parts of every workbook through a new JAXP TransformerFactory; unless this is set,
        // JAXP first searches the whole class path (some seventy jars) for another factory, finds
        // none, and takes the JDK's: a thousand workbooks paid that search several times each. Named here, the
        // same factory is taken at once; a factory the user names with -D still wins.
        System.getProperties().putIfAbsent(TRANSFORMER_FACTORY, JDK_TRANSFORMER_FACTORY);
    }

    /** Writes them all; {@code issuesByUnit} are the problems of each unit's files for the period. */
    public List<Path> write(ReportData reportData, Map<String, List<Problem>> issuesByUnit, Path output) {
        try (Writing writing = start(reportData, unit -> issuesByUnit.getOrDefault(unit, List.of()), output)) {
            writing.useAllCores();
            return writing.await();
        }
    }

    /**
     * Starts writing them all in the background, on one core until {@link Writing#useAllCores()}: the
     * Relazione, written meanwhile on the caller's thread, has the other. Each workbook is independent
     * and the data are read only; at most one workbook per core is open at a time. {@code issuesOf} gives the
     * problems of a unit's files for the period, asked for when the unit's workbook is written.
     */
    public Writing start(ReportData reportData, Function<String, List<Problem>> issuesOf, Path output) {
        ReportData data = DisplayRounding.apply(reportData);
        String period = data.period().code();
        Path folder = output.resolve(period);
        UnitLookups lookups = new UnitLookups(data.plan());
        ReportStyles.Template styles = ReportStyles.Template.make();
        RecycledWorkbooks small = new RecycledWorkbooks(styles);
        List<Callable<Path>> workbooks = new ArrayList<>();
        for (OrgUnit unit : data.plan().units()) {
            workbooks.add(() -> {
                List<Problem> issues = issuesOf.apply(unit.code());
                String name = "Esiti-" + fileName(unit.code()) + "-" + period + ".xlsx";
                int rows = UnitResultsWorkbook.rows(data, lookups, unit, issues);
                if (rows <= IN_MEMORY_ROWS) {
                    return small.save(folder.resolve(UNITS), name,
                            layout -> UnitResultsWorkbook.fill(layout, data, lookups, unit, issues));
                }
                return save(folder.resolve(UNITS), name, rows,
                        workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, issues, styles));
            });
        }
        for (Scorecard scorecard : data.plan().scorecards()) {
            workbooks.add(() -> save(folder.resolve(SCORECARDS), "Cruscotto-" + fileName(scorecard.code()) + "-"
                    + period + ".xlsx", scorecard.rows().size(), workbook -> scorecard(workbook, data, scorecard, styles)));
        }
        return new Writing(workbooks);
    }

    /** The workbooks of one run being written; closing it stops whatever is left (after a failure). */
    public static final class Writing implements AutoCloseable {

        private final int threads;
        private final ExecutorService pool;
        /** One permit per core the workbooks may use now. */
        private final Semaphore cores = new Semaphore(1);
        private final List<Future<Path>> written = new ArrayList<>();
        /** Set by {@link #close()}: a workbook not yet begun is not begun. */
        private volatile boolean stopped;
        private boolean allCores;

        private Writing(List<Callable<Path>> workbooks) {
            threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), workbooks.size()));
            pool = Executors.newFixedThreadPool(threads);
            for (Callable<Path> workbook : workbooks) {
                written.add(pool.submit(() -> {
                    cores.acquire();
                    try {
                        if (stopped) {
                            throw new CancellationException("scrittura delle cartelle per unità e dirigenti fermata");
                        }
                        return workbook.call();
                    } finally {
                        cores.release();
                    }
                }));
            }
        }

        /** From now on the workbooks are written on all cores. */
        public void useAllCores() {
            if (!allCores) {
                allCores = true;
                cores.release(threads - 1);
            }
        }

        /** Waits for them all; the paths come back in the order of the plan. */
        public List<Path> await() {
            List<Path> paths = new ArrayList<>();
            for (Future<Path> future : written) {
                paths.add(Futures.await(future, "scrittura delle cartelle per unità e dirigenti interrotta"));
            }
            return paths;
        }

        /**
         * Stops what is left and waits for the running ones: no thread writes on after the step ends. Not by
         * interrupting them: a workbook reads its unit's problems from the database, and H2 closes its file when a
         * thread is interrupted inside it, failing every connection (the step's own, the archive beside it).
         */
        @Override
        public void close() {
            stopped = true;
            written.forEach(future -> future.cancel(false));
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The dirigente's scorecard exactly as on the Relazione's Cruscotti sheet. */
    static void scorecard(Workbook workbook, ReportData data, Scorecard scorecard) {
        scorecard(workbook, data, scorecard, null);
    }

    /** As {@link #scorecard(Workbook, ReportData, Scorecard)}, the styles copied from {@code template}. */
    static void scorecard(Workbook workbook, ReportData data, Scorecard scorecard, ReportStyles.Template template) {
        ReportStyles styles = new ReportStyles(workbook, template);
        Sheet sheet = workbook.createSheet("Cruscotto");
        PrintSetup.apply(sheet, 1, CruscottiSheet.WIDTHS);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Cruscotto " + CardText.joined(scorecard.code(),
                scorecard.dirigente(), " – "), data), styles.title());
        CruscottiSheet.scorecard(sheet, 2, scorecard, data, styles, new ObjectiveCards.CellNotes(sheet));
    }

    /** Writes the small workbook, its first sheet active, into {@code out}. */
    static void writeSmall(SmallWorkbook.Filled small, OutputStream out) throws IOException {
        small.setActiveSheet(0);
        // POI saves into a zip stream it is given: the same parts, deflated at zlib's fastest level
        // (about half the deflating time, files about a quarter larger). Closed here: POI only
        // finishes it, and its deflater's native memory is freed on close.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            small.writeTo(zip);
        }
    }

    /** A code as part of a file name: characters no file system accepts become "_". */
    static String fileName(String code) {
        return code.strip().replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
    }

    /**
     * Written to a temporary file and moved in one step, as the Relazione. A workbook of up to
     * {@link #IN_MEMORY_ROWS} rows is built in memory ({@link SmallWorkbook.Filled}: its cells plain values,
     * all its rows kept): one zip, no temporary files. A larger one (an area, a unit at the top of a large tree) is streamed (SXSSF)
     * as the Relazione's card sheets: its cells never become XML beans, which cost more to build and
     * to save than the streamed workbook's second zip, and only a window of its rows is in memory.
     */
    static Path save(Path folder, String name, int rows, Consumer<Workbook> content) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            Path temporary = folder.resolve("." + name + ".tmp");
            boolean inMemory = rows <= IN_MEMORY_ROWS;
            SmallWorkbook.Filled small = inMemory ? SmallWorkbook.filled() : null;
            SXSSFWorkbook streamed = inMemory ? null : new StreamedWorkbook(new XSSFWorkbook(WrittenNotes.SHEETS),
                    RelazioneWriter.WINDOW);
            Workbook workbook = inMemory ? small : streamed;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.accept(workbook);
                workbook.setActiveSheet(0);
                if (inMemory) {
                    writeSmall(small, out);
                } else {
                    streamed.writeAvoidingTempFiles(out);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary); // no half-written file left beside the others
                throw e;
            } finally {
                // Discarded, not closed: POI's close of a workbook it created saves it all over again into
                // memory, and there is nothing else to free but a streamed workbook's temporary files.
                if (inMemory) {
                    small.book().getPackage().revert();
                } else {
                    streamed.dispose();
                }
            }
            return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
