package it.pa.monitor.plan.load;

import it.pa.monitor.workbook.WorkbookCells;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.ItalianFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * A plan sheet read as a table: the header row found in the first rows, then the data rows. The
 * rows are read once, in order, so a streamed workbook never holds more than a few of them.
 */
public record SheetTable(PlanSheet spec, List<SheetRow> rows) {

    /** How far down the header row may be (titles and notes often sit above it). */
    static final int HEADER_SEARCH_ROWS = 30;

    /**
     * Reads the sheet; reports missing columns, or more than {@code maxRows} non-blank data rows,
     * to {@code problems} and then returns empty. {@code rowsRead} hears of every non-blank data row read. Each
     * data row goes to {@code rowsTaken} as it is read, when given, and the table then holds none (its rows are not
     * kept); the rows and their text are taken from {@code budget}, the plan's: the sheet that spends it is refused
     * with the reason, and every later one without (the plan is refused as a whole).
     */
    static Optional<SheetTable> read(PlanSheet spec, Iterator<Row> iterator, WorkbookCells reader, int maxRows,
                                     Consumer<Problem> problems, IntConsumer rowsRead, Consumer<SheetRow> rowsTaken,
                                     PlanBudget budget) {
        if (budget.spent()) {
            return Optional.empty(); // said once, on the sheet that spent it; the plan is rejected
        }
        Map<String, Integer> header = Map.of();
        int headerRow = -1;
        boolean complete = false;
        while (iterator.hasNext()) {
            Row row = iterator.next();
            if (row.getRowNum() >= HEADER_SEARCH_ROWS) {
                break;
            }
            Map<String, Integer> found = headerColumns(spec, row, reader);
            if (found.size() > header.size()) {
                header = found;
                headerRow = row.getRowNum();
            }
            if (spec.columns().stream().filter(Column::required).allMatch(c -> found.containsKey(c.name()))) {
                complete = true;
                break;
            }
        }
        if (!complete) {
            Map<String, Integer> best = header;
            Integer where = headerRow >= 0 ? headerRow + 1 : null;
            spec.columns().stream().filter(Column::required).map(Column::name).filter(name -> !best.containsKey(name))
                    .forEach(column -> problems.accept(Problem.error(spec.sheetName(), where, column,
                            "manca la colonna obbligatoria «" + column + "» nella riga di intestazione")));
            return Optional.empty();
        }
        List<SheetRow> rows = new ArrayList<>();
        Consumer<SheetRow> taking = rowsTaken != null ? rowsTaken : rows::add;
        Map<String, Integer> columns = header;
        Function<Row, DataRow> reading = row -> dataRow(spec, row, columns, reader);
        // Rows parsed on another thread may be read there too, while this one goes on with the rows before them,
        // when the reader may be used on two threads at once.
        RowsParsedAhead ahead = iterator instanceof RowsParsedAhead parsed && reader.safeOnTwoThreads() ? parsed
                : null;
        if (ahead != null) {
            ahead.readAhead(reading);
        }
        int count = 0;
        while (iterator.hasNext()) {
            DataRow read = ahead != null ? ahead.nextRead() : reading.apply(iterator.next());
            read.problems().forEach(problems);
            if (read.row() == null) {
                continue;
            }
            rowsRead.accept(1);
            if (count >= maxRows) {
                problems.accept(tooManyRows(spec, maxRows));
                budget.refuse(); // the plan as a whole: no later sheet read, nothing checked in what was read
                return Optional.empty();
            }
            if (!budget.take(read.row())) {
                problems.accept(overBudget(spec, budget));
                return Optional.empty();
            }
            count++;
            taking.accept(read.row());
        }
        return Optional.of(new SheetTable(spec, List.copyOf(rows)));
    }

    /**
     * A data row read into its cells' values: the row, null when all its cells are blank, and the problems its cells
     * gave (a formula without its value), in the order reading the row reports them.
     */
    record DataRow(SheetRow row, List<Problem> problems) {
    }

    /**
     * The row's non-blank cells under the header's columns (a blank one reads as {@link CellValue#EMPTY}:
     * a large plan holds no empty cells); no row when all of them are blank. A function of the row alone, so that
     * either thread may read it ({@link RowsParsedAhead#readAhead}).
     */
    private static DataRow dataRow(PlanSheet spec, Row row, Map<String, Integer> header, WorkbookCells reader) {
        Map<String, CellValue> cells = new HashMap<>(header.size() * 4 / 3 + 1);
        List<Problem> problems = List.of();
        int rowNo = row.getRowNum() + 1;
        for (Map.Entry<String, Integer> column : header.entrySet()) {
            CellValue value = reader.read(row.getCell(column.getValue()));
            if (value.isUnevaluatedFormula()) {
                if (problems.isEmpty()) {
                    problems = new ArrayList<>();
                }
                problems.add(Problem.error(spec.sheetName(), rowNo, column.getKey(), value.unevaluatedFormulaProblem()));
            }
            if (!value.isBlank()) {
                cells.put(column.getKey(), value);
            }
        }
        // Read-only without a copy: only this row holds the map (SheetRow reads it by column, in no order).
        return new DataRow(cells.isEmpty() ? null : new SheetRow(rowNo, Collections.unmodifiableMap(cells)), problems);
    }

