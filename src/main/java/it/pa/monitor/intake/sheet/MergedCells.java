package it.pa.monitor.intake.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Spreads the value of merged objective cells (an objective code merged down over the rows of
 * its indicators) to every row of the merge. Applied once the sheet has been read, because the
 * streaming reader only learns the merged regions at the end of the sheet.
 */
public final class MergedCells {

    /** Only the objective columns: a merged target or weight must not be repeated on every row. */
    private static final Set<MonitoringColumn> SPREAD = Set.of(MonitoringColumn.OBJECTIVE_CODE,
            MonitoringColumn.OBJECTIVE_NAME);

    private MergedCells() {
    }

    static List<MonitoringRow> fill(List<MonitoringRow> rows, Map<MonitoringColumn, Integer> columns,
                                    List<CellRangeAddress> regions) {
        if (regions.isEmpty() || SPREAD.stream().noneMatch(columns::containsKey)) {
            return rows;
        }
        Map<Integer, Integer> positionOfRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            positionOfRow.put(rows.get(i).row(), i);
        }
        List<MonitoringRow> filled = new ArrayList<>(rows);
        for (MonitoringColumn column : SPREAD) {
            Integer index = columns.get(column);
            if (index == null) {
                continue;
            }
            for (CellRangeAddress region : regions) {
                if (region.getFirstRow() == region.getLastRow() || index < region.getFirstColumn()
                        || index > region.getLastColumn()) {
                    continue;
                }
                // The merge's value lives in its top-left cell, which must be a data cell of this column.
                Integer top = positionOfRow.get(region.getFirstRow() + 1);
                if (top == null || region.getFirstColumn() != index) {
                    continue;
                }
                SheetCell source = filled.get(top).cell(column);
                if (source.isBlank()) {
                    continue;
                }
                for (int r = region.getFirstRow() + 2; r <= region.getLastRow() + 1; r++) {
                    Integer position = positionOfRow.get(r);
                    if (position == null) {
                        continue;
                    }
                    MonitoringRow row = filled.get(position);
                    if (row.cell(column).isBlank()) {
                        Map<MonitoringColumn, SheetCell> cells = new EnumMap<>(row.cells());
                        SheetCell own = row.cell(column);
                        cells.put(column, new SheetCell(own.address(), own.row(), own.column(), source.value()));
                        filled.set(position, new MonitoringRow(row.row(), row.hidden(), cells));
                    }
                }
            }
        }
        return filled;
    }
}
