package it.pa.monitor.intake.sheet;

import it.pa.monitor.values.CellValue;
import java.util.Map;

/**
 * One data row of a monitoring sheet (row 1-based as Excel shows it). {@code cells} holds a cell
 * for every column found in the header, blank ones included, so that each has its address.
 */
public record MonitoringRow(int row, boolean hidden, Map<MonitoringColumn, SheetCell> cells) {

    public MonitoringRow {
        cells = Map.copyOf(cells);
    }

    /**
     * The cell of {@code column} in this row. A column found in the header always has its real
     * cell (possibly blank); a column the sheet does not have gives an empty cell with an empty
     * address and column -1, since it has no place in the sheet.
     */
    public SheetCell cell(MonitoringColumn column) {
        SheetCell cell = cells.get(column);
        return cell != null ? cell : new SheetCell("", row, -1, CellValue.EMPTY);
    }
}
