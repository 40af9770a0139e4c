package it.pa.monitor.plan;

import it.pa.monitor.values.CellValue;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns a POI cell into a {@link CellValue}, using the cached result of formula cells. Public so
 * that monitoring sheets (package {@code intake}) read cells exactly as plans do.
 */
public final class PoiCells {

    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PoiCells() {
    }

    /** The cell's value; {@link CellValue#EMPTY} for a missing or blank cell. */
    public static CellValue read(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
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

    private static CellValue numeric(Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            var date = cell.getLocalDateTimeCellValue().toLocalDate();
            return new CellValue(date.format(ITALIAN_DATE), null, false, date, null);
        }
        BigDecimal number = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
        boolean percent = cell.getCellStyle() != null && cell.getCellStyle().getDataFormatString().contains("%");
        String text = percent
                ? italian(number.movePointRight(2)) + " %"
                : italian(number);
        return new CellValue(text, number, percent, null, null);
    }

    private static CellValue errorCell(Cell cell) {
        String code;
        try {
            code = FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (IllegalArgumentException e) {
            code = "#ERRORE";
        }
        return new CellValue(code, null, false, null, code);
    }

    /** Italian decimal comma, no thousands grouping: the text stays re-parseable. */
    private static String italian(BigDecimal number) {
        DecimalFormat format = new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ITALY));
        return format.format(number);
    }
}
