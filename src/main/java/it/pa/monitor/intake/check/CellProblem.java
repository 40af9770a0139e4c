package it.pa.monitor.intake.check;

/** A reason to reject a submitted workbook: where (sheet and cell such as {@code D12}; null: whole file), value, why. */
public record CellProblem(String sheet, String cell, String value, String message) {

    /** A problem of the whole file, such as one that is not an Excel workbook. */
    public static CellProblem ofFile(String message) {
        return new CellProblem(null, null, null, message);
    }
}
