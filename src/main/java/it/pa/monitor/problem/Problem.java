package it.pa.monitor.problem;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One problem found by any check (plan, monitoring sheet, overrides): its severity, where it is
 * (file, sheet, and a cell such as {@code D12} or a row and a column header; any part may be null),
 * the value as written and an Italian message for the person who fixes it.
 */
public record Problem(Severity severity, String file, String sheet, String cell, Integer row, String column,
                      String raw, String message) {

    /** The most characters of a value kept as written: enough to recognise it, never a whole page of text. */
    public static final int MAX_RAW = 200;
    /** The most characters of a value quoted in a message («...» or "..."). */
    public static final int MAX_QUOTED = 100;
    /** The most characters of a message, whatever it quotes. */
    public static final int MAX_MESSAGE = 2_000;

    /**
     * A cell may hold 32 767 characters and a file thousands of problems, each kept until the run's workbooks are
     * written: the value and the message are shortened here, once for every check, so that no file's problems can
     * fill the memory.
     */
    public Problem {
        raw = ProblemTexts.shortened(raw, MAX_RAW);
        message = ProblemTexts.shortened(ProblemTexts.quotesShortened(message, MAX_QUOTED), MAX_MESSAGE);
    }

    /** An error located by sheet, row and column header (what the plan reader knows). */
    public static Problem error(String sheet, Integer row, String column, String message) {
        return new Problem(Severity.ERRORE, null, sheet, null, row, column, null, message);
    }

    /** A warning located by sheet, row and column header (what the plan reader knows). */
    public static Problem warning(String sheet, Integer row, String column, String message) {
        return new Problem(Severity.AVVISO, null, sheet, null, row, column, null, message);
    }

    /** An error at a cell such as {@code D12} (null: the whole sheet) with the value found there. */
    public static Problem cellError(String sheet, String cell, String raw, String message) {
        return new Problem(Severity.ERRORE, null, sheet, cell, null, null, raw, message);
    }

    /** A warning at a cell such as {@code D12} (null: the whole sheet) with the value found there. */
    public static Problem cellWarning(String sheet, String cell, String raw, String message) {
        return new Problem(Severity.AVVISO, null, sheet, cell, null, null, raw, message);
    }

    /** An error of the whole file, such as one that is not a workbook. */
    public static Problem fileError(String message) {
        return new Problem(Severity.ERRORE, null, null, null, null, null, null, message);
    }

    /** The same problem, placed in the named file. */
    public Problem inFile(String fileName) {
        return new Problem(severity, fileName, sheet, cell, row, column, raw, message);
    }

    public boolean isError() {
        return severity == Severity.ERRORE;
    }

    /** Where in the sheet, as a user reads it: {@code D12}, {@code riga 12, colonna Target}, or null. */
    public String position() {
        String where = joined(blankToNull(cell), row == null ? null : "riga " + row,
                column == null ? null : "colonna " + column);
        return where.isEmpty() ? null : where;
    }

    /** E.g. {@code ERRORE - foglio Indicatori, riga 12, colonna Target: ...}. */
    public String describe() {
        String where = joined(sheet == null ? null : "foglio " + sheet,
                blankToNull(cell) == null ? null : "cella " + cell, row == null ? null : "riga " + row,
                column == null ? null : "colonna " + column);
        return severity + (where.isEmpty() ? "" : " - " + where) + ": " + message;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String joined(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }
}
