package it.pa.monitor.workbook;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * A read-only cell of {@link XlsxSheets}: what the {@code <c>} element said, answering as the cells of
 * excel-streaming-reader (the program's earlier .xlsx reader) do, so {@link WorkbookCells} reads it alike:
 * a formula without a {@code <v>} has a BLANK cached result, an error's text is {@code "ERROR:  #CODE"},
 * a number's text is formatted by its style.
 */
final class XlsxCell implements org.apache.poi.ss.usermodel.Cell {

    private final Row row;
    private final int column;
    /** The {@code t} attribute: s, inlineStr, str, n, b or e. */
    private final String type;
    private final CellStyle style;
    private final boolean date1904;
    private final Supplier<DataFormatter> formatter;
    /** The value as written ({@code <v>}, or the shared/inline string); null when there was none. */
    private String raw;
    /** The {@code <f>} text; null when the cell has no formula. */
    private String formula;
    /** The value as a number, parsed once: a date check and the reading both ask for it. */
    private double number;
    private boolean parsed;

    XlsxCell(Row row, int column, String type, CellStyle style, boolean date1904, Supplier<DataFormatter> formatter) {
        this.row = row;
        this.column = column;
        this.type = type;
        this.style = style;
        this.date1904 = date1904;
        this.formatter = formatter;
    }

    void value(String value) {
        this.raw = value;
        this.parsed = false;
    }

    void formula(String text) {
        this.formula = text;
    }

    @Override
    public int getColumnIndex() {
        return column;
    }

    @Override
    public int getRowIndex() {
        return row.getRowNum();
    }

    @Override
    public Sheet getSheet() {
        return null;
    }

    @Override
    public Row getRow() {
        return row;
    }

    @Override
    public CellType getCellType() {
        if (formula != null) {
            return CellType.FORMULA;
        }
        return raw == null ? CellType.BLANK : shortHandType();
    }

    @Override
    public CellType getCachedFormulaResultType() {
        if (formula == null) {
            throw new IllegalStateException("Only formula cells have cached results");
        }
        return raw == null ? CellType.BLANK : shortHandType();
    }

    private CellType shortHandType() {
        return switch (type) {
            case "n" -> CellType.NUMERIC;
            case "s", "inlineStr", "str" -> CellType.STRING;
            case "b" -> CellType.BOOLEAN;
            case "e" -> CellType.ERROR;
            default -> throw new UnsupportedOperationException("Unsupported cell type '" + type + "'");
        };
    }

    @Override
    public String getCellFormula() {
        if (formula == null) {
            throw new IllegalStateException("This cell does not have a formula");
        }
        return formula;
    }

    @Override
    public double getNumericCellValue() {
        if (raw == null) {
            return 0.0;
        }
        if (!parsed) {
            number = Double.parseDouble(raw.trim()); // throws, as often as asked, on a value that is no number
            parsed = true;
        }
        return number;
    }

    @Override
    public Date getDateCellValue() {
        return raw == null ? null : DateUtil.getJavaDate(getNumericCellValue(), date1904);
    }

    @Override
    public LocalDateTime getLocalDateTimeCellValue() {
        if (getCellType() == CellType.STRING) {
            throw new IllegalStateException("Cell type cannot be CELL_TYPE_STRING");
        }
        return raw == null ? null : DateUtil.getLocalDateTime(getNumericCellValue(), date1904);
    }

    /** The cell's text: a number formatted by its style, an error as {@code "ERROR:  #CODE"}. */
    @Override
    public String getStringCellValue() {
        if (raw == null) {
            return "";
        }
        if ("e".equals(type)) {
            return "ERROR:  " + raw;
        }
        if ("n".equals(type) && style != null && !raw.isEmpty()) {
            String format = style.getDataFormatString();
            if (format != null) {
                DataFormatter numbers = formatter.get();
                synchronized (numbers) { // not thread-safe, and shared by the workbook's cells (see XlsxSheets)
                    return numbers.formatRawCellContents(getNumericCellValue(), style.getDataFormat(), format);
                }
            }
        }
        return raw;
    }

    @Override
    public RichTextString getRichStringCellValue() {
        return new XSSFRichTextString(getStringCellValue());
    }

    @Override
    public boolean getBooleanCellValue() {
        CellType cellType = getCellType() == CellType.FORMULA ? getCachedFormulaResultType() : getCellType();
        return switch (cellType) {
            case BLANK -> false;
            case BOOLEAN -> raw.equals("1") || raw.equalsIgnoreCase("true");
            default -> throw new IllegalStateException("Cannot get a boolean value from a " + cellType + " cell");
        };
    }

    @Override
    public byte getErrorCellValue() {
        CellType cellType = getCellType();
        if (cellType != CellType.ERROR) {
            throw new IllegalStateException("Cannot get an error value from a " + cellType + " cell");
        }
        try {
            return FormulaError.forString(raw).getCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unexpected error code", e);
        }
    }

    @Override
    public CellStyle getCellStyle() {
        return style;
    }

    @Override
    public CellAddress getAddress() {
        return new CellAddress(getRowIndex(), column);
    }

    @Override
    public Comment getCellComment() {
        return null;
    }

    @Override
    public Hyperlink getHyperlink() {
        return null;
    }

    @Override
    public CellRangeAddress getArrayFormulaRange() {
        throw readOnly();
    }

    @Override
    public boolean isPartOfArrayFormulaGroup() {
        return false;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a cell read by XlsxSheets is read-only");
    }

    @Override
    public void setCellType(CellType cellType) {
        throw readOnly();
    }

    @Override
    public void setBlank() {
        throw readOnly();
    }

    @Override
    public void setCellValue(double value) {
        throw readOnly();
    }

    @Override
    public void setCellValue(Date value) {
        throw readOnly();
    }

    @Override
    public void setCellValue(LocalDateTime value) {
        throw readOnly();
    }

    @Override
    public void setCellValue(java.util.Calendar value) {
        throw readOnly();
    }

    @Override
    public void setCellValue(RichTextString value) {
        throw readOnly();
    }

    @Override
    public void setCellValue(String value) {
        throw readOnly();
    }

    @Override
    public void setCellFormula(String formula) {
        throw readOnly();
    }

    @Override
    public void removeFormula() {
        throw readOnly();
    }

    @Override
    public void setCellValue(boolean value) {
        throw readOnly();
    }

    @Override
    public void setCellErrorValue(byte value) {
        throw readOnly();
    }

    @Override
    public void setCellStyle(CellStyle style) {
        throw readOnly();
    }

    @Override
    public void setAsActiveCell() {
        throw readOnly();
    }

    @Override
    public void setCellComment(Comment comment) {
        throw readOnly();
    }

    @Override
    public void removeCellComment() {
        throw readOnly();
    }

    @Override
    public void setHyperlink(Hyperlink link) {
        throw readOnly();
    }

    @Override
    public void removeHyperlink() {
        throw readOnly();
    }
}
