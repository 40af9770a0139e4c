package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.plan.load.SheetTable.DataRow;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.workbook.XlsxSheets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data rows read on the parser's thread ({@link RowsParsedAhead#readAhead}) give a sheet's table exactly as reading
 * them on the caller's: the same rows, the same problems on the same cells in the same order, the same row limit.
 * The caller pauses at its 150th data row until the parser has read Excel row 651 ahead (it reads each block it
 * parses while the caller has blocks queued, and the paused caller has them), so that row is surely read there.
 */
class RowsReadAheadTest {

    /** Excel rows (1-based) whose Peso is a formula saved without its value: one read here, one on the parser's thread. */
    private static final int FORMULA_READ_HERE = 41;
    private static final int FORMULA_READ_AHEAD = 651;
    /** Data rows: the header is on Excel row 3, under a title, and rows 201 and 202 are blank. */
    private static final int DATA_ROWS = 1_200;

    private final ExecutorService parser = Executors.newSingleThreadExecutor();

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        parser.shutdownNow();
    }

    /** An Indicatori sheet: title, blank row, header, then data rows (Peso a number, a formula on two rows). */
    private Path indicatori() throws IOException {
        Path file = folder.resolve("indicatori.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Indicatori");
            sheet.createRow(0).createCell(0).setCellValue("Piano degli indicatori");
            Row header = sheet.createRow(2);
            String[] names = {"Obiettivo", "Codice", "Nome", "Target", "Peso"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            for (int excelRow = 4; excelRow < 4 + DATA_ROWS; excelRow++) {
                if (excelRow == 201 || excelRow == 202) {
                    sheet.createRow(excelRow - 1).createCell(0); // a blank row: no data row
                    continue;
                }
                Row row = sheet.createRow(excelRow - 1);
                row.createCell(0).setCellValue("OO_" + (excelRow % 40));
                row.createCell(1).setCellValue("I" + excelRow);
                row.createCell(2).setCellValue("Indicatore della riga " + excelRow);
                row.createCell(3).setCellValue(">= " + (excelRow % 97) + " %");
                if (excelRow == FORMULA_READ_HERE || excelRow == FORMULA_READ_AHEAD) {
                    row.createCell(4).setCellFormula("100/3"); // POI saves it without a cached value
                } else {
                    row.createCell(4).setCellValue(excelRow % 7 / 4.0);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** A sheet's table and what reading it reported. */
    private record Read(Optional<SheetTable> table, List<SheetRow> taken, List<Problem> problems, int rowsRead,
                        int readAhead) {
    }

    /** Read on this thread alone, as the streaming reader's sheets are. */
    private Read readHere(Path file, int maxRows, boolean keep) throws IOException {
        try (XlsxSheets sheets = XlsxSheets.open(file)) {
            List<Problem> problems = new ArrayList<>();
            List<SheetRow> taken = new ArrayList<>();
            int[] rows = {0};
            Optional<SheetTable> table = SheetTable.read(PlanSheet.INDICATORI, sheets.rows("Indicatori"),
                    sheets.cells(), maxRows, problems::add, n -> rows[0] += n, keep ? null : taken::add,
                    SheetTable.PlanBudget.unlimited());
            return new Read(table, taken, problems, rows[0], 0);
        }
    }

    /**
     * Read with the rows parsed, and partly read, on the parser's thread; the caller pauses at its 150th row until
     * the parser has read Excel row {@link #FORMULA_READ_AHEAD}.
     */
    private Read readAhead(Path file, int maxRows, boolean keep) throws IOException {
        try (XlsxSheets sheets = XlsxSheets.open(file);
             RowsParsedAhead rows = new RowsParsedAhead(sheets.rows("Indicatori"), parser)) {
            List<Problem> problems = new ArrayList<>();
            List<SheetRow> taken = new ArrayList<>();
            int[] count = {0};
            IntConsumer rowsRead = n -> {
                count[0] += n;
                if (count[0] == 150) {
                    awaitRowReadAhead(rows, FORMULA_READ_AHEAD - 1);
                }
            };
            Optional<SheetTable> table = SheetTable.read(PlanSheet.INDICATORI, rows, sheets.cells(), maxRows,
                    problems::add, rowsRead, keep ? null : taken::add, SheetTable.PlanBudget.unlimited());
            assertThat(rows.wasReadAhead(FORMULA_READ_AHEAD - 1)).as("Excel row %d read on the parser's thread",
                    FORMULA_READ_AHEAD).isTrue();
            assertThat(rows.wasReadAhead(FORMULA_READ_HERE - 1)).as("Excel row %d read on the caller's",
                    FORMULA_READ_HERE).isFalse();
            return new Read(table, taken, problems, count[0], rows.rowsReadAhead());
        }
    }

    /** Waits (not a timed assertion: the wait ends as soon as it can) until the parser has read that many rows. */
    private static void awaitReadAhead(RowsParsedAhead rows, int atLeast) {
        awaitUntil(() -> rows.rowsReadAhead() >= atLeast);
    }

    /** Waits until the parser has read the row numbered {@code rowNum} (0-based) ahead. */
    private static void awaitRowReadAhead(RowsParsedAhead rows, int rowNum) {
        awaitUntil(() -> rows.wasReadAhead(rowNum));
    }

    /** Waits until {@code done}, at most a minute; the assertions after the wait say what was not done. */
    private static void awaitUntil(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void rowsReadOnTheParsersThreadGiveTheSameTableAndProblemsOnTheSameCells() throws IOException {
        Path file = indicatori();

        Read here = readHere(file, PlanWorkbookReader.DEFAULT_MAX_ROWS, true);
        Read ahead = readAhead(file, PlanWorkbookReader.DEFAULT_MAX_ROWS, true);

        // While the caller waited with four blocks queued, the parser read the whole block it held.
        assertThat(ahead.readAhead()).isGreaterThanOrEqualTo(RowsParsedAhead.BLOCK_ROWS);
        assertThat(here.table()).isPresent();
        assertThat(here.table().orElseThrow().rows()).hasSize(DATA_ROWS - 2);
        assertThat(ahead.table()).isEqualTo(here.table());
        assertThat(ahead.rowsRead()).isEqualTo(here.rowsRead()).isEqualTo(DATA_ROWS - 2);
        SheetRow second = here.table().orElseThrow().rows().get(1);
        assertThat(second.rowNo()).isEqualTo(5);
        assertThat(second.cell("Peso")).isEqualTo(new CellValue("1,25", new java.math.BigDecimal("1.25"), false, null,
                null)); // 5 % 7 / 4
        // One problem per formula saved without its value, on its own row and column, in row order.
        assertThat(here.problems()).extracting(Problem::sheet, Problem::row, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Indicatori", FORMULA_READ_HERE, "Peso"),
                        org.assertj.core.groups.Tuple.tuple("Indicatori", FORMULA_READ_AHEAD, "Peso"));
        assertThat(here.problems().get(0).message()).contains("«=100/3»").contains("salvata senza il suo valore");
        assertThat(ahead.problems()).containsExactlyElementsOf(here.problems());
    }

    @Test
    void rowsTakenOneByOneComeInTheSameOrder() throws IOException {
        Path file = indicatori();

        Read here = readHere(file, PlanWorkbookReader.DEFAULT_MAX_ROWS, false);
        Read ahead = readAhead(file, PlanWorkbookReader.DEFAULT_MAX_ROWS, false);

        assertThat(ahead.readAhead()).isGreaterThanOrEqualTo(RowsParsedAhead.BLOCK_ROWS);
        assertThat(ahead.table().orElseThrow().rows()).isEmpty();
        assertThat(here.taken()).hasSize(DATA_ROWS - 2);
        assertThat(ahead.taken()).containsExactlyElementsOf(here.taken());
        assertThat(ahead.problems()).containsExactlyElementsOf(here.problems());
    }

    @Test
    void theRowLimitStillRejectsTheSheetAndRowsReadAheadPastItReportNothing() throws IOException {
        Path file = indicatori();

        Read here = readHere(file, 500, false);
        Read ahead = readAhead(file, 500, false);

        // The parser read rows past the 500th (Excel row 651 among them), which the caller never takes.
        assertThat(ahead.readAhead()).isGreaterThanOrEqualTo(RowsParsedAhead.BLOCK_ROWS);
        assertThat(here.table()).isEmpty();
        assertThat(ahead.table()).isEmpty();
        assertThat(here.taken()).hasSize(500);
        assertThat(ahead.taken()).containsExactlyElementsOf(here.taken());
        assertThat(here.problems()).extracting(Problem::row).containsExactly(FORMULA_READ_HERE, null);
        assertThat(here.problems().get(1).message()).contains("ha più di 500 righe di dati");
        assertThat(ahead.problems()).containsExactlyElementsOf(here.problems());
    }

    /** A source of {@code count} rows that fails at {@code failAt}, as a sheet whose XML breaks there. */
    private static Iterator<Row> failingSource(Sheet sheet, int count, int failAt) {
        for (int i = 0; i < count; i++) {
            sheet.createRow(i).createCell(0).setCellValue("r" + i);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == failAt) {
                    throw new IllegalStateException("XML della riga " + (failAt + 1) + " non valido");
                }
                return next < count;
            }

            @Override
            public Row next() {
                return sheet.getRow(next++);
            }
        };
    }

    /** The data row of a one-column sheet: its text, read by whichever thread. */
    private static DataRow firstCell(Row row) {
        return new DataRow(new SheetRow(row.getRowNum() + 1,
                Map.of("Codice", CellValue.text(row.getCell(0).getStringCellValue()))), List.of());
    }

    @Test
    void aParseFailureComesAfterTheRowsBeforeItReadAheadOrNot() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Iterator<Row> source = failingSource(workbook.createSheet(), 1_000, 850);
            List<Integer> rowNos = new ArrayList<>();
            try (RowsParsedAhead rows = new RowsParsedAhead(source, parser)) {
                assertThat(rows.next().getRowNum()).isZero(); // a header row, taken as it is
                rows.readAhead(RowsReadAheadTest::firstCell);
                assertThatThrownBy(() -> {
                    while (rows.hasNext()) {
                        DataRow read = rows.nextRead();
                        rowNos.add(read.row().rowNo());
                        assertThat(read.row().cell("Codice").text()).isEqualTo("r" + (read.row().rowNo() - 1));
                        if (rowNos.size() == 150) {
                            awaitReadAhead(rows, RowsParsedAhead.BLOCK_ROWS);
                        }
                    }
                }).isInstanceOf(IllegalStateException.class).hasMessage("XML della riga 851 non valido");
                assertThat(rows.rowsReadAhead()).isGreaterThanOrEqualTo(RowsParsedAhead.BLOCK_ROWS);
            }
            // Every row before the failure, once each and in order, then the failure.
            assertThat(rowNos).hasSize(849);
            for (int i = 0; i < rowNos.size(); i++) {
                assertThat(rowNos.get(i)).isEqualTo(i + 2);
            }
        }
    }

    @Test
    void aRowWhoseReadingFailsOnTheParsersThreadFailsWhereTheCallerTakesIt() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Iterator<Row> source = failingSource(workbook.createSheet(), 1_000, -1);
            List<String> triedBy = new java.util.concurrent.CopyOnWriteArrayList<>();
            Function<Row, DataRow> reading = row -> {
                if (row.getRowNum() == 650) {
                    triedBy.add(Thread.currentThread().getName());
                    throw new IllegalArgumentException("cella illeggibile alla riga 651");
                }
                return firstCell(row);
            };
            List<Integer> rowNos = new ArrayList<>();
            try (RowsParsedAhead rows = new RowsParsedAhead(source, parser)) {
                rows.readAhead(reading);
                assertThatThrownBy(() -> {
                    while (rows.hasNext()) {
                        rowNos.add(rows.nextRead().row().rowNo());
                        if (rowNos.size() == 150) {
                            // Paused with blocks queued: the parser reads each block it parses, row 651's too.
                            awaitUntil(() -> !triedBy.isEmpty());
                        }
                    }
                }).isInstanceOf(IllegalArgumentException.class).hasMessage("cella illeggibile alla riga 651");
                // The parser tried the row first and left it, failing, to the caller, who met the failure there.
                assertThat(triedBy).hasSize(2).last().isEqualTo(Thread.currentThread().getName());
                assertThat(triedBy.get(0)).isNotEqualTo(Thread.currentThread().getName());
                assertThat(rows.wasReadAhead(649)).isTrue();
                assertThat(rows.wasReadAhead(650)).isFalse();
            }
            assertThat(rowNos).hasSize(650);
            assertThat(rowNos.get(649)).isEqualTo(650);
        }
    }
}
