package it.pa.monitor.intake.rejection;


import it.pa.monitor.problem.Problem;
import org.apache.poi.ss.util.CellAddress;

/**
 * A problem as laid out in the report: the name of the copy of its sheet (null when the sheet was not
 * copied or is not in the file) and its cell (null when it names none, or none Excel can reach).
 */
public record PlacedProblem(Problem problem, String copiedSheet, CellAddress cell) {

    /** The internal link to this problem's cell, or to its sheet's first cell; null when there is nothing to reach. */
    String linkTarget() {
        if (copiedSheet == null) {
            return null;
        }
        // Always quoted, with apostrophes doubled: Excel's rule for sheet names in references.
        return "'" + copiedSheet.replace("'", "''") + "'!" + (cell == null ? "A1" : cell.formatAsString());
    }
}
