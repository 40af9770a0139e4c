package it.pa.monitor.plan;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A plan sheet read as a table: the header row found in the first rows, then the data rows. */
record SheetTable(PlanSheet spec, List<SheetRow> rows) {

    /** How far down the header row may be (titles and notes often sit above it). */
    static final int HEADER_SEARCH_ROWS = 30;

    /** Reads the sheet; reports missing columns to {@code problems} and then returns empty. */
    static Optional<SheetTable> read(PlanSheet spec, Sheet sheet, WorkbookCells reader, Consumer<Problem> problems) {
        Map<String, Integer> bestHeader = Map.of();
        int headerRow = -1;
        int last = Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS - 1);
        for (int r = sheet.getFirstRowNum(); r <= last && r >= 0; r++) {
            Map<String, Integer> found = headerColumns(spec, sheet.getRow(r), reader);
            if (found.size() > bestHeader.size()) {
                bestHeader = found;
                headerRow = r;
            }
            if (spec.columns().stream().filter(Column::required).allMatch(c -> found.containsKey(c.name()))) {
                break;
            }
        }
        Map<String, Integer> header = bestHeader;
        List<String> missing = spec.columns().stream().filter(Column::required)
                .map(Column::name).filter(name -> !header.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            Integer where = headerRow >= 0 ? headerRow + 1 : null;
            for (String column : missing) {
                problems.accept(Problem.error(spec.sheetName(), where, column,
                        "manca la colonna obbligatoria «" + column + "» nella riga di intestazione"));
            }
            return Optional.empty();
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, CellValue> cells = new LinkedHashMap<>();
            int rowNo = r + 1;
            header.forEach((name, index) -> {
                CellValue value = reader.read(row.getCell(index));
                if (value.isUnevaluatedFormula()) {
                    problems.accept(Problem.error(spec.sheetName(), rowNo, name, value.unevaluatedFormulaProblem()));
                }
                cells.put(name, value);
            });
            if (cells.values().stream().anyMatch(c -> !c.isBlank())) {
                rows.add(new SheetRow(r + 1, cells));
            }
        }
        return Optional.of(new SheetTable(spec, List.copyOf(rows)));
    }

    private static Map<String, Integer> headerColumns(PlanSheet spec, Row row, WorkbookCells reader) {
        Map<String, Integer> found = new HashMap<>();
        if (row == null) {
            return found;
        }
        for (Cell cell : row) {
            String text = reader.read(cell).text();
            for (Column column : spec.columns()) {
                if (!found.containsKey(column.name()) && column.matches(text)) {
                    found.put(column.name(), cell.getColumnIndex());
                    break;
                }
            }
        }
        return found;
    }
}
