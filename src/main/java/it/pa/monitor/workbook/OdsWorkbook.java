package it.pa.monitor.workbook;

import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.SpreadSheet;
import it.pa.monitor.values.ItalianFormat;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamConstants;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an OpenDocument spreadsheet (.ods, as saved by LibreOffice) with SODS and hands it on as a
 * POI workbook holding the same sheets, cell addresses and typed values (numbers, percentages,
 * dates, booleans, the computed value of formulas, error codes), hidden rows and merged cells, so
 * every reader of the program (plan, monitoring sheets, overrides, error reports) treats it as it
 * treats an .xls. Fonts, colours and column widths are not carried over.
 */
public final class OdsWorkbook {

    /** The ODF media type that the {@code mimetype} entry of a spreadsheet holds. */
    public static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final javax.xml.stream.XMLInputFactory NAMES_XML = org.apache.poi.util.XMLHelper.newXMLInputFactory();
    /** A content.xml larger than this is refused unread: SODS keeps the whole document in memory. */
    static final long MAX_CONTENT_BYTES = 100L * 1024 * 1024;
    /** An entry may not expand more than 100 times its compressed size (as for .xlsx, see ZipLimits). */
    private static final double MIN_INFLATE_RATIO = 0.01;
    /** Below this size a high ratio is normal (a sheet of empty repeated rows compresses very well). */
    private static final long RATIO_CHECKED_FROM = 1024 * 1024;

    /** An error value as LibreOffice writes it: {@code #DIV/0!}, {@code #N/A}, {@code Err:502}. */
    private static final Pattern ERROR_TEXT = Pattern.compile("#[A-Z0-9/]+[!?]|#N/A|Err:\\d{3}");
    private static final Map<String, FormulaError> ERRORS = Map.of(
            "#NULL!", FormulaError.NULL, "#DIV/0!", FormulaError.DIV0, "#VALUE!", FormulaError.VALUE,
            "#REF!", FormulaError.REF, "#NAME?", FormulaError.NAME, "#NUM!", FormulaError.NUM,
            "#N/A", FormulaError.NA);

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL97.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL97.getMaxColumns();

    private OdsWorkbook() {
    }

    /** Why an .ods cannot be read, in words for the office that sent it. */
    public static final class UnreadableOds extends IOException {
        public UnreadableOds(String message) {
            super(message);
        }
    }

    /** True when the file is an OpenDocument package (of any kind): its {@code mimetype} entry says so. */
    public static boolean isOpenDocument(Path file) {
        return mediaType(file).startsWith("application/vnd.oasis.opendocument.");
    }

    /** True when the file is an OpenDocument spreadsheet. */
    public static boolean isSpreadsheet(Path file) {
        return mediaType(file).equals(MEDIA_TYPE);
    }

