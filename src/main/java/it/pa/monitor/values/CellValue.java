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

    /**
     * The {@code error} of a formula saved without a cached value (a file written by a script)
     * that could not be evaluated either: never read as 0 nor as a blank (FORMATS.md §2).
     */
    public static final String UNEVALUATED_FORMULA = "#FORMULA";

    /** A formula without a cached value that could not be evaluated; its text is the formula as typed. */
    public static CellValue unevaluatedFormula(String formula) {
        return new CellValue("=" + (formula == null ? "" : formula), null, false, null, UNEVALUATED_FORMULA);
    }

    public boolean isUnevaluatedFormula() {
        return UNEVALUATED_FORMULA.equals(error);
    }

    /** What the office should do about a formula without a value (Italian, for the error on that cell). */
    public String unevaluatedFormulaProblem() {
        return "la formula «" + text + "» è stata salvata senza il suo valore (file scritto da un programma) e non si"
                + " può calcolare: aprire il file in Excel o LibreOffice e salvarlo di nuovo, oppure scrivere il valore"
                + " al posto della formula; un testo che inizia con «=» (ad esempio il target «= 100 %») va scritto"
                + " come testo, in Excel anteponendo un apostrofo ('= 100 %)";
    }

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
