package it.pa.monitor.plan.load;

import it.pa.monitor.values.CellValue;
import java.util.Map;

/** One non-blank data row of a plan sheet, by column name, with its Excel row number (1-based). */
public record SheetRow(int rowNo, Map<String, CellValue> cells) {

    CellValue cell(String column) {
        return cells.getOrDefault(column, CellValue.EMPTY);
    }

    /** The trimmed text of a column, or null when blank. */
    String text(String column) {
        String text = cell(column).text();
        return text.isBlank() ? null : text.strip();
    }
}
