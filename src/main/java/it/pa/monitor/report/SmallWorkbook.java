package it.pa.monitor.report;

import it.pa.monitor.report.layout.PlainTexts;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.workbook.ColumnLetters;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.impl.util.XsTypeConverter;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCol;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCols;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRow;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * An in-memory workbook for the small per-unit and per-dirigente workbooks: one zip written at the
 * end, no temporary files and no second zip as a streamed workbook needs; the run fills it through
 * {@link Filled}, whose cells are plain values rather than XML beans. Its shared-strings table
 * recognises a repeated plain text by the text itself: POI's serialises every string it is given to
 * XML only to look it up, which was the dearest part of writing a text cell; {@link PlainTexts} lets
 * the report's cells skip the rich-text bean POI wraps every text in, written and read back.
 */
final class SmallWorkbook {

    private static final XSSFFactory FACTORY = new Factory();

    private SmallWorkbook() {
    }

    /** A new, empty workbook. */
    static Book create() {
        return new Book();
    }

    /** A new, empty workbook whose rows and cells are plain values ({@link Filled}). */
    static Filled filled() {
        return new Filled();
    }

    /**
     * The small workbook as the report fills it: POI's SXSSF sheets, rows and cells (a cell is its value and its
     * style, not an XML bean as an XSSF cell is), every row kept in memory (no window, no temporary file), over a
     * {@link Book} that holds the rest (styles, merges, comments, print setup) and writes the package. Each sheet's
     * rows are written by its {@link WrittenSheet} as XMLBeans writes the same rows made by XSSF's cells
     * ({@link Cells} fills both the same way: a text is filed in the shared strings when its cell is
     * made, as XSSF files it); a sheet holding what this does not write (a formula, a boolean, an error, a text
     * not filed by {@link Cells}, an outlined row) has its rows copied into POI's
     * cells and is written by POI. What SXSSF's cells cannot tell apart is written as the report's cells hold it:
     * a rich text whose plain text is filed is written as that text (as SXSSF writes it); the report puts no rich
     * text in a cell. A cell without a style is written with style 0, as POI's save writes it (SXSSF's cell answers
     * the column's style, style 0 when the column has none).
     */
    static final class Filled extends SXSSFWorkbook implements PlainTexts {

        /** What the workbook is back to after {@link #clear()}: its styles' and names' counts, each sheet's elements. */
        private record Layout(List<Integer> counts, List<List<String>> sheets) {
        }

        /** Null until {@link #laidOut()}. */
        private Layout layout;

        private Filled() {
            super(new Book(), -1); // -1: no row is ever flushed
        }

        /** SXSSF's writer of flushed rows, never used (no row is flushed): no temporary file. */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter(Writer.nullWriter());
        }

        /** The workbook underneath, which writes the package. */
        Book book() {
            return (Book) getXSSFWorkbook();
        }

        @Override
        public int index(String text) {
            return texts().index(text);
        }

        @Override
        public String text(int index) {
            return texts().text(index);
        }

        private PlainStrings texts() {
            return (PlainStrings) getXSSFWorkbook().getSharedStringSource();
        }

