package it.pa.monitor.intake.sheet;

import java.util.List;
import java.util.Map;

/**
 * The table read from a monitoring sheet (FORMATS.md §2) with its surroundings.
 *
 * @param fileName    the submitted file's name
 * @param sheetName   the sheet the table was read from
 * @param headerBlock the labelled values above the table, keyed by {@code HeaderName.normalise}
 *                    of the label: {@code ente}, {@code unitaorganizzativa}, {@code periodo},
 *                    {@code datadiriferimento}, {@code compilatoda}, {@code datacompilazione}
 *                    (dates as dd/MM/yyyy)
 * @param meta        the key/value pairs of the hidden {@code _meta} sheet, empty without it
 * @param headerRow   the table header's row, 1-based
 * @param headerCells the address of the header cell that named each column found
 * @param rows        the non-blank data rows below the header, hidden ones included
 */
public record MonitoringSheet(String fileName, String sheetName, Map<String, String> headerBlock,
                              Map<String, String> meta, int headerRow, Map<MonitoringColumn, String> headerCells,
                              List<MonitoringRow> rows) {

    public MonitoringSheet {
        headerBlock = Map.copyOf(headerBlock);
        meta = Map.copyOf(meta);
        headerCells = Map.copyOf(headerCells);
        rows = List.copyOf(rows);
    }

    /** True when the sheet has a column for {@code column}. */
    public boolean has(MonitoringColumn column) {
        return headerCells.containsKey(column);
    }
}
