package it.pa.monitor.workbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An .xlsx/.xlsm read row by row with a StAX cursor over POI's package ({@link XSSFReader}), the
 * {@link ZipLimits} applying: a large sheet costs little more than parsing its XML. Its rows and cells are
 * POI {@link Row}s and cells that answer as the streamed ones of {@link WorkbookFiles#streamXlsx} do, to be read
 * through {@link #cells()}. Anything it does not handle (strict OOXML, ISO dates in cells, a damaged part)
 * throws, and the caller reads the file the usual way. It parses a sheet as far ahead as the streaming reader
 * does (blocks of {@value #ROWS_AHEAD} rows) and checks at least what that reader checks there, so a file the
 * streaming reader would refuse at some point throws here no later.
 */
public final class XlsxSheets implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheets.class);

    private static final String SPREADSHEET_NS_SUFFIX = "/main";
    /** Rows parsed at a time: the row cache of the streaming reader ({@link WorkbookFiles#streamXlsx}). */
    static final int ROWS_AHEAD = 100;
    /**
     * Configured once and never changed, so shared by every reader on every thread (a StAX factory is
     * thread-safe once configured); looking one up costs more than parsing a small sheet.
     */
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();
    /**
     * What a shared string costs beside its characters, counted in characters: the string object, its array's
     * header and its slot in the table (about 48 bytes, at two bytes a character).
     */
    public static final int SHARED_STRING_COST = 24;

    /**
     * {@code failure} or the first of its causes that refuses the file for its text ({@link TooMuchText},
     * {@link TextTooLong}); null when none does. The parser and the row iterators wrap what the input throws.
     */
    private static IOException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooMuchText || t instanceof TextTooLong) {
                return (IOException) t;
            }
        }
        return null;
    }

    /** A file holding a text far longer than a cell's, anywhere in a part this reader parses ({@link LongTextGuard}). */
    public static final class TextTooLong extends IOException {

        TextTooLong() {
            super("more than " + LongTextGuard.MAX_RUN + " bytes without markup");
        }
    }

    /**
     * Refuses with {@link TextTooLong} a package one of whose XML parts holds a text far longer than a cell's: for a
     * file left to a reader that would hold such a text whole (the streaming reader, POI's). Every part is inflated
     * once under the {@link ZipLimits}, and nothing kept.
     */
    public static void refuseLongTexts(Path file) throws IOException {
        ZipLimits.apply();
        try (org.apache.poi.openxml4j.util.ZipSecureFile zip = new org.apache.poi.openxml4j.util.ZipSecureFile(
                file.toFile())) {
            for (var entries = zip.getEntries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
                    try (InputStream in = new LongTextGuard(zip.getInputStream(entry))) {
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (java.io.UncheckedIOException e) {
                        IOException refused = refusal(e);
                        throw refused != null ? refused : e.getCause();
                    }
                }
            }
        }
    }

    /** A file whose shared strings cost more than the reader was allowed ({@link #open(Path, long)}). */
    public static final class TooMuchText extends IOException {

        private final long limit;

        TooMuchText(long limit) {
            super("shared strings beyond " + limit + " characters");
            this.limit = limit;
        }

        /** The characters the reader was allowed. */
        public long limit() {
            return limit;
        }
    }

    private final Parts parts;
    private final Map<String, Part> sheets;
    /** The cell styles by index ({@code cellXfs}); null when the workbook has no styles part. */
    private final List<CellStyle> styles;
    private final List<String> sharedStrings;
    private final boolean date1904;
    /**
     * Made when a cell's text is first asked for: reading values seldom needs it. A sheet's cells may be read on
     * two threads (the plan's rows read ahead), so it is made once under a lock, and used under its own.
     */
    private DataFormatter formatter;
    private final Supplier<DataFormatter> formatters = this::formatter;
    private final List<Closeable> open = new ArrayList<>();

    private XlsxSheets(Parts parts, long maxSharedText) throws IOException, XMLStreamException {
        this.parts = parts;
        this.sheets = parts.sheets();
        this.styles = cellStyles(parts.first(XSSFRelation.STYLES.getContentType()));
        checkTheme(parts);
        this.sharedStrings = sharedStrings(parts.first(XSSFRelation.SHARED_STRINGS.getContentType()), maxSharedText);
        try (InputStream workbook = parts.workbook().open()) {
            this.date1904 = date1904AndSheetCount(workbook);
        }
    }

    /** A part of the package, opened when read. */
    @FunctionalInterface
    private interface Part {
        InputStream open() throws IOException;
    }

    /**
     * The parts of the package this reader reads, from the zip itself ({@link ZipParts}) or through POI's package:
     * the worksheets in workbook order (each name's first), the workbook part, the first part of a content type
     * (in part-name order; null when there is none), and what closes the package.
     */
    private record Parts(Map<String, Part> sheets, Part workbook, Function<String, Part> firstOfType,
                         Closeable closing) implements Closeable {

        Part first(String contentType) {
            return firstOfType.apply(contentType);
        }

        @Override
        public void close() throws IOException {
            closing.close();
        }
    }

    /** The parts read straight from the zip. */
    private static Parts of(ZipParts zip) {
        Map<String, Part> sheets = new LinkedHashMap<>();
        zip.sheets().forEach((name, part) -> sheets.put(name, guarded(() -> zip.open(part))));
        return new Parts(sheets, guarded(() -> zip.open(zip.workbook())), contentType -> {
            String part = zip.first(contentType);
            return part == null ? null : guarded(() -> zip.open(part));
        }, zip);
    }

    /** Every part this reader parses is read through a {@link LongTextGuard}. */
    private static Part guarded(Part part) {
        return () -> new LongTextGuard(part.open());
    }

    /** The parts through POI's package model, for a package {@link ZipParts} does not take on. */
    private static Parts of(OPCPackage pkg) throws IOException, OpenXML4JException {
        if (pkg.isStrictOoxmlFormat()) {
            throw new UnsupportedOperationException("strict OOXML");
        }
        XSSFReader reader = new XSSFReader(pkg);
        XSSFReader.SheetIterator iterator = reader.getSheetIterator();
        Map<String, Part> sheets = new LinkedHashMap<>();
        while (iterator.hasNext()) {
            iterator.next().close();
            sheets.putIfAbsent(iterator.getSheetName(), guarded(iterator.getSheetPart()::getInputStream));
        }
        Part workbook = guarded(() -> {
            try {
                return reader.getWorkbookData();
            } catch (OpenXML4JException e) {
                throw new IOException(e);
            }
        });
        return new Parts(sheets, workbook, contentType -> {
            List<PackagePart> parts = pkg.getPartsByContentType(contentType);
            return parts.isEmpty() ? null : guarded(parts.get(0)::getInputStream);
        }, pkg::revert);
    }

    /** True for a zip package that is not an OpenDocument one: what this reader may open. */
    public static boolean mayRead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K' && !OdsWorkbook.isOpenDocument(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** What a reader makes of the file's sheets. */
    @FunctionalInterface
    public interface Reading<T> {
        /** Reads the sheets it needs from {@code sheets}. */
        T read(XlsxSheets sheets) throws IOException;
    }

    /**
     * What {@code reading} makes of the file opened by this reader; empty when the file or a sheet is
     * something this reader does not handle (strict OOXML, ISO-date cells, a damaged or odd file), for
     * the streaming reader to read it and report it as before. Said in the log, so that a reader that
     * stopped reading every file (each then read twice) shows.
     *
     * @throws IOException when a part of the file goes past the {@link ZipLimits}, on opening or while a sheet is
     *                     read: the streaming reader would stop at the same limit, after holding what it had read
     */
    public static <T> Optional<T> readOrEmpty(Path file, Reading<T> reading) throws IOException {
        return readOrEmpty(file, Long.MAX_VALUE, reading);
    }

    /**
     * As {@link #readOrEmpty(Path, Reading)}, the shared strings allowed {@code maxSharedText} characters
     * ({@link #open(Path, long)}): past them {@link TooMuchText} is thrown, not left to the streaming reader.
     */
    public static <T> Optional<T> readOrEmpty(Path file, long maxSharedText, Reading<T> reading) throws IOException {
        try (XlsxSheets sheets = open(file, maxSharedText)) {
            return Optional.of(reading.read(sheets));
        } catch (IOException | RuntimeException e) {
            IOException refused = refusal(e);
            if (refused != null) {
                throw refused; // the parser or a row iterator may have wrapped it
            }
            if (ZipLimits.isZipBomb(e)) {
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            log.debug("{} read by the streaming reader: {}",
                    file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Opens the package read-only, from the zip itself when it is a plain one, else through POI's package; a
     * failure leaves nothing open.
     */
    public static XlsxSheets open(Path file) throws IOException {
        return open(file, Long.MAX_VALUE);
    }

    /**
     * As {@link #open(Path)}, refusing a file whose shared strings cost more than {@code maxSharedText} characters
     * ({@link TooMuchText}, thrown as soon as the table has cost that much: it is never held whole).
     */
    public static XlsxSheets open(Path file, long maxSharedText) throws IOException {
        ZipLimits.apply();
        ZipParts zip;
        try {
            zip = ZipParts.open(file);
        } catch (ZipParts.NotPlain | IOException | RuntimeException e) {
            if (ZipLimits.isZipBomb(e)) {
                // POI's package would only inflate it again to the same limit: thrown for the caller to report.
                throw new IOException(e.getMessage(), e);
            }
            if (e instanceof ZipParts.NotPlain) {
                log.trace("{} opened through POI's package: {}", file.getFileName(), e.toString());
            } else {
                log.debug("{} opened through POI's package after a failure of the zip reader: {}",
                        file.getFileName(), e.toString());
            }
            return openPackage(file, maxSharedText);
        }
        return opened(of(zip), maxSharedText);
    }

    /** Opens the package through POI's package model (the way every file was opened before {@link ZipParts}). */
    static XlsxSheets openPackage(Path file) throws IOException {
        return openPackage(file, Long.MAX_VALUE);
    }

    private static XlsxSheets openPackage(Path file, long maxSharedText) throws IOException {
        ZipLimits.apply();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException e) {
            throw new IOException(e);
        }
        Parts parts;
        try {
            parts = of(pkg);
        } catch (OpenXML4JException e) {
            pkg.revert();
            throw new IOException(e);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
        return opened(parts, maxSharedText);
    }

    private static XlsxSheets opened(Parts parts, long maxSharedText) throws IOException {
        try {
            return new XlsxSheets(parts, maxSharedText);
        } catch (XMLStreamException e) {
            parts.close();
            IOException refused = refusal(e);
            throw refused != null ? refused : new IOException(e);
        } catch (IOException | RuntimeException e) {
            parts.close();
            IOException refused = refusal(e);
            if (refused != null) {
                throw refused;
            }
            throw e;
        }
    }

    /** The sheet names, in workbook order. */
    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    private synchronized DataFormatter formatter() {
        if (formatter == null) {
            formatter = new DataFormatter();
        }
        return formatter;
    }

    /** The cell reader for this workbook: it cannot evaluate formulas (see {@link WorkbookCells#metFormulaNeedingEvaluator}). */
    public WorkbookCells cells() {
        return WorkbookCells.withoutEvaluator();
    }

    /** The rows of a sheet in file order, and its merged regions once its rows have been read. */
    public interface SheetRows extends Iterator<Row> {

        /**
         * The merged regions met so far, in file order without repeats: {@code <mergeCells>} follows the
         * rows, so all of them once {@link #hasNext()} has said false (as the streaming reader's sheet).
         */
        List<CellRangeAddress> mergedRegions();
    }

    /**
     * The rows of a sheet, in file order, parsed a block at a time as they are asked for; a parse failure
     * is a runtime exception (an {@link IllegalStateException} for XML that is not well-formed).
     */
    public SheetRows rows(String sheetName) throws IOException {
        Part part = sheets.get(sheetName);
        if (part == null) {
            throw new NoSuchElementException(sheetName);
        }
        InputStream in = part.open();
        open.add(in);
        try {
            XMLStreamReader parser = XML.createXMLStreamReader(in);
            open.add(() -> {
                try {
                    parser.close();
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
            });
            return new RowIterator(parser);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (Closeable closeable : open) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                // closing a read-only stream: nothing to lose
            }
        }
        open.clear();
        parts.close();
    }

    /** The style of a cell's {@code s} index: none beyond the styles there are, as POI's {@code StylesTable} says. */
    private CellStyle style(int index) {
        return styles == null || index < 0 || index >= styles.size() ? null : styles.get(index);
    }

    /**
     * The number format of every cell style ({@code <cellXfs>}), read from the styles part the streaming reader
     * takes (the first of its content type) as POI's {@code StylesTable} reads it: an {@code xf}'s
     * {@code numFmtId} (0 when absent), its code from {@code <numFmts>} (a later one of an id wins) or built in.
     */
    private static List<CellStyle> cellStyles(Part part) throws IOException, XMLStreamException {
        if (part == null) {
            return null;
        }
        Map<Short, String> codes = new HashMap<>();
        List<Short> formats = new ArrayList<>();
        try (InputStream in = part.open()) {
            XMLStreamReader parser = XML.createXMLStreamReader(in);
            try {
                int depth = 0;
                String parent = null;
                while (parser.hasNext()) {
                    int event = parser.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                        if (depth == 1) {
                            parent = null;
                        }
                        continue;
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    depth++;
                    if (depth == 1 && !XSSFRelation.NS_SPREADSHEETML.equals(parser.getNamespaceURI())) {
                        throw new UnsupportedOperationException("styles in namespace " + parser.getNamespaceURI());
                    }
                    if (depth == 2) {
                        parent = parser.getLocalName();
                    } else if (depth == 3 && "numFmts".equals(parent) && "numFmt".equals(parser.getLocalName())) {
                        codes.put(formatId(parser), parser.getAttributeValue(null, "formatCode"));
                    } else if (depth == 3 && "cellXfs".equals(parent) && "xf".equals(parser.getLocalName())) {
                        formats.add(formatId(parser));
                    }
                }
            } finally {
                parser.close();
            }
        }
        List<CellStyle> styles = new ArrayList<>(formats.size());
        for (int i = 0; i < formats.size(); i++) {
            short format = formats.get(i);
            String code = codes.get(format);
            styles.add(new FormatStyle(i, format, code != null ? code : BuiltinFormats.getBuiltinFormat(format)));
        }
        return styles;
    }

    /**
     * The streaming reader parses the theme with the styles (and fails on a damaged one); it holds no number
     * format, so it is only parsed through here, to fail alike.
     */
    private static void checkTheme(Parts parts) throws IOException, XMLStreamException {
        Part theme = parts.first(XSSFRelation.THEME.getContentType());
        if (theme == null || parts.first(XSSFRelation.STYLES.getContentType()) == null) {
            return;
        }
        try (InputStream in = theme.open()) {
            XMLStreamReader parser = XML.createXMLStreamReader(in);
            try {
                while (parser.hasNext()) {
                    parser.next();
                }
            } finally {
                parser.close();
            }
        }
    }

    /** A {@code numFmtId} as POI keeps it: a short, 0 when absent. */
    private static short formatId(XMLStreamReader parser) {
        String id = parser.getAttributeValue(null, "numFmtId");
        return id == null ? 0 : (short) Long.parseLong(id);
    }

    /**
     * The shared strings as POI's read-only table holds them (phonetic runs left out), decoded as it hands them
     * out: the text of the {@code <t>} elements of each {@code <si>}, elements of other namespaces ignored.
     */
    private static List<String> sharedStrings(Part part, long maxCost) throws IOException, XMLStreamException {
        if (part == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        long cost = 0;
        StringBuilder text = new StringBuilder();
        boolean inT = false;
        boolean inPhonetic = false;
        try (InputStream in = part.open()) {
            XMLStreamReader parser = XML.createXMLStreamReader(in);
            try {
                while (parser.hasNext()) {
                    int event = parser.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE) {
                        if (inT && !inPhonetic) {
                            text.append(parser.getTextCharacters(), parser.getTextStart(), parser.getTextLength());
                            if (cost + text.length() > maxCost) {
                                throw new TooMuchText(maxCost); // within one long text as well
                            }
                        }
                    } else if ((event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
                            && XSSFRelation.NS_SPREADSHEETML.equals(parser.getNamespaceURI())) {
                        boolean start = event == XMLStreamConstants.START_ELEMENT;
                        switch (parser.getLocalName()) {
                            case "si" -> {
                                if (start) {
                                    text.setLength(0);
                                } else {
                                    cost += text.length() + SHARED_STRING_COST;
                                    if (cost > maxCost) {
                                        throw new TooMuchText(maxCost);
                                    }
                                    strings.add(decoded(text.toString()));
                                }
                            }
                            case "t" -> inT = start;
                            case "rPh" -> inPhonetic = start;
                            default -> { }
                        }
                    }
                }
            } finally {
                parser.close();
            }
        }
        return strings;
    }

    /** Excel's {@code _xHHHH_} escapes, decoded by POI as when it hands out a shared string. */
    private static String decoded(String raw) {
        return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
    }

    /**
     * Whether dates count from 1904; throws unless every {@code <sheet>} of the workbook is a sheet read here
     * under its own name (the streaming reader numbers the sheets by those elements).
     */
    private boolean date1904AndSheetCount(InputStream workbook) throws XMLStreamException {
        XMLStreamReader parser = XML.createXMLStreamReader(workbook);
        try {
            boolean date1904 = false;
            int sheetElements = 0;
            while (parser.hasNext()) {
                if (parser.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("workbookPr".equals(parser.getLocalName())) {
                    String value = parser.getAttributeValue(null, "date1904");
                    date1904 = value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
                } else if ("sheet".equals(parser.getLocalName()) && parser.getNamespaceURI() != null
                        && parser.getNamespaceURI().endsWith(SPREADSHEET_NS_SUFFIX)) {
                    sheetElements++;
                }
            }
            if (sheetElements != sheets.size()) {
                throw new UnsupportedOperationException(sheetElements + " sheets listed, " + sheets.size() + " read");
            }
            return date1904;
        } finally {
            parser.close();
        }
    }

    /**
     * The rows of one sheet, parsed as excel-streaming-reader parses them: a row or cell without its
     * {@code r} attribute follows the one before, text is what the {@code <v>}/{@code <t>} elements hold.
     */
    private final class RowIterator implements SheetRows {
        private final XMLStreamReader parser;
        private final StringBuilder content = new StringBuilder(64);
        private final StringBuilder formula = new StringBuilder(64);
        /** Rows parsed and not yet handed out (at most {@link #ROWS_AHEAD}). */
        private final Deque<XlsxRow> ready = new ArrayDeque<>();
        /** A set, as the streaming reader keeps them: a region written twice counts once. */
        private final Set<CellRangeAddress> merged = new LinkedHashSet<>();
        private XlsxRow row;
        private XlsxCell cell;
        private String cellType;
        /** The attributes of the cell being read ({@link #cellAttributes}). */
        private String cellR;
        private String cellS;
        private String cellT;
        private int rowNum;
        private int firstColumn;
        private int column;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInlineString;
        private boolean finished;
        /** The namespace of the last spreadsheet element, as the parser gave it (compared by identity first). */
        private String spreadsheetNs;

        RowIterator(XMLStreamReader parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && !finished) {
                readRows();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        @Override
        public List<CellRangeAddress> mergedRegions() {
            return List.copyOf(merged);
        }

        /** Parses up to {@link #ROWS_AHEAD} rows, as the streaming reader fills its row cache. */
        private void readRows() {
            try {
                while (ready.size() < ROWS_AHEAD && parser.hasNext()) {
                    int event = parser.next();
                    // CDATA is text too: a writer may wrap a value in it.
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        if (inValue) {
                            content.append(parser.getTextCharacters(), parser.getTextStart(), parser.getTextLength());
                        }
                        if (inFormula) {
                            formula.append(parser.getTextCharacters(), parser.getTextStart(), parser.getTextLength());
                        }
                    } else if (event == XMLStreamConstants.START_ELEMENT && spreadsheetTag()) {
                        start(parser.getLocalName());
                    } else if (event == XMLStreamConstants.END_ELEMENT && spreadsheetTag()) {
                        XlsxRow done = end(parser.getLocalName());
                        if (done != null) {
                            ready.add(done);
                        }
                    }
                }
                finished = !parser.hasNext();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("unreadable sheet XML", e);
            }
        }

        private boolean spreadsheetTag() {
            String ns = parser.getNamespaceURI();
            if (ns == spreadsheetNs && ns != null) {
                return true; // the instance the parser gave last time: a sheet declares its namespace once
            }
            if (ns != null && ns.endsWith(SPREADSHEET_NS_SUFFIX)) {
                spreadsheetNs = ns;
                return true;
            }
            return false;
        }

        private void start(String tag) {
            switch (tag) {
                case "row" -> {
                    String r = parser.getAttributeValue(null, "r");
                    if (r != null) {
                        rowNum = Integer.parseInt(r) - 1;
                    }
                    String hidden = parser.getAttributeValue(null, "hidden");
                    row = new XlsxRow(rowNum, hidden != null && (hidden.equals("1") || hidden.equalsIgnoreCase("true")));
                    column = firstColumn;
                }
                case "c" -> {
                    if (row == null) {
                        throw new IllegalStateException("a cell outside a row");
                    }
                    cellAttributes();
                    if (cellR != null) {
                        column = column(cellR);
                    }
                    CellStyle style = style(cellS == null ? 0 : Integer.parseInt(cellS));
                    cellType = cellT == null ? "n" : cellT;
                    switch (cellType) {
                        case "n", "s", "inlineStr", "str", "b", "e" -> { }
                        default -> throw new UnsupportedOperationException("cell type " + cellType);
                    }
                    cell = new XlsxCell(row, column, cellType, style, date1904, formatters);
                }
                case "v", "t" -> inValue = true;
                case "is" -> inInlineString = true;
                case "f" -> {
                    inFormula = true;
                    if (cell != null) {
                        cell.formula("");
                    }
                }
                case "mergeCell" -> {
                    String ref = parser.getAttributeValue(null, "ref");
                    if (ref != null) {
                        merged.add(CellRangeAddress.valueOf(ref));
                    }
                }
                case "col" -> checkColumns();
                case "dimension" -> {
                    String ref = parser.getAttributeValue(null, "ref");
                    if (ref != null) {
                        for (int i = 0; i < ref.length(); i++) {
                            if (!Character.isAlphabetic(ref.charAt(i))) {
                                firstColumn = checked(CellReference.convertColStringToIndex(ref.substring(0, i)));
                                break;
                            }
                        }
                    }
                }
                default -> { }
            }
            if (!inInlineString) {
                content.setLength(0);
            }
            formula.setLength(0);
        }

        /**
         * The {@code r}, {@code s} and {@code t} attributes of a {@code <c>}, as {@code getAttributeValue(null, name)}
         * gives them, read in one pass over the attributes (a cell has no others, as a rule); an attribute in a
         * namespace makes it ask the parser by name instead, whatever the parser makes of it.
         */
        private void cellAttributes() {
            cellR = null;
            cellS = null;
            cellT = null;
            int count = parser.getAttributeCount();
            for (int i = 0; i < count; i++) {
                String ns = parser.getAttributeNamespace(i);
                if (ns != null && !ns.isEmpty()) {
                    cellR = parser.getAttributeValue(null, "r");
                    cellS = parser.getAttributeValue(null, "s");
                    cellT = parser.getAttributeValue(null, "t");
                    return;
                }
            }
            for (int i = 0; i < count; i++) {
                String name = parser.getAttributeLocalName(i);
                if (name.length() != 1) {
                    continue;
                }
                switch (name.charAt(0)) {
                    case 'r' -> cellR = cellR == null ? parser.getAttributeValue(i) : cellR;
                    case 's' -> cellS = cellS == null ? parser.getAttributeValue(i) : cellS;
                    case 't' -> cellT = cellT == null ? parser.getAttributeValue(i) : cellT;
                    default -> { }
                }
            }
        }

        private XlsxRow end(String tag) {
            switch (tag) {
                case "v", "t" -> {
                    inValue = false;
                    if (cell == null) {
                        throw new IllegalStateException("a value outside a cell");
                    }
                    cell.value(value());
                }
                case "row" -> {
                    XlsxRow done = row;
                    rowNum++;
                    return done;
                }
                case "c" -> {
                    row.put(cell);
                    cell = null;
                    column++;
                }
                case "is" -> inInlineString = false;
                case "f" -> {
                    inFormula = false;
                    if (cell != null) {
                        cell.formula(formula.toString());
                    }
                }
                default -> { }
            }
            return null;
        }

        /**
         * A {@code <col>} hidden or with a width must say which columns (the streaming reader reads
         * {@code min} and {@code max} then, and fails without them).
         */
        private void checkColumns() {
            String hidden = parser.getAttributeValue(null, "hidden");
            String width = parser.getAttributeValue(null, "width");
            boolean sized;
            try {
                sized = width != null && Float.parseFloat(width) >= 0;
            } catch (NumberFormatException e) {
                sized = false;
            }
            if ((hidden != null && (hidden.equals("1") || hidden.equalsIgnoreCase("true"))) || sized) {
                Integer.parseInt(parser.getAttributeValue(null, "min"));
                Integer.parseInt(parser.getAttributeValue(null, "max"));
            }
        }

        /** The column of a cell reference such as {@code AB12}; anything less plain is read by POI's {@link CellAddress}. */
        private static int column(String reference) {
            int letters = 0;
            while (letters < reference.length() && reference.charAt(letters) >= 'A' && reference.charAt(letters) <= 'Z') {
                letters++;
            }
            int digits = reference.length() - letters;
            boolean plain = letters > 0 && letters <= 3 && digits > 0 && digits <= 7;
            for (int i = letters; plain && i < reference.length(); i++) {
                plain = reference.charAt(i) >= '0' && reference.charAt(i) <= '9';
            }
            if (!plain) {
                return checked(new CellAddress(reference).getColumn());
            }
            // CellReference.convertColStringToIndex of the letters, without cutting them out.
            int column = 0;
            for (int i = 0; i < letters; i++) {
                column = column * 26 + reference.charAt(i) - 'A' + 1;
            }
            return checked(column - 1);
        }

        /**
         * A column beyond Excel's last (XFD) is a malformed file: refused here, so the plan is read by the
         * streaming reader instead of a row array being sized for it.
         */
        private static int checked(int column) {
            if (column < 0 || column > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
                throw new IllegalStateException("column out of range: " + column);
            }
            return column;
        }

        private String value() {
            if ("s".equals(cellType) && content.length() > 0) {
                return sharedStrings.get(Integer.parseInt(content, 0, content.length(), 10));
            }
            return content.toString();
        }
    }
}
