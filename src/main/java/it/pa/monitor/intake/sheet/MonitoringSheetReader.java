package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.OdsWorkbook;
import it.pa.monitor.workbook.WorkbookFiles;
import it.pa.monitor.workbook.XlsxSheets;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.workbook.HeapSize;
import it.pa.monitor.workbook.ZipLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the monitoring table of a submitted workbook (FORMATS.md §2): .xlsx/.xlsm parsed row by row
 * by {@link XlsxSheets} (excel-streaming-reader for what that cannot read), so memory does not grow
 * with the file, .xls with HSSF, .ods with SODS ({@link OdsWorkbook}). Never throws
 * for a bad file: the outcome carries an Italian message saying what is wrong and what to do.
 */
@Component
public class MonitoringSheetReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K'};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** The stream names under which an OLE2 file holds an Excel workbook (a Word file has none). */
    private static final List<String> WORKBOOK_ENTRIES = List.of("Workbook", "WORKBOOK", "WorkBook", "BOOK", "Book");

    /**
     * Bytes of heap per character of text a sheet may hold, for its limit unless configured otherwise, with three
     * sheets per reading thread in memory at once (one being read, two read ahead): every sheet at its limit then
     * holds about a sixteenth of the heap, its texts' characters at two bytes each with the strings around them.
     */
    public static final int HEAP_BYTES_PER_TEXT_CHAR = 16;
    /** Sheets in memory at once per reading thread: the one read and the two read ahead ({@link ReadAhead}). */
    static final int SHEETS_PER_THREAD = 3;
    /**
     * The most reading threads by default: one writer stores the files, and two readers already keep it busy; more
     * would only shrink each file's share of the heap (its text limit), so that a sheet accepted on a laptop would
     * be refused on a server with many cores and the same heap.
     */
    static final int MAX_DEFAULT_READ_THREADS = 4;
    /**
     * Bytes of heap per byte of an .ods read whole (once expanded), for its limit unless given otherwise: one such
     * file is read at a time, whatever the reading threads, and SODS holds about four times its content. An .xls, or
     * an .xlsx read whole, may be a {@value #POI_WHOLE_SHARE}th of that: POI's models hold some sixty bytes a cell
     * where the file has a few.
     */
    public static final int HEAP_BYTES_PER_WHOLE_BYTE = HeapSize.BYTES_PER_WHOLE_ODS_BYTE;
    static final int POI_WHOLE_SHARE = HeapSize.POI_WHOLE_SHARE;

    private final int maxRows;
    private final int readThreads;
    /** Configured, or worked out from the heap when the reader is made. */
    private final long maxTextChars;
    /** The most bytes (expanded) of an .xls or .ods, read whole. */
    private final long maxWholeBytes;
    /** Files read whole (.xls, .ods) are read one at a time: their size is bounded for one, not for every thread. */
    private final Semaphore wholeReads = new Semaphore(1);
    /** What header texts name, worked out once for all the sheets read (and by all the reading threads). */
    private final HeaderNamings namings = new HeaderNamings();

    /** @param maxRows the most data rows a sheet may have; a larger one is rejected unread */
    public MonitoringSheetReader(int maxRows) {
        this(maxRows, 0);
    }

    /**
     * @param maxRows     the most data rows a sheet may have; a larger one is rejected unread
     * @param readThreads how many files {@link #readAhead} parses at once; 0 for the number of cores, at most
     *                    {@value #MAX_DEFAULT_READ_THREADS}
     */
    public MonitoringSheetReader(int maxRows, int readThreads) {
        this(maxRows, readThreads, 0);
    }

    /**
     * @param maxRows      the most data rows a sheet may have; a larger one is rejected unread
     * @param readThreads  how many files {@link #readAhead} parses at once; 0 for the number of cores, at most
     *                     {@value #MAX_DEFAULT_READ_THREADS}
     * @param maxTextChars the most characters of text a file may hold (its shared strings, and the cells kept from
     *                     it), or 0 for one per {@value #HEAP_BYTES_PER_TEXT_CHAR} bytes of the heap shared by
     *                     {@value #SHEETS_PER_THREAD} sheets per reading thread; a file with more is rejected
     */
    @Autowired
    public MonitoringSheetReader(@Value("${monitor.intake.max-rows:20000}") int maxRows,
                                 @Value("${monitor.intake.read-threads:0}") int readThreads,
                                 @Value("${monitor.intake.max-text-chars:0}") long maxTextChars) {
        this(maxRows, readThreads, maxTextChars, 0);
    }

    /**
     * As {@link #MonitoringSheetReader(int, int, long)}, with the most bytes an .ods may have once expanded (read
     * whole, one at a time), or 0 for one per {@value #HEAP_BYTES_PER_WHOLE_BYTE} bytes of heap; an .xls, or an .xlsx
     * read whole, a {@value #POI_WHOLE_SHARE}th of it; a file left to the streaming reader that much outside its
     * sheets.
     */
    public MonitoringSheetReader(int maxRows, int readThreads, long maxTextChars, long maxWholeBytes) {
        if (maxTextChars < 0 || maxWholeBytes < 0) {
            throw new IllegalArgumentException("monitor.intake.max-text-chars must not be negative: " + maxTextChars
                    + ", " + maxWholeBytes);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("monitor.intake.max-rows must be positive: " + maxRows);
        }
        if (readThreads < 0) {
            throw new IllegalArgumentException("monitor.intake.read-threads must not be negative: " + readThreads);
        }
        this.maxRows = maxRows;
        this.readThreads = readThreads == 0 ? defaultReadThreads(Runtime.getRuntime().availableProcessors())
                : readThreads;
        this.maxTextChars = maxTextChars > 0 ? maxTextChars
                : Math.max(1, HeapSize.max() / HEAP_BYTES_PER_TEXT_CHAR
                        / ((long) SHEETS_PER_THREAD * this.readThreads));
        this.maxWholeBytes = maxWholeBytes > 0 ? maxWholeBytes
                : Math.max(1, HeapSize.max() / HEAP_BYTES_PER_WHOLE_BYTE);
        ZipLimits.apply();
    }

    /** The reading threads on {@code cores} cores unless configured: one per core, at most {@value #MAX_DEFAULT_READ_THREADS}. */
    static int defaultReadThreads(int cores) {
        return Math.max(1, Math.min(cores, MAX_DEFAULT_READ_THREADS));
    }

    /** The reading threads in use. */
    int readThreads() {
        return readThreads;
    }

    /** The most characters of text a file may hold (configured, or worked out from the heap). */
    public long maxTextChars() {
        return maxTextChars;
    }

    /**
     * A reader of {@code files} that reads the next ones in the background, with {@code then} applied
     * to each file's outcome on the same pool (what needs no database, e.g. validation against the plan),
     * while the caller works on the current one; the caller asks for them in this order and closes it.
     */
    public <T> ReadAhead<T> readAhead(List<Path> files, BiFunction<Path, ReadOutcome, T> then) {
        return new ReadAhead<>(file -> then.apply(file, read(file)), files, readThreads);
    }

    /** The sheet read from {@code file}, or why it could not be. */
    public ReadOutcome read(Path file) {
        String name = file.getFileName().toString();
        byte[] head;
        try {
            if (!Files.isRegularFile(file)) {
                return ReadOutcome.failed("Il file «" + name + "» non esiste o non è un file: inviarlo di nuovo.");
            }
            if (Files.size(file) == 0) {
                return ReadOutcome.failed("Il file «" + name + "» è vuoto (0 byte): salvarlo di nuovo da Excel"
                        + " e inviarlo di nuovo.");
            }
            head = head(file);
        } catch (IOException e) {
            return ReadOutcome.failed("Il file «" + name + "» non si può leggere (" + e.getClass().getSimpleName()
                    + "): inviarlo di nuovo.");
        }
        // The content decides, not the extension: an .xls renamed .xlsx is still read.
        if (startsWith(head, ZIP_MAGIC)) {
            if (OdsWorkbook.isOpenDocument(file)) {
                return OdsWorkbook.isSpreadsheet(file) ? readOds(file, name) : notExcel(name);
            }
            return readXlsx(file, name);
        }
        if (startsWith(head, OLE2_MAGIC)) {
            return readOle2(file, name);
        }
        return notExcel(name);
    }

    private ReadOutcome readXlsx(Path file, String name) {
        WorkbookTableReader streamed = new WorkbookTableReader(name, maxRows, maxTextChars, namings);
        Optional<ReadOutcome> parsed;
        try {
            parsed = parsed(file, streamed, maxTextChars);
        } catch (IOException e) {
            return unreadableXlsx(name, e); // past the zip limits: the streaming reader would stop there too
        }
        ReadOutcome outcome;
        if (parsed.isPresent()) {
            outcome = parsed.get();
        } else {
            // The streaming reader holds the parts other than the sheets whole (the shared strings among them) and a
            // text node whole, and the fast reader may have given up before counting them (a strict OOXML file, an
            // odd styles part, an ISO date before a long text).
            long heldWhole = WorkbookFiles.heldWholeByTheStreamingReader(file);
            if (heldWhole > maxWholeBytes) {
                return ReadOutcome.failed(tooMuchHeldWhole(name, heldWhole, maxWholeBytes));
            }
            try {
                XlsxSheets.refuseLongTexts(file);
            } catch (IOException e) {
                return unreadableXlsx(name, e);
            }
            try (Workbook workbook = WorkbookFiles.streamXlsx(file)) {
                outcome = streamed.read(workbook);
            } catch (IOException | RuntimeException e) {
                return unreadableXlsx(name, e);
            }
        }
        if (!outcome.succeeded() || !streamed.needsWholeWorkbook()) {
            return outcome;
        }
        // A formula saved without its value (a file written by a script) needs POI's evaluator, which
        // needs the whole workbook: only such files are read again, and only once their rows are
        // known to be within the limit, and, as any file read whole, one at a time and within its size.
        Optional<ReadOutcome> tooLarge = tooLargeToReadWhole(file, name, maxWholeBytes / POI_WHOLE_SHARE);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        wholeReads.acquireUninterruptibly();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            return new WorkbookTableReader(name, maxRows, maxTextChars, namings).read(workbook);
        } catch (IOException | RuntimeException e) {
            return unreadableXlsx(name, e);
        } finally {
            wholeReads.release();
        }
    }

    /**
     * The file read by {@link XlsxSheets}, several times cheaper than the streaming reader; empty when it
     * cannot read the file (strict OOXML, ISO-date cells, a damaged or odd file): the streaming reader
     * then reads it, and reports it, as before.
     */
    static Optional<ReadOutcome> parsed(Path file, WorkbookTableReader reader, long maxTextChars) throws IOException {
        // Its shared strings are held whole while the file is read: they count against the file's text too.
        return XlsxSheets.readOrEmpty(file, maxTextChars, sheets -> reader.read(WorkbookSheets.of(sheets)));
    }

    /** An .ods is read whole by SODS; the row limit then applies to its table as to any other. */
    private ReadOutcome readOds(Path file, String name) {
        Optional<ReadOutcome> tooLarge = tooLargeToReadWhole(file, name, maxWholeBytes);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        wholeReads.acquireUninterruptibly();
        try (Workbook workbook = OdsWorkbook.open(file)) {
            return new WorkbookTableReader(name, maxRows, maxTextChars, namings).read(workbook);
        } catch (OdsWorkbook.UnreadableOds e) {
            return ReadOutcome.failed("Il file «" + name + "» non è stato letto: " + e.getMessage() + ".");
        } catch (IOException | RuntimeException e) {
            return ReadOutcome.failed("Il file «" + name + "» è danneggiato o non è un foglio di calcolo OpenDocument"
                    + " valido (" + e.getClass().getSimpleName() + "): aprirlo in LibreOffice, salvarlo di nuovo come"
                    + " .ods e inviarlo di nuovo.");
        } finally {
            wholeReads.release();
        }
    }

    private static ReadOutcome unreadableXlsx(String name, Exception e) {
        if (e instanceof XlsxSheets.TooMuchText tooMuch) {
            return ReadOutcome.failed(WorkbookTableReader.tooMuchText(name, tooMuch.limit()));
        }
        if (e instanceof XlsxSheets.TextTooLong) {
            return ReadOutcome.failed("Il file «" + name + "» non è stato letto: contiene un testo di oltre un milione di"
                    + " caratteri senza interruzioni, mentre una cella ne contiene al massimo 32.767 (un file scritto da"
                    + " un programma?). Aprirlo in Excel o LibreOffice, salvarlo di nuovo come .xlsx e inviarlo di"
                    + " nuovo.");
        }
        if (ZipLimits.isTooLarge(e)) {
            return ReadOutcome.failed("Il file «" + name + "» non è stato letto: una sua parte supera "
                    + ItalianFormat.megabytes(ZipLimits.MAX_ENTRY_SIZE) + " MB una volta decompressa, molto più di quanto"
                    + " serva a una scheda di monitoraggio. Usare il modello della scheda, senza righe o fogli"
                    + " aggiunti, e inviarlo di nuovo.");
        }
        if (ZipLimits.isZipBomb(e)) {
            return zipBomb(name);
        }
        return ReadOutcome.failed("Il file «" + name + "» è danneggiato o non è una cartella di lavoro Excel"
                + " valida (" + e.getClass().getSimpleName() + "): aprirlo in Excel, salvarlo di nuovo"
                + " come .xlsx e inviarlo di nuovo.");
    }

    private ReadOutcome readOle2(Path file, String name) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            // An encrypted .xlsx is an OLE2 container holding the encrypted zip.
            if (root.hasEntry("EncryptedPackage")) {
                return passwordProtected(name);
            }
            if (WORKBOOK_ENTRIES.stream().noneMatch(root::hasEntry)) {
                return notExcel(name);
            }
            try {
                SheetNames.xls(file); // reads the workbook's globals only: a password is said before any size
            } catch (EncryptedDocumentException e) {
                return passwordProtected(name);
            }
            Optional<ReadOutcome> tooLarge = tooLargeToReadWhole(file, name, maxWholeBytes / POI_WHOLE_SHARE);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            wholeReads.acquireUninterruptibly();
            try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
                return new WorkbookTableReader(name, maxRows, maxTextChars, namings).read(workbook);
            } finally {
                wholeReads.release();
            }
        } catch (EncryptedDocumentException e) {
            return passwordProtected(name);
        } catch (IOException | RuntimeException e) {
            return ReadOutcome.failed("Il file «" + name + "» è danneggiato o è in un formato Excel non supportato ("
                    + e.getClass().getSimpleName() + "): aprirlo in Excel, salvarlo come .xlsx e inviarlo di nuovo.");
        }
    }

    /**
     * An .xls or .ods is read whole, its texts with it, before any of its cells can be counted, and one at a time:
     * one larger than {@code max} (once expanded, for a zip) is rejected unread (a size the zip does not tell is left
     * to the reader).
     */
    private static Optional<ReadOutcome> tooLargeToReadWhole(Path file, String name, long max) {
        long expanded = WorkbookFiles.expandedSize(file);
        if (expanded <= max) {
            return Optional.empty();
        }
        return Optional.of(ReadOutcome.failed("Il file «" + name + "» non è stato letto: è troppo grande per una scheda"
                + " di monitoraggio (" + ItalianFormat.megabytes(expanded) + " MB una volta decompresso; un file"
                + " .xls o .ods, o un .xlsx con formule salvate senza valore, si legge per intero e può essere al massimo"
                + " di " + ItalianFormat.megabytes(max) + " MB). Usare il modello della scheda, senza righe o fogli"
                + " aggiunti, salvarlo da Excel o LibreOffice come .xlsx e inviarlo di nuovo."));
    }

    /**
     * Why an .xlsx left to the streaming reader is refused: that reader would hold its XML parts other than the sheets
     * whole, {@code held} bytes, more than {@code max}.
     */
    static String tooMuchHeldWhole(String name, long held, long max) {
        return "Il file «" + name + "» non è stato letto: le sue parti diverse dai fogli (i testi che i fogli"
                + " condividono, gli stili) occupano " + ItalianFormat.megabytes(held) + " MB una volta decompresse e il"
                + " programma, per leggere questo file, le terrebbe tutte in memoria: con la memoria assegnata può"
                + " tenerne al massimo " + ItalianFormat.megabytes(max) + " MB. Usare il modello della scheda, senza"
                + " righe o fogli aggiunti, salvarlo da Excel o LibreOffice come .xlsx e inviarlo di nuovo.";
    }

    private static ReadOutcome notExcel(String name) {
        return ReadOutcome.failed("Il file «" + name + "» non è una cartella di lavoro in un formato accettato ("
                + SubmittedWorkbook.ACCEPTED_FORMATS + "): aprirlo in Excel o in LibreOffice, salvarlo come"
                + " «Cartella di lavoro di Excel (.xlsx)» o come «Foglio elettronico ODF (.ods)» e inviarlo di nuovo.");
    }

    private static ReadOutcome passwordProtected(String name) {
        return ReadOutcome.failed("La cartella di lavoro «" + name + "» è protetta da password: salvarla senza"
                + " password e inviarla di nuovo.");
    }

    private static ReadOutcome zipBomb(String name) {
        return ReadOutcome.failed("Il file «" + name + "» non è stato letto: file compresso anomalo (possibile zip"
                + " bomb), il suo contenuto si espande in modo sproporzionato. Salvarlo di nuovo da Excel e"
                + " inviarlo di nuovo; se il problema resta, contattare l'ufficio che raccoglie le schede.");
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(OLE2_MAGIC.length);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** What reading a file gave: exactly one of the sheet read and the reason it could not be. */
    public record ReadOutcome(MonitoringSheet sheet, String failure) {

        public ReadOutcome {
            if ((sheet == null) == (failure == null)) {
                throw new IllegalArgumentException("exactly one of sheet and failure must be set");
            }
        }

        public static ReadOutcome read(MonitoringSheet sheet) {
            return new ReadOutcome(sheet, null);
        }

        public static ReadOutcome failed(String failure) {
            return new ReadOutcome(null, failure);
        }

        public boolean succeeded() {
            return sheet != null;
        }
    }
}
