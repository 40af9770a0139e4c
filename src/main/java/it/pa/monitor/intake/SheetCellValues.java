package it.pa.monitor.intake;

import it.pa.monitor.plan.PoiCells;
import it.pa.monitor.values.CellValue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;

/**
 * POI cell to {@link CellValue} for monitoring sheets: the plan's conversion ({@link PoiCells}),
 * so both read numbers, percentages, dates and errors alike, made safe for the streaming reader.
 */
final class SheetCellValues {

    private SheetCellValues() {
    }

    static CellValue of(Cell cell) {
        if (cell == null) {
            return CellValue.EMPTY;
        }
        try {
            return PoiCells.read(cell);
        } catch (RuntimeException e) {
            return fallback(cell);
        }
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