        /**
         * Notes the workbook as laid out: what {@link #clear()} brings it back to (its sheets' elements, its styles'
         * counts). Called once its sheets, print setup and styles are made and before any content.
         */
        void laidOut() {
            Book book = book();
            layout = new Layout(book.counts(), new ArrayList<>());
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                layout.sheets().add(((WrittenSheet) book.getSheetAt(i)).elements());
            }
        }

        /** Whether a sheet has the parts of comments kept as plain notes (made at its first comment). */
        boolean hasNotes() {
            return anySheet(WrittenSheet::keepsNotes);
        }

        /** Whether a sheet kept the comment parts of an earlier content but has no comment of this one. */
        boolean staleNotes() {
            return anySheet(WrittenSheet::notesLeftOver);
        }

        private boolean anySheet(java.util.function.Predicate<WrittenSheet> test) {
            Book book = book();
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                if (test.test((WrittenSheet) book.getSheetAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Takes the content away (rows, texts, merges, traffic lights, page breaks, comments), leaving the workbook
         * as {@link #laidOut()} noted it but for the comment parts its sheets may keep: false when it then differs
         * from that in anything else (a style or a sheet element made by the content, POI's own rows or comments), and
         * it must not be filled again.
         */
        boolean clear() {
            Book book = book();
            if (layout == null || book.getNumberOfSheets() != layout.sheets().size()) {
                return false;
            }
            texts().clear();
            boolean same = book.counts().equals(layout.counts());
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                WrittenSheet sheet = (WrittenSheet) book.getSheetAt(i);
                same &= sheet.clear(getSheetAt(i)) && sheet.elements().equals(layout.sheets().get(i));
            }
            return same;
        }

        /** As {@link Book#writeTo}, each sheet's rows taken from its SXSSF sheet. */
        void writeTo(ZipArchiveOutputStream zip) throws IOException {
            Book book = book();
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                SXSSFSheet sheet = getSheetAt(i);
                if (sheet.getLastFlushedRowNum() >= 0) {
                    throw new IllegalStateException("righe del foglio " + sheet.getSheetName() + " già scaricate");
                }
                ((WrittenSheet) book.getSheetAt(i)).rowsOf(sheet);
            }
            book.writeTo(zip);
        }
    }

    /** POI's workbook, its package written by {@link SmallPackage} when it can be. */
    static final class Book extends XSSFWorkbook {

        private Book() {
            super(FACTORY);
        }

        /** How many number formats, fonts, fills, borders, cell formats and dxfs its styles hold, and defined names. */
        List<Integer> counts() {
            var styles = getStylesSource();
            return List.of(styles.getNumberFormats().size(), styles.getFonts().size(), styles.getFills().size(),
                    styles.getBorders().size(), styles._getStyleXfsSize(), styles.getNumCellStyles(),
                    styles._getDXfsSize(), getNumberOfNames());
        }

        /**
         * What {@link #write(OutputStream)} writes into {@code zip}: the parts committed by POI as its write commits
         * them, then the package as POI saves it (by {@link SmallPackage}, or POI's save for anything unusual).
         */
        void writeTo(ZipArchiveOutputStream zip) throws IOException {
            onSave(new HashSet<>());
            getProperties().commit();
            try {
                SmallPackage small = SmallPackage.writable(getPackage());
                if (small == null) {
                    getPackage().save(zip);
                } else {
                    small.write(zip);
                }
            } catch (InvalidFormatException e) {
                throw new IOException(e);
            }
        }
    }

    /** POI's own parts, except the shared strings, the sheets and the styles, written here. */
    private static final class Factory extends XSSFFactory {

        @Override
        public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
            if (descriptor == XSSFRelation.SHARED_STRINGS) {
                return new PlainStrings();
            }
            if (descriptor == XSSFRelation.STYLES) {
                return new WrittenStyles();
            }
            return descriptor == XSSFRelation.WORKSHEET ? new WrittenSheet() : super.newDocumentPart(descriptor);
        }
    }

    /**
     * POI's sheet, saved as POI saves it, but its rows written here: XMLBeans' save of every cell was the
     * dearest part of writing a small workbook. The rest of the sheet (views, columns, merges, conditional
     * formats, print setup, drawings) is a copy saved by XMLBeans as POI saves the sheet, its empty
     * {@code sheetData} then filled with the rows as XMLBeans writes them: {@code r}, {@code ht} and
     * {@code customHeight} on a row; {@code r}, {@code t}, {@code s} (in the order the report's cells are given
     * them: value, then style) and a {@code v} on a cell. A sheet holding anything else (another attribute or
     * element, hyperlinks, a cell without a style, an overridden dimension) is saved by POI. Filled through
     * {@link Filled}, its rows are written from SXSSF's cells the same way ({@link #rowsOf}).
     */
    static final class WrittenSheet extends WrittenNotes.NotedSheet {

        private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        private static final byte[] EMPTY_ROWS = "<sheetData/>".getBytes(StandardCharsets.UTF_8);

        private boolean dimensionOverridden;
        /** The rows as {@link Filled} keeps them, until written or copied into POI's cells; null for POI's rows. */
        private SXSSFSheet filled;
        /** The filled rows as written here; null when they are not (copied into POI's cells, or none). */
        private RowsXml filledRows;

        /** Rows' XML as written here, their first and last cell columns and their first and last row numbers. */
        private record RowsXml(StringBuilder xml, int[] cells, int[] rowNums) {
            RowsXml(int firstRow, int lastRow) {
                this(new StringBuilder(4096), new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE},
                        new int[] {firstRow, lastRow});
            }
        }

        @Override
        public void setDimensionOverride(CellRangeAddress dimension) {
            dimensionOverridden = true;
            super.setDimensionOverride(dimension);
        }

        /**
         * The sheet's rows as {@link Filled} keeps them: written from there, or copied into POI's cells
         * ({@link #copyFilled}) when they or the sheet hold what is not written here.
         */
        void rowsOf(SXSSFSheet sheet) {
            filled = sheet;
            // Before any part is saved: a text the copy files in the shared strings must be there when they are.
            RowsXml rows = new RowsXml(-1, -1);
            if (filledRows(rows.xml(), rows.cells(), rows.rowNums())) {
                filledRows = rows;
            } else {
                copyFilled();
            }
        }

        @Override
        protected void write(OutputStream out) throws IOException {
            RowsXml written = filledRows;
            if (written == null) {
                written = new RowsXml(getFirstRowNum(), getLastRowNum());
                written = rows(written.xml(), written.cells()) ? written : null;
            }
            if (dimensionOverridden || !getHyperlinkList().isEmpty() || worksheet.isSetHyperlinks()
                    || worksheet.sizeOfColsArray() != 1 || !widthsSet(worksheet.getColsArray(0)) || written == null) {
                poiWrite(out);
                return;
            }
            // What POI's write does to the sheet before saving it, for a sheet such as this one.
            int[] cells = written.cells();
            if (cells[0] != Integer.MAX_VALUE) {
                String ref = new CellRangeAddress(written.rowNums()[0], written.rowNums()[1], cells[0], cells[1])
                        .formatAsString();
                if (worksheet.isSetDimension()) {
                    worksheet.getDimension().setRef(ref);
                } else {
                    worksheet.addNewDimension().setRef(ref);
                }
            }
            CTWorksheet copy = CTWorksheet.Factory.newInstance();
            try (XmlCursor from = worksheet.newCursor(); XmlCursor to = copy.newCursor()) {
                if (from.toFirstAttribute()) {
                    poiWrite(out); // the sheet element's own attributes: not copied here
                    return;
                }
                boolean child = from.toFirstChild();
                while (child) {
                    to.toEndDoc();
                    if (NS.equals(from.getName().getNamespaceURI()) && "sheetData".equals(from.getName().getLocalPart())) {
                        to.insertElement("sheetData", NS);
                    } else {
                        from.copyXml(to);
                    }
                    child = from.toNextSibling();
                }
            }
            XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
            options.setSaveSyntheticDocumentElement(new QName(CTWorksheet.type.getName().getNamespaceURI(), "worksheet"));
            ByteArrayOutputStream saved = new ByteArrayOutputStream(4096);
            copy.save(saved, options);
            byte[] sheet = saved.toByteArray();
            int at = indexOf(sheet, EMPTY_ROWS);
            if (at < 0 || written.xml().length() == 0) {
                poiWrite(out);
                return;
            }
            out.write(sheet, 0, at);
            Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
            xml.write("<sheetData>");
            xml.append(written.xml());
            xml.write("</sheetData>");
            xml.flush();
            out.write(sheet, at + EMPTY_ROWS.length, sheet.length - at - EMPTY_ROWS.length);
        }

        /** The names of the worksheet's elements, in order, but for the comments' ({@code drawing}, {@code legacyDrawing}). */
        List<String> elements() {
            List<String> names = new ArrayList<>();
            try (XmlCursor cursor = worksheet.newCursor()) {
                for (boolean child = cursor.toFirstChild(); child; child = cursor.toNextSibling()) {
                    String name = cursor.getName().getLocalPart();
                    if (!name.equals("drawing") && !name.equals("legacyDrawing")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }

        /**
         * Takes away the rows of {@code rows} (this sheet's as {@link Filled} keeps them) and what the report's content
         * adds to a sheet (merges, traffic lights, page breaks, comments, the dimension POI's write sets): false when
         * the sheet holds what this does not take away (POI's rows, hyperlinks, an overridden dimension).
         */
        boolean clear(SXSSFSheet rows) {
            filled = null;
            filledRows = null;
            for (java.util.Iterator<Row> row = rows.iterator(); row.hasNext(); ) {
                row.next();
                row.remove();
            }
            clearNotes();
            if (getPhysicalNumberOfRows() > 0 || dimensionOverridden || !getHyperlinkList().isEmpty()) {
                return false;
            }
            if (worksheet.isSetMergeCells()) {
                worksheet.unsetMergeCells();
            }
            for (int i = worksheet.sizeOfConditionalFormattingArray() - 1; i >= 0; i--) {
                worksheet.removeConditionalFormatting(i);
            }
            if (worksheet.isSetRowBreaks()) {
                worksheet.unsetRowBreaks();
            }
            if (worksheet.isSetDimension()) {
                worksheet.getDimension().setRef("A1"); // as POI makes a new sheet
            }
            return true;
        }

        /** POI's save of the sheet, its rows in POI's cells. */
        private void poiWrite(OutputStream out) throws IOException {
            copyFilled();
            super.write(out);
        }

        /**
         * The {@link Filled} rows' XML into {@code xml} as {@link #rows} writes the same rows made by XSSF's cells
         * (what XMLBeans writes for them), the first and last cell columns into {@code cells} and the first and
         * last row numbers into {@code rowNums}; false when a row or cell holds what this does not write.
         */
        private boolean filledRows(StringBuilder xml, int[] cells, int[] rowNums) {
            if (getPhysicalNumberOfRows() > 0) {
                return false; // rows of POI's as well
            }
            for (CTCols cols : worksheet.getColsArray()) {
                for (CTCol col : cols.getColArray()) {
                    if (col.isSetStyle()) {
                        return false; // SXSSF gives a column's style to a cell when it is asked, XSSF when it saves
                    }
                }
            }
            PlainStrings texts = (PlainStrings) getWorkbook().getSharedStringSource();
            rowNums[0] = -1;
            rowNums[1] = -1;
            for (Row r : filled) {
                SXSSFRow row = (SXSSFRow) r;
                if (row.isFormatted() || row.getZeroHeight() || row.getOutlineLevel() != 0 || row.getHidden() != null
                        || row.getCollapsed() != null) {
                    return false;
                }
                int number = row.getRowNum() + 1;
                rowNums[0] = rowNums[0] < 0 ? row.getRowNum() : rowNums[0];
                rowNums[1] = row.getRowNum();
                xml.append("<row r=\"").append(number).append('"');
                if (row.hasCustomHeight()) {
                    // XSSF's setHeight: ht in points, from the same twentieths of a point.
                    xml.append(" ht=\"").append(XsTypeConverter.printDouble((double) row.getHeight() / 20))
                            .append("\" customHeight=\"").append(XsTypeConverter.printBoolean(true)).append('"');
                }
                if (row.getPhysicalNumberOfCells() == 0) {
                    xml.append("/>");
                    continue;
                }
                xml.append('>');
                for (Cell cell : row) {
                    if (!filledCell(xml, cell, number, texts)) {
                        return false;
                    }
                }
                xml.append("</row>");
                cells[0] = Math.min(cells[0], row.getFirstCellNum());
                cells[1] = Math.max(cells[1], row.getLastCellNum() - 1);
            }
            return true;
        }

        /**
         * One cell as XMLBeans writes XSSF's cell made by {@link Cells} (its value, then its style): {@code r},
         * {@code t} ({@code s} for a shared string, {@code n} for a number), {@code s}, then {@code <v>}.
         */
        private boolean filledCell(StringBuilder xml, Cell cell, int rowNumber, PlainStrings texts) {
            CellStyle style = cell.getCellStyle();
            if (style == null) {
                return false;
            }
            int column = cell.getColumnIndex();
            xml.append("<c r=\"").append(ColumnLetters.of(column)).append(rowNumber).append('"');
            String value;
            switch (cell.getCellType()) {
                case STRING -> {
                    int index = texts.known(cell.getStringCellValue());
                    if (index < 0) {
                        return false; // not filed when its cell was made
                    }
                    xml.append(" t=\"s\"");
                    value = Integer.toString(index);
                }
                case NUMERIC -> {
                    xml.append(" t=\"n\"");
                    value = String.valueOf(cell.getNumericCellValue());
                }
                case BLANK -> value = null;
                default -> {
                    return false;
                }
            }
            xml.append(" s=\"").append(style.getIndex() & 0xFFFF).append('"');
            if (value == null) {
                xml.append("/>");
            } else {
                xml.append("><v>").append(value).append("</v></c>");
            }
            return true;
        }

        /**
         * The {@link Filled} rows put into POI's rows and cells, as XSSF's would hold them had {@link Cells} made
         * them there (a text filed when its cell was made is given its index, as {@link Cells} gives it).
         */
        private void copyFilled() {
            SXSSFSheet from = filled;
            if (from == null) {
                return;
            }
            filled = null;
            filledRows = null;
            PlainStrings texts = (PlainStrings) getWorkbook().getSharedStringSource();
            for (Row r : from) {
                SXSSFRow source = (SXSSFRow) r;
                XSSFRow row = createRow(source.getRowNum());
                if (source.hasCustomHeight()) {
                    row.setHeight(source.getHeight());
                }
                if (source.isFormatted()) {
                    row.setRowStyle(source.getRowStyle());
                }
                if (source.getZeroHeight()) {
                    row.setZeroHeight(true);
                }
                CTRow ct = row.getCTRow();
                if (source.getOutlineLevel() != 0) {
                    ct.setOutlineLevel((short) source.getOutlineLevel());
                }
                if (source.getHidden() != null) {
                    ct.setHidden(source.getHidden());
                }
                if (source.getCollapsed() != null) {
                    ct.setCollapsed(source.getCollapsed());
                }
                for (Cell cell : source) {
                    XSSFCell copy = row.createCell(cell.getColumnIndex());
                    switch (cell.getCellType()) {
                        case STRING -> {
                            int index = texts.known(cell.getStringCellValue());
                            if (index < 0) {
                                copy.setCellValue(cell.getRichStringCellValue());
                            } else {
                                copy.getCTCell().setT(STCellType.S);
                                copy.getCTCell().setV(Integer.toString(index));
                            }
                        }
                        case NUMERIC -> copy.setCellValue(cell.getNumericCellValue());
                        case BOOLEAN -> copy.setCellValue(cell.getBooleanCellValue());
                        case ERROR -> copy.setCellErrorValue(cell.getErrorCellValue());
                        case FORMULA -> copy.setCellFormula(cell.getCellFormula());
                        default -> {
                        }
                    }
                    CellStyle style = cell.getCellStyle();
                    if (style != null) {
                        copy.setCellStyle(style);
                    }
                }
            }
        }

        /** Every column has its width (POI would give the others the default one). */
        private static boolean widthsSet(CTCols cols) {
            if (cols.sizeOfColArray() == 0) {
                return false;
            }
            for (CTCol col : cols.getColArray()) {
                if (!col.isSetWidth()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The rows' XML into {@code xml}, the first and last cell columns into {@code cells}; false when a row or
         * cell holds what this does not write.
         */
        private boolean rows(StringBuilder xml, int[] cells) {
            for (Row r : this) {
                XSSFRow row = (XSSFRow) r;
                CTRow ct = row.getCTRow();
                if (ct.isSetSpans() || ct.isSetS() || ct.isSetCustomFormat() || ct.isSetHidden()
                        || ct.isSetOutlineLevel() || ct.isSetCollapsed() || ct.isSetThickTop() || ct.isSetThickBot()
                        || ct.isSetPh() || ct.isSetExtLst() || ct.isSetHt() != ct.isSetCustomHeight() || !ct.isSetR()) {
                    return false;
                }
                xml.append("<row r=\"").append(ct.getR()).append('"');
                if (ct.isSetHt()) {
                    xml.append(" ht=\"").append(XsTypeConverter.printDouble(ct.getHt())).append("\" customHeight=\"")
                            .append(XsTypeConverter.printBoolean(ct.getCustomHeight())).append('"');
                }
                CTCell[] cts = ct.getCArray();
                if (cts.length == 0) {
                    xml.append("/>");
                    continue;
                }
                xml.append('>');
                int i = 0;
                for (Cell c : row) {
                    // As POI's check before saving a row: its cells in column order, each with its style.
                    CTCell cell = ((XSSFCell) c).getCTCell();
                    if (i >= cts.length || cts[i++] != cell || !cell(xml, cell)) {
                        return false;
                    }
                }
                if (i != cts.length) {
                    return false;
                }
                xml.append("</row>");
                cells[0] = Math.min(cells[0], row.getFirstCellNum());
                cells[1] = Math.max(cells[1], row.getLastCellNum() - 1);
            }
            return true;
        }

        private static boolean cell(StringBuilder xml, CTCell cell) {
            if (!cell.isSetS() || !cell.isSetR() || cell.isSetF() || cell.isSetIs() || cell.isSetExtLst()
                    || cell.isSetCm() || cell.isSetVm() || cell.isSetPh()) {
                return false;
            }
            xml.append("<c r=\"").append(cell.getR()).append('"');
            if (cell.isSetT()) {
                xml.append(" t=\"").append(cell.getT().toString()).append('"');
            }
            xml.append(" s=\"").append(cell.getS()).append('"');
            if (!cell.isSetV()) {
                xml.append("/>");
                return true;
            }
            String value = cell.getV();
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch < 0x20 || ch == '<' || ch == '&' || ch == '>' || ch > 0x7E) {
                    return false; // the report's values are numbers and string indexes
                }
            }
            xml.append("><v>").append(value).append("</v></c>");
            return true;
        }

        private static int indexOf(byte[] bytes, byte[] part) {
            outer:
            for (int i = 0; i + part.length <= bytes.length; i++) {
                for (int j = 0; j < part.length; j++) {
                    if (bytes[i + j] != part[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /**
     * POI's table, written the same, kept as the texts themselves: POI wraps every new text in a rich-text
     * bean, looks it up by its XML, copies it into the table's XML tree and serialises that tree at the end,
     * the dearest part of a small workbook's strings. Here a plain string (no runs of formatting) is the
     * text, looked up by itself and written as XMLBeans writes it; rich strings are kept as POI keeps them,
     * and a table holding one is written by POI's own path.
     */
    static final class PlainStrings extends SharedStringsTable implements PlainTexts {

        private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst count=\"")
                .getBytes(StandardCharsets.UTF_8);
        private static final String NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        /** Every entry by index: a {@link String} for a plain text, a {@link CTRst} for a rich one. */
        private final List<Object> entries = new ArrayList<>();
        /** Plain texts by text, rich ones by POI's key (their XML). */
        private final Map<String, Integer> plain = new HashMap<>();
        private final Map<String, Integer> rich = new HashMap<>();
        private int richCount;
        /** Whether every plain text so far is {@link #writable}. */
        private boolean allWritable = true;

        /** Empties the table, as new. */
        void clear() {
            entries.clear();
            plain.clear();
            rich.clear();
            richCount = 0;
            allWritable = true;
            count = 0;
            uniqueCount = 0;
        }

        @Override
        public int index(String text) {
            count++; // as POI's table counts every use
            Integer known = plain.get(text);
            if (known != null) {
                return known;
            }
            int index = entries.size();
            entries.add(text);
            plain.put(text, index);
            allWritable &= writable(text);
            uniqueCount++;
            return index;
        }

        /** The index of {@code text} filed as a plain text, -1 when it is not; not counted as a use. */
        int known(String text) {
            Integer known = plain.get(text);
            return known == null ? -1 : known;
        }

        @Override
        public String text(int index) {
            // POI reads "_xHHHH_" back as the character it escapes: such a text is left to POI to read.
            return index >= 0 && index < entries.size() && entries.get(index) instanceof String text
                    && !text.contains("_x") ? text : null;
        }

        @Override
        public int addSharedStringItem(RichTextString string) {
            if (!(string instanceof XSSFRichTextString xssf)) {
                throw new IllegalArgumentException("Only XSSFRichTextString argument is supported");
            }
            CTRst st = xssf.getCTRst();
            if (isPlain(st)) {
                return index(st.getT());
            }
            count++;
            String key = xmlText(st);
            Integer known = rich.get(key);
            if (known != null) {
                return known;
            }
            int index = entries.size();
            entries.add((CTRst) st.copy());
            rich.put(key, index);
            richCount++;
            uniqueCount++;
            return index;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            Object entry = entries.get(idx);
            return entry instanceof String text ? new XSSFRichTextString(text) : new XSSFRichTextString((CTRst) entry);
        }

        @Override
        public List<RichTextString> getSharedStringItems() {
            List<RichTextString> items = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                items.add(getItemAt(i));
            }
            return Collections.unmodifiableList(items);
        }

        /**
         * The XML POI writes: by hand when every entry is a plain text XMLBeans would write as it is escaped
         * here, through POI's table otherwise (made then from the entries, as POI would have made it).
         */
        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (richCount > 0 || entries.isEmpty() || !allWritable) {
                poiTable().writeTo(out);
                return;
            }
            Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
            out.write(HEAD);
            xml.write(Integer.toString(count));
            xml.write("\" uniqueCount=\"");
            xml.write(Integer.toString(uniqueCount));
            xml.write("\" xmlns=\"" + NAMESPACE + "\">");
            for (Object entry : entries) {
                xml.write("<si>");
                textElement(xml, (String) entry);
                xml.write("</si>");
            }
            xml.write("</sst>");
            xml.flush();
        }

        /** POI's own table holding the same entries in the same order, with the same counts. */
        private SharedStringsTable poiTable() {
            SharedStringsTable table = new SharedStringsTable() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    count = PlainStrings.this.count; // a repeated text counts once more
                    super.writeTo(out);
                }
            };
            for (Object entry : entries) {
                table.addSharedStringItem(entry instanceof String text ? new XSSFRichTextString(text)
                        : new XSSFRichTextString((CTRst) entry));
            }
            return table;
        }

        /** A text whose XML is the text with '<' and '&' escaped: no character XMLBeans replaces or keeps apart. */
        static boolean writable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean plainChar = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t' || c == '\n';
                if (!plainChar || (c == '>' && i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']')) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The {@code t} element XMLBeans writes for a rich text made from the plain {@code text} (a
         * {@link #writable} one), as a shared string's or a comment's.
         */
        static void textElement(Writer xml, String text) throws IOException {
            if (text.isEmpty()) {
                xml.write("<t/>");
                return;
            }
            xml.write(Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))
                    ? "<t xml:space=\"preserve\">" : "<t>");
            escaped(xml, text);
            xml.write("</t>");
        }

        /** {@code text} as XMLBeans' saver escapes element content (for a {@link #writable} text). */
        static void escaped(Writer xml, String text) throws IOException {
            int plainFrom = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '<' || c == '&') {
                    xml.write(text, plainFrom, i - plainFrom);
                    xml.write(c == '<' ? "&lt;" : "&amp;");
                    plainFrom = i + 1;
                }
            }
            xml.write(text, plainFrom, text.length() - plainFrom);
        }

        private static boolean isPlain(CTRst string) {
            return string.sizeOfRArray() == 0 && string.sizeOfRPhArray() == 0 && !string.isSetPhoneticPr()
                    && string.isSetT();
        }
    }
}
