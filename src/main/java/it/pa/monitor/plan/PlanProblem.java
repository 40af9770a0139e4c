package it.pa.monitor.plan;

/**
 * One problem found in a plan workbook, located by sheet, row and column, with an Italian
 * message for the person who maintains the plan. Errors reject the plan; warnings do not.
 */
public record PlanProblem(Severity severity, String sheet, Integer row, String column, String message) {

    /** Whether the problem rejects the plan. */
    public enum Severity { ERRORE, AVVISO }

    static PlanProblem error(String sheet, Integer row, String column, String message) {
        return new PlanProblem(Severity.ERRORE, sheet, row, column, message);
    }

    static PlanProblem warning(String sheet, Integer row, String column, String message) {
        return new PlanProblem(Severity.AVVISO, sheet, row, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERRORE;
    }

    /** E.g. {@code ERRORE - foglio Indicatori, riga 12, colonna Target: ...}. */
    public String describe() {
        StringBuilder where = new StringBuilder();
        if (sheet != null) {
            where.append("foglio ").append(sheet);
        }
        if (row != null) {
            where.append(where.isEmpty() ? "" : ", ").append("riga ").append(row);
        }
        if (column != null) {
            where.append(where.isEmpty() ? "" : ", ").append("colonna ").append(column);
        }
        return severity + (where.isEmpty() ? "" : " - " + where) + ": " + message;
    }
}
