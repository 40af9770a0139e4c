package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.WorkbookCells;
import it.pa.monitor.values.CellValue;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/** A sheet row's non-blank cells as values, by 0-based column; {@code index} is 0-based too. */
public record RawRow(int index, boolean hidden, NavigableMap<Integer, CellValue> cells) {

    /**
     * Columns beyond this are not looked at for headers, header-block labels or sub-labels: a
     * real table is far narrower, and a row styled to the last column must not cost memory.
     */
    static final int MAX_COLUMNS = 256;

    static RawRow of(Row row, WorkbookCells values) {
        NavigableMap<Integer, CellValue> cells = new TreeMap<>();
        for (Cell cell : row) {
            if (cell.getColumnIndex() >= MAX_COLUMNS) {
                break;
            }
            CellValue value = values.read(cell);
            if (!value.isBlank()) {
                cells.put(cell.getColumnIndex(), value);
            }
        }
        return new RawRow(row.getRowNum(), row.getZeroHeight(), Collections.unmodifiableNavigableMap(cells));
    }

    CellValue at(int column) {
        return cells.getOrDefault(column, CellValue.EMPTY);
    }

    boolean isBlank() {
        return cells.isEmpty();
    }
}
