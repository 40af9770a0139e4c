package it.pa.monitor.workbook;

import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.ItalianFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * Turns a POI cell into a {@link CellValue}, using the cached result of formula cells. Public so
 * that monitoring sheets (package {@code intake}) read cells exactly as plans do.
 */
public final class PoiCells {

    /** The decimals a number's text shows at most. */
    private static final int MAX_DECIMALS = 10;


    private PoiCells() {
    }

    /**
     * The cell's value; {@link CellValue#EMPTY} for a missing or blank cell. A formula saved
     * without a cached value is {@link CellValue#unevaluatedFormula}: {@link WorkbookCells}
     * evaluates it.
     */
    public static CellValue read(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
        }
        if (lacksCachedValue(cell)) {
            return CellValue.unevaluatedFormula(formula(cell));
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> CellValue.text(cell.getStringCellValue());
            case BOOLEAN -> CellValue.text(cell.getBooleanCellValue() ? "Sì" : "No");
            case NUMERIC -> numeric(cell);
            case ERROR -> errorCell(cell);
            default -> CellValue.EMPTY;
        };
    }

    /**
     * Whether {@code cell} is a formula saved without its result: no cached value at all, or an
     * empty one that is not a cached empty string ({@code <f>…</f><v></v>}, as openpyxl writes).
     * An .xls formula record always carries its result.
     */
    public static boolean lacksCachedValue(Cell cell) {
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            return false;
        }
        if (cell instanceof XSSFCell xssf) {
            String raw = xssf.getRawValue();
            return raw == null || (raw.isEmpty() && xssf.getCachedFormulaResultType() != CellType.STRING);
        }
        try {
            CellType cached = cell.getCachedFormulaResultType();
            // The streaming reader: BLANK without <v>, and its raw text (the cached value) otherwise.
            return cached == CellType.BLANK || (cached != CellType.STRING && cell.getStringCellValue().isEmpty());
        } catch (RuntimeException e) {
            return false; // HSSF refuses the text of a numeric result: it has one
        }
    }

    /** The formula of a formula cell as typed, without the leading {@code =}. */
    static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The value POI's formula evaluator computed for {@code cell}, read like a cached one. */
    static CellValue evaluated(Cell cell, org.apache.poi.ss.usermodel.CellValue value) {
        if (value == null) {
            return CellValue.EMPTY;
        }
        return switch (value.getCellType()) {
            case STRING -> CellValue.text(value.getStringValue());
            case BOOLEAN -> CellValue.text(value.getBooleanValue() ? "Sì" : "No");
            case NUMERIC -> numeric(cell, value.getNumberValue());
            case ERROR -> errorCode(value.getErrorValue());
            default -> CellValue.EMPTY;
        };
    }

    private static CellValue numeric(Cell cell) {
        if (isDateFormatted(cell)) {
            var date = cell.getLocalDateTimeCellValue().toLocalDate();
            return new CellValue(ItalianFormat.date(date), null, false, date, null);
        }
        return number(cell, cell.getNumericCellValue());
    }

    /**
     * {@link DateUtil#isCellDateFormatted(Cell)}; for a cell of {@link XlsxSheets}, its style keeps what POI says of
     * its format, which POI works out again (with regular expressions) whenever the format differs from the last.
     */
    private static boolean isDateFormatted(Cell cell) {
        if (cell.getCellStyle() instanceof FormatStyle style) {
            return DateUtil.isValidExcelDate(cell.getNumericCellValue()) && style.isDateFormat();
        }
        return DateUtil.isCellDateFormatted(cell);
    }

    /** An evaluated number: a date when the cell's format is a date format, as for cached values. */
    private static CellValue numeric(Cell cell, double value) {
        CellStyle style = cell.getCellStyle();
        if (style != null && DateUtil.isValidExcelDate(value)
                && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())) {
            var date = DateUtil.getLocalDateTime(value, cell.getSheet().getWorkbook() instanceof Date1904Support w
                    && w.isDate1904()).toLocalDate();
            return new CellValue(ItalianFormat.date(date), null, false, date, null);
        }
        return number(cell, value);
    }

    private static CellValue number(Cell cell, double value) {
        BigDecimal number = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        boolean percent = cell.getCellStyle() != null && cell.getCellStyle().getDataFormatString().contains("%");
        String text = percent
                ? italian(number.movePointRight(2)) + " %"
                : italian(number);
        return new CellValue(text, number, percent, null, null);
    }

    private static CellValue errorCell(Cell cell) {
        return errorCode(cell.getErrorCellValue());
    }

    private static CellValue errorCode(byte error) {
        String code;
        try {
            code = FormulaError.forInt(error).getString();
        } catch (IllegalArgumentException e) {
            code = "#ERRORE";
        }
        return new CellValue(code, null, false, null, code);
    }

    /**
     * Italian decimal comma, no thousands grouping: the text stays re-parseable. The text {@link java.text.DecimalFormat}
     * gives with {@code "0.##########"} and Italian symbols (at most 10 decimals, rounded half-even, "-0" for
     * a negative number that rounds to zero), written without building a format for every cell
     * ({@code PoiCellsTextTest} compares both).
     */
    static String italian(BigDecimal number) {
        BigDecimal rounded = number.scale() > MAX_DECIMALS ? number.setScale(MAX_DECIMALS, RoundingMode.HALF_EVEN)
                : number;
        if (rounded.signum() == 0) {
            return number.signum() < 0 ? "-0" : "0";
        }
        return rounded.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
