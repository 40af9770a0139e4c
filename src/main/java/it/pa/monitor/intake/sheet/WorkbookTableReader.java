package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.WorkbookCells;
import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.HeaderName;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the monitoring table out of an open workbook, row by row in one pass per sheet, so it
 * works the same on an .xlsx parsed by {@code XlsxSheets} or streamed, and on an HSSF .xls one.
 */
public final class WorkbookTableReader {

    static final String SHEET_NAME = "Rilevazione";
    static final String META_SHEET = "_meta";
    /** The _meta sheet is a handful of key/value pairs: more rows are not read. */
    private static final int META_MAX_ROWS = 200;

    /** Header-block labels (normalised) and the key they are stored under. */
    private static final Map<String, String> BLOCK_LABELS = Map.ofEntries(
            Map.entry("ente", "ente"),
            Map.entry("unitaorganizzativa", "unitaorganizzativa"),
            Map.entry("unita", "unitaorganizzativa"),
            Map.entry("periodo", "periodo"),
            Map.entry("datadiriferimento", "datadiriferimento"),
            Map.entry("datariferimento", "datadiriferimento"),
            Map.entry("compilatoda", "compilatoda"),
            Map.entry("datacompilazione", "datacompilazione"),
            Map.entry("datadicompilazione", "datacompilazione"));

    private final String fileName;
    private final int maxRows;
    private final long maxTextChars;
    private final HeaderNamings namings;
    /** The characters of text kept so far from the sheet read (its header area and its table's cells). */
    private long textChars;
    /** The cells of the workbook being read (set by {@link #read}). */
    private WorkbookCells values;

    WorkbookTableReader(String fileName, int maxRows) {
        this(fileName, maxRows, Long.MAX_VALUE, new HeaderNamings());
    }

    /**
     * @param maxTextChars the most characters of text the rows kept from the file may hold; a file with more is
     *                     rejected as soon as they are read
     * @param namings      what header texts name, shared by the files of a run
     */
    WorkbookTableReader(String fileName, int maxRows, long maxTextChars, HeaderNamings namings) {
        this.fileName = fileName;
        this.maxRows = maxRows;
        this.maxTextChars = maxTextChars;
        this.namings = namings;
    }

    ReadOutcome read(Workbook workbook) {
        return read(WorkbookSheets.of(workbook));
    }