    private static String mediaType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("mimetype");
            if (entry == null || entry.getSize() > 200) {
                return "";
            }
            try (var in = zip.getInputStream(entry)) {
                return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The sheet names, in order: the {@code table:name} of each {@code table:table} of the document's spreadsheet,
     * read with StAX from {@code content.xml} (telling a file's kind must not hold a whole document in memory).
     */
    public static List<String> sheetNames(Path file) throws IOException {
        checkPackage(file);
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("content.xml"))) {
            XMLStreamReader xml = NAMES_XML.createXMLStreamReader(in);
            try {
                List<String> names = new ArrayList<>();
                int depth = 0;
                int spreadsheet = -1;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (spreadsheet < 0 && OFFICE_NS.equals(xml.getNamespaceURI())
                                && "spreadsheet".equals(xml.getLocalName())) {
                            spreadsheet = depth;
                        } else if (depth == spreadsheet + 1 && spreadsheet > 0 && TABLE_NS.equals(xml.getNamespaceURI())
                                && "table".equals(xml.getLocalName())) {
                            String name = xml.getAttributeValue(TABLE_NS, "name");
                            names.add(name == null ? "" : name);
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == spreadsheet) {
                            return names; // nothing after the spreadsheet names a sheet
                        }
                        depth--;
                    }
                }
                return names;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableOds("il file OpenDocument è danneggiato o non è un foglio di calcolo ("
                    + e.getClass().getSimpleName() + "): aprirlo in LibreOffice, salvarlo di nuovo e inviarlo");
        }
    }

    /**
     * The spreadsheet as an in-memory POI workbook (an .xls one: light, and its 65,536 rows are far
     * beyond any sheet the program accepts).
     *
     * @throws UnreadableOds when the file is not a readable .ods, with the reason
     */
    public static Workbook open(Path file) throws IOException {
        SpreadSheet ods = load(file);
        HSSFWorkbook workbook = new HSSFWorkbook();
        try {
            Styles styles = new Styles(workbook);
            List<Cell> unevaluated = new ArrayList<>();
            for (com.github.miachm.sods.Sheet source : ods.getSheets()) {
                copy(source, workbook, styles, unevaluated);
            }
            evaluate(workbook, unevaluated);
            return workbook;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static SpreadSheet load(Path file) throws IOException {
        checkPackage(file);
        try {
            return new SpreadSheet(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableOds("il file OpenDocument è danneggiato o non è un foglio di calcolo ("
                    + e.getClass().getSimpleName() + "): aprirlo in LibreOffice, salvarlo di nuovo e inviarlo");
        }
    }

    /** Zip-bomb and size guard on the declared entry sizes, before SODS inflates anything. */
    private static void checkPackage(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("encryption-data") != null || manifestEncrypted(zip)) {
                throw new UnreadableOds("il file è protetto da password: salvarlo senza password e inviarlo di nuovo");
            }
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw new UnreadableOds("il file OpenDocument non contiene fogli (manca content.xml): salvarlo di"
                        + " nuovo da LibreOffice come foglio di calcolo .ods e inviarlo");
            }
            long size = content.getSize();
            long compressed = content.getCompressedSize();
            if (size > MAX_CONTENT_BYTES || size < 0
                    || size > RATIO_CHECKED_FROM && compressed >= 0 && (double) compressed / size < MIN_INFLATE_RATIO) {
                throw new UnreadableOds("il file non è stato letto: è troppo grande o è un file compresso anomalo"
                        + " (possibile zip bomb); lasciare solo i fogli e le righe necessari e inviarlo di nuovo");
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnreadableOds("il file è danneggiato (non è un archivio OpenDocument leggibile): aprirlo in"
                    + " LibreOffice, salvarlo di nuovo e inviarlo");
        }
    }

    /** LibreOffice marks the encrypted parts of a password-protected file in the manifest. */
    private static boolean manifestEncrypted(ZipFile zip) throws IOException {
        ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
        if (manifest == null || manifest.getSize() > 1024 * 1024) {
            return false;
        }
        try (var in = zip.getInputStream(manifest)) {
            return new String(in.readNBytes(1024 * 1024), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("encryption-data");
        }
    }

    /**
     * Copies the sheet bottom-up, dropping each row once read. SODS finds a cell by walking the rows
     * from the top, except in the last row: read top-down a 20,000-row sheet costs minutes, read
     * bottom-up about as long as parsing it. The SODS sheet is this reader's own and is emptied.
     */
    private static void copy(com.github.miachm.sods.Sheet source, Workbook workbook, Styles styles,
                             List<Cell> unevaluated) throws UnreadableOds {
        Sheet target = workbook.createSheet(source.getName());
        int rows = source.getMaxRows();
        int columns = Math.min(source.getMaxColumns(), MAX_COLUMNS);
        if (rows > MAX_ROWS) {
            throw new UnreadableOds("il foglio «" + source.getName() + "» ha più di "
                    + ItalianFormat.count(MAX_ROWS) + " righe: lasciare solo le righe necessarie"
                    + " e inviarlo di nuovo");
        }
        for (int r = rows - 1; r >= 0; r--) {
            Row row = null;
            for (int c = 0; c < columns; c++) {
                Range range = source.getRange(r, c);
                if (range.isPartOfMerge() && !mergeStartsAt(range, target, r, c)) {
                    continue;
                }
                Object value = range.getValue();
                String formula = range.getFormula();
                if (value == null && formula == null) {
                    continue;
                }
                if (row == null) {
                    row = target.createRow(r);
                    row.setZeroHeight(source.rowIsHidden(r));
                }
                Cell cell = row.createCell(c);
                if (value == null) {
                    // A formula without a computed value (a file written by a script): evaluated below.
                    try {
                        cell.setCellFormula(excelFormula(formula));
                        unevaluated.add(cell);
                    } catch (RuntimeException e) {
                        cell.setCellErrorValue(FormulaError.VALUE.getCode());
                    }
                } else {
                    set(cell, value, formula != null, styles);
                }
            }
            if (r > 0) {
                source.deleteRow(r);
            }
        }
    }

    /**
     * True when the cell is the top-left one of its merged range, which is then recorded; the cells
     * it covers repeat its value in SODS and are left empty, as in Excel.
     */
    private static boolean mergeStartsAt(Range cell, Sheet target, int row, int column) {
        Range[] merged = cell.getMergedCells();
        if (merged.length == 0) {
            return true;
        }
        Range region = merged[0];
        if (region.getRow() != row || region.getColumn() != column) {
            return false;
        }
        int lastRow = Math.min(region.getRow() + region.getNumRows(), MAX_ROWS) - 1;
        int lastColumn = Math.min(region.getColumn() + region.getNumColumns(), MAX_COLUMNS) - 1;
        if (lastRow > row || lastColumn > column) {
            target.addMergedRegionUnsafe(new CellRangeAddress(row, lastRow, column, lastColumn));
        }
        return true;
    }

    private static void set(Cell cell, Object value, boolean formula, Styles styles) {
        if (value instanceof String text) {
            FormulaError error = formula ? error(text) : null;
            if (error != null) {
                cell.setCellErrorValue(error.getCode());
            } else {
                cell.setCellValue(text);
            }
        } else if (value instanceof Double number) {
            cell.setCellValue(number);
        } else if (value instanceof OfficePercentage percentage) {
            cell.setCellValue(percentage.getValue());
            cell.setCellStyle(styles.percent);
        } else if (value instanceof OfficeCurrency currency) {
            cell.setCellValue(currency.getValue());
            cell.setCellStyle(styles.currency);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof LocalDateTime dateTime) {
            cell.setCellValue(dateTime);
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Duration time) {
            cell.setCellValue(time.toMillis() / 86_400_000d);
            cell.setCellStyle(styles.time);
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /**
     * The error a formula's result stands for. LibreOffice's own codes ({@code Err:502}) have no
     * Excel equivalent and become {@code #VALUE!}: what matters is that the cell is an error.
     */
    private static FormulaError error(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith("ERR:")) {
            return FormulaError.VALUE;
        }
        return ERROR_TEXT.matcher(code).matches() ? ERRORS.getOrDefault(code, FormulaError.VALUE) : null;
    }

    /** SODS gives formulas as {@code =B1*100}; POI wants no "=" and "," between arguments. */
    private static String excelFormula(String formula) {
        String body = formula.startsWith("=") ? formula.substring(1) : formula;
        StringBuilder excel = new StringBuilder(body.length());
        boolean inString = false;
        for (char ch : body.toCharArray()) {
            if (ch == '"') {
                inString = !inString;
            }
            excel.append(!inString && ch == ';' ? ',' : ch);
        }
        return excel.toString();
    }

    /**
     * Evaluates formulas saved without their value. One that cannot be evaluated becomes an error
     * cell, so it is reported for that cell and never read as 0 or as blank.
     */
    private static void evaluate(Workbook workbook, List<Cell> cells) {
        if (cells.isEmpty()) {
            return;
        }
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (Cell cell : cells) {
            try {
                CellType result = evaluator.evaluateFormulaCell(cell);
                if (result == CellType._NONE || result == CellType.BLANK) {
                    cell.setCellErrorValue(FormulaError.VALUE.getCode());
                }
            } catch (RuntimeException e) {
                cell.setCellErrorValue(FormulaError.VALUE.getCode());
            }
        }
    }

    /** The few cell styles that carry the .ods value types POI tells apart by format. */
    private static final class Styles {
        final CellStyle percent;
        final CellStyle currency;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle time;

        Styles(Workbook workbook) {
            percent = style(workbook, "0.00%");
            currency = style(workbook, "#,##0.00");
            date = style(workbook, "dd/mm/yyyy");
            dateTime = style(workbook, "dd/mm/yyyy hh:mm");
            time = style(workbook, "[hh]:mm:ss");
        }

        private static CellStyle style(Workbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