    private static Problem tooManyRows(PlanSheet spec, int maxRows) {
        String limit = ItalianFormat.count(maxRows);
        return Problem.error(spec.sheetName(), null, null, "il foglio «" + spec.sheetName() + "» ha più di "
                + limit + " righe di dati, il massimo che il programma legge in un piano: il piano non è stato"
                + " caricato. Togliere le righe vuote o di prova in fondo al foglio, oppure dividere il piano per"
                + " ente; se il piano è davvero così grande, chiedere di alzare il limite (monitor.plan.max-rows)");
    }

    private static Problem overBudget(PlanSheet spec, PlanBudget budget) {
        boolean rows = budget.rowsSpent();
        String what = rows
                ? "più di " + ItalianFormat.count(budget.maxRows()) + " righe di dati in tutto (tutti i fogli insieme)"
                : "più di " + ItalianFormat.count(budget.maxChars()) + " caratteri di testo";
        String setting = rows ? "monitor.plan.max-total-rows" : "monitor.plan.max-text-chars";
        String shorten = rows ? "Togliere le righe non necessarie (di prova, duplicate)" : "Accorciare i testi più"
                + " lunghi (nomi e algoritmi degli indicatori, descrizioni degli obiettivi) o togliere le righe non"
                + " necessarie (di prova, duplicate)";
        return Problem.error(spec.sheetName(), null, null, budget.fromHeap()
                ? "il piano contiene " + what + ", il massimo consentito dalla memoria assegnata al programma: il"
                + " piano non è stato caricato. " + shorten + "; se il piano è davvero così grande, chiedere a chi"
                + " gestisce il programma di avviarlo con più memoria (java -Xmx…) o di alzare il limite (" + setting
                + ")"
                : "il piano contiene " + what + ", il massimo impostato (" + setting + "): il piano non è stato"
                + " caricato. " + shorten + "; se il piano è davvero così grande, chiedere a chi gestisce il"
                + " programma di alzare il limite");
    }

    /**
     * What a whole plan may hold, taken row by row across its sheets as they are read (one budget per read of a
     * plan): characters of text and data rows. The plan stays in memory for the whole run; the row limit bounds
     * each sheet, this the plan, whose texts and rows only their sums tell the memory of.
     */
    static final class PlanBudget {

        private final long maxChars;
        private final boolean charsFromHeap;
        private final long maxRows;
        private final boolean rowsFromHeap;
        private long chars;
        private long rows;
        private boolean refused;

        /** {@code ...FromHeap}: that part of the budget was worked out from the heap, not configured. */
        PlanBudget(long maxChars, boolean charsFromHeap, long maxRows, boolean rowsFromHeap) {
            if (maxChars < 1 || maxRows < 1) {
                throw new IllegalArgumentException("a plan's budget must be positive: " + maxChars + ", " + maxRows);
            }
            this.maxChars = maxChars;
            this.charsFromHeap = charsFromHeap;
            this.maxRows = maxRows;
            this.rowsFromHeap = rowsFromHeap;
        }

        static PlanBudget unlimited() {
            return new PlanBudget(Long.MAX_VALUE, false, Long.MAX_VALUE, false);
        }

        long maxChars() {
            return maxChars;
        }

        long maxRows() {
            return maxRows;
        }

        /** Whether the part of the budget that is spent was worked out from the heap. */
        boolean fromHeap() {
            return rowsSpent() ? rowsFromHeap : charsFromHeap;
        }

        /** Takes the row and the characters of its cells; false once the plan has gone past the budget. */
        boolean take(SheetRow row) {
            rows++;
            for (CellValue value : row.cells().values()) {
                chars += value.text().length();
            }
            return !spent();
        }

        /** Whether the plan has gone past the budget, in rows or in characters, or was refused. */
        boolean spent() {
            return refused || rowsSpent() || chars > maxChars;
        }

        /** Spends the budget at once: the plan is refused as a whole for another reason (a sheet over its rows). */
        void refuse() {
            refused = true;
        }

        boolean rowsSpent() {
            return rows > maxRows;
        }
    }

    private static Map<String, Integer> headerColumns(PlanSheet spec, Row row, WorkbookCells reader) {
        Map<String, Integer> found = new HashMap<>();
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
