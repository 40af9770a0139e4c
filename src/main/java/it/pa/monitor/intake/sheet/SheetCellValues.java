package it.pa.monitor.intake.sheet;

import it.pa.monitor.plan.PoiCells;
import it.pa.monitor.plan.WorkbookCells;
import it.pa.monitor.values.CellValue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * POI cell to {@link CellValue} for monitoring sheets: the plan's conversion ({@link WorkbookCells},
 * {@link PoiCells}), so both read numbers, percentages, dates, errors and formulas alike, made
 * safe for the streaming reader.
 */
public final class SheetCellValues {

    private final WorkbookCells cells;

    SheetCellValues(Workbook workbook) {
        this.cells = new WorkbookCells(workbook);
    }

    CellValue of(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
        }
        try {
            return cells.read(cell);
        } catch (RuntimeException e) {
            return fallback(cell);
        }
    }

    /** A formula without a cached value was met that only a whole (not streamed) workbook can evaluate. */
    boolean needWholeWorkbook() {
        return cells.metFormulaNeedingEvaluator();
    }

    /**
     * excel-streaming-reader refuses {@code getErrorCellValue()} on a formula cell whose cached
     * result is an error (and on error codes POI does not know), but its string value holds the
     * code as written ({@code "ERROR:  #DIV/0!"}). Anything else unreadable is kept as its raw text.
     */
    private static CellValue fallback(Cell cell) {
        try {
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            String raw = cell.getStringCellValue();
            if (type == CellType.ERROR) {
                int hash = raw == null ? -1 : raw.indexOf('#');
                String code = hash < 0 ? "#ERRORE" : raw.substring(hash).strip();
                return new CellValue(code, null, false, null, code);
            }
            return CellValue.text(raw);
        } catch (RuntimeException e) {
            return new CellValue("#ERRORE", null, false, null, "#ERRORE");
        }
    }
}
