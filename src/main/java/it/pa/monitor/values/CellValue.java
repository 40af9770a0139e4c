package it.pa.monitor.values;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a spreadsheet cell holds, independent of the reader: the text as the user sees it, and
 * for numeric cells the number, whether it was formatted as a percentage, or the date. An
 * error cell ({@code #DIV/0!}) carries its code in {@code error}.
 */
public record CellValue(String text, BigDecimal number, boolean percentFormat, LocalDate date, String error) {

    public static final CellValue EMPTY = new CellValue("", null, false, null, null);

    public static CellValue text(String text) {
        return new CellValue(text == null ? "" : text.strip(), null, false, null, null);
    }

    public boolean isBlank() {
        return text.isBlank() && number == null && date == null && error == null;
    }

    public boolean isNumeric() {
        return number != null;
    }
}