    ReadOutcome read(WorkbookSheets workbook) {
        values = workbook.cells();
        textChars = 0; // a file read again (by the streaming reader, or whole) is counted afresh
        List<String> names = workbook.names();
        Map<String, String> meta = Map.of();
        Integer named = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (isMeta(name) && meta.isEmpty()) {
                meta = readMeta(workbook.rows(i));
            } else if (named == null && HeaderName.normalise(name).equals(HeaderName.normalise(SHEET_NAME))) {
                named = i;
            }
        }
        if (named != null) {
            // The sheet named Rilevazione is the one: a header problem there is reported, not skipped.
            Scan scan = scan(workbook.rows(named));
            if (textChars > maxTextChars) {
                return tooMuchText();
            }
            if (scan.header().isEmpty() || !scan.header().get().complete()) {
                return ReadOutcome.failed("Nel foglio «" + names.get(named) + "» del file «" + fileName + "» "
                        + missingColumns(scan.header()) + ": completare la riga di intestazione della tabella con i nomi"
                        + " di colonna del modello e inviare di nuovo il file.");
            }
            return readTable(workbook, named, scan, meta);
        }
        String partial = "";
        for (int i = 0; i < names.size(); i++) {
            if (isMeta(names.get(i))) {
                continue;
            }
            Scan scan = scan(workbook.rows(i));
            if (textChars > maxTextChars) {
                return tooMuchText();
            }
            if (scan.header().isPresent() && scan.header().get().complete()) {
                return readTable(workbook, i, scan, meta);
            }
            if (partial.isEmpty() && scan.header().isPresent()
                    && scan.header().get().columns().containsKey(MonitoringColumn.INDICATOR_CODE)) {
                partial = " (nel foglio «" + names.get(i) + "» " + missingColumns(scan.header()) + ")";
            }
        }
        return ReadOutcome.failed("Nessun foglio «" + SHEET_NAME + "» né un foglio con le colonne Codice indicatore"
                + " e Consuntivo nel file «" + fileName + "»" + partial
                + ": usare il modello della scheda di rilevazione, oppure chiamare «" + SHEET_NAME
                + "» il foglio con i dati e dare alle sue colonne i nomi del modello.");
    }

    private static boolean isMeta(String sheetName) {
        return sheetName.strip().equalsIgnoreCase(META_SHEET);
    }

    /** "manca la colonna «Consuntivo» (o ...) nella riga di intestazione (riga 8)". */
    private static String missingColumns(Optional<TableHeader> header) {
        List<MonitoringColumn> missing = header.map(TableHeader::missing)
                .orElseGet(() -> List.of(MonitoringColumn.INDICATOR_CODE, MonitoringColumn.ACTUAL));
        String names = missing.stream().map(c -> "«" + c.label() + "»" + synonyms(c)).collect(Collectors.joining(" e "));
        String where = header.map(h -> "nella riga di intestazione (riga " + (h.row() + 1) + ")")
                .orElse("nelle prime " + TableHeader.SEARCH_ROWS + " righe");
        return (missing.size() == 1 ? "manca la colonna " : "mancano le colonne ") + names + " " + where;
    }

    private static String synonyms(MonitoringColumn column) {
        return switch (column) {
            case ACTUAL -> " (o «Risultato», «Valore rilevato», «Valore al <data>»)";
            case INDICATOR_CODE -> " (o «Indicatore», «Codice»)";
            default -> "";
        };
    }

    /** The first rows of a sheet, kept to find the header, and the iterator positioned after them. */
    private record Scan(Iterator<Row> rows, List<RawRow> buffered, Row pending, Optional<TableHeader> header) {
    }

    /**
     * Whether the last {@link #read} met a formula saved without a cached value that the
     * (streaming) workbook could not evaluate: the file must be read again as a whole workbook.
     */
    boolean needsWholeWorkbook() {
        return values != null && values.metFormulaNeedingEvaluator();
    }

    private Scan scan(Iterator<Row> rows) {
        List<RawRow> buffered = new ArrayList<>();
        Row pending = null;
        // One row past the search area, so the last candidate still sees the row under it.
        int limit = TableHeader.SEARCH_ROWS + 1;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.getRowNum() > limit) {
                pending = row;
                break;
            }
            RawRow raw = RawRow.of(row, values);
            buffered.add(raw);
            raw.cells().values().forEach(this::kept);
            if (textChars > maxTextChars) {
                return new Scan(rows, buffered, null, Optional.empty());
            }
        }
        return new Scan(rows, buffered, pending, TableHeader.locate(buffered, namings));
    }

    private ReadOutcome readTable(WorkbookSheets workbook, int sheet, Scan scan, Map<String, String> meta) {
        String sheetName = workbook.names().get(sheet);
        Map<Integer, RawRow> byIndex = new TreeMap<>();
        scan.buffered().forEach(r -> byIndex.put(r.index(), r));
        TableHeader header = scan.header().orElseThrow().splitOperator(byIndex);
        int dataStart = header.lastRow() + 1;
        RawRow under = byIndex.get(dataStart);
        if (under == null && scan.pending() != null && scan.pending().getRowNum() == dataStart) {
            under = RawRow.of(scan.pending(), values);
        }
        if (header.isSubHeader(under)) {
            dataStart++;
        }

        List<MonitoringRow> rows = new ArrayList<>();
        for (RawRow raw : scan.buffered()) {
            if (raw.index() >= dataStart && !addRow(rows, header, raw.index(), raw.hidden(), raw::at, false)) {
                return textChars > maxTextChars ? tooMuchText() : tooManyRows(sheetName);
            }
        }
        Row row = scan.pending();
        while (row != null) {
            Row current = row;
            if (current.getRowNum() >= dataStart && !addRow(rows, header, current.getRowNum(), current.getZeroHeight(),
                    column -> values.read(current.getCell(column)), true)) {
                return textChars > maxTextChars ? tooMuchText() : tooManyRows(sheetName);
            }
            row = scan.rows().hasNext() ? scan.rows().next() : null;
        }
        // Merged regions follow the rows in the sheet XML: known only once the whole sheet has been parsed.
        List<MonitoringRow> merged = MergedCells.fill(rows, header.columns(), workbook.mergedRegions(sheet));
        return ReadOutcome.read(new MonitoringSheet(fileName, sheetName,
                headerBlock(scan.buffered(), header.firstRow()), meta, header.row() + 1, header.addresses(), merged));
    }

    /**
     * Adds the row unless blank in every column of the table, its text counted unless {@code count} is false (a row
     * of the scan, counted whole then); false once past the row limit or the text limit.
     */
    private boolean addRow(List<MonitoringRow> rows, TableHeader header, int index, boolean hidden,
                           IntFunction<CellValue> valueAt, boolean count) {
        Map<MonitoringColumn, SheetCell> cells = new EnumMap<>(MonitoringColumn.class);
        boolean blank = true;
        for (Map.Entry<MonitoringColumn, Integer> column : header.columns().entrySet()) {
            CellValue value = valueAt.apply(column.getValue());
            blank &= value.isBlank();
            cells.put(column.getKey(), SheetCell.at(index + 1, column.getValue(), value));
        }
        if (blank) {
            return true;
        }
        if (rows.size() >= maxRows) {
            return false;
        }
        if (count) { // a row of the scan was counted whole when scanned
            cells.values().forEach(cell -> kept(cell.value()));
        }
        rows.add(new MonitoringRow(index + 1, hidden, cells));
        return textChars <= maxTextChars;
    }

    private void kept(CellValue value) {
        textChars += value.text().length();
    }

    private ReadOutcome tooMuchText() {
        return ReadOutcome.failed(tooMuchText(fileName, maxTextChars));
    }

    /** Why a file holding more than {@code maxTextChars} characters of text was not read (Italian, for the office). */
    static String tooMuchText(String fileName, long maxTextChars) {
        return "Il file «" + fileName + "» non è stato letto: contiene più testo di quanto il programma legga in una"
                + " scheda (circa " + NumberFormat.getIntegerInstance(Locale.ITALY).format(maxTextChars) + " caratteri),"
                + " molto più di quanto serva a una scheda di monitoraggio (testi lunghi in molte celle, o righe e fogli"
                + " aggiunti)."
                + " Usare il modello della scheda, lasciare solo le righe degli indicatori da rilevare con note brevi e"
                + " inviarlo di nuovo.";
    }

    private ReadOutcome tooManyRows(String sheetName) {
        String limit = NumberFormat.getIntegerInstance(Locale.ITALY).format(maxRows);
        return ReadOutcome.failed("Il foglio ha più di " + limit + " righe di dati: il foglio «" + sheetName
                + "» del file «" + fileName + "» non è stato letto. Lasciare solo le righe degli indicatori"
                + " da rilevare (una per indicatore) o dividerle in più file.");
    }

    /**
     * Label/value pairs above the table: the label is the row's first non-blank cell (column A
     * in the template, possibly ending with ":"), the value the next non-blank cell to its right
     * (column B, or further right when the label is merged over A:B).
     */
    private static Map<String, String> headerBlock(List<RawRow> rows, int firstHeaderRow) {
        Map<String, String> block = new LinkedHashMap<>();
        for (RawRow row : rows) {
            if (row.index() >= firstHeaderRow || row.isBlank()) {
                continue;
            }
            Map.Entry<Integer, CellValue> label = row.cells().firstEntry();
            String key = BLOCK_LABELS.get(HeaderName.normalise(label.getValue().text()));
            Map.Entry<Integer, CellValue> value = row.cells().higherEntry(label.getKey());
            if (key != null && value != null) {
                block.putIfAbsent(key, value.getValue().text());
            }
        }
        return block;
    }

    /** The hidden sheet's key (column A) / value (column B) pairs. */
    private Map<String, String> readMeta(Iterator<Row> rows) {
        Map<String, String> meta = new LinkedHashMap<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (row.getRowNum() >= META_MAX_ROWS) {
                break;
            }
            String key = values.read(row.getCell(0)).text();
            if (!key.isBlank()) {
                meta.putIfAbsent(key, values.read(row.getCell(1)).text());
            }
        }
        return meta;
    }
}
