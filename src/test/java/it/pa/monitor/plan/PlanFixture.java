package it.pa.monitor.plan;

import it.pa.monitor.values.ItalianNumberParser;
import it.pa.monitor.plan.load.PlanWorkbook;
import it.pa.monitor.plan.load.PlanWorkbookReader;
import it.pa.monitor.plan.load.SheetRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A plan workbook built from the tab-separated sheets under {@code src/test/resources/plans/<name>/},
 * which were transcribed from the seed reports, with edits for the validation tests.
 * Weights and the year are written as numeric cells (a weight with % as a %-formatted cell), as
 * a planning office would type them; everything else as text.
 */
public final class PlanFixture {

    static final List<String> SHEETS = List.of("Ente", "Metodologia", "Struttura", "Ambiti", "ObiettiviStrategici",
            "ObiettiviOperativi", "Indicatori", "Cruscotti", "Pira", "Storico");

    private final Map<String, List<List<String>>> sheets;
    /** Cells written as formulas, by sheet and then "row:column" (0-based data row, column name). */
    private final Map<String, Map<String, String>> formulas = new LinkedHashMap<>();

    private PlanFixture(Map<String, List<List<String>>> sheets) {
        this.sheets = sheets;
    }

    /** Writes a cell of the n-th data row (0-based) as a formula (without the leading {@code =}). */
    PlanFixture formula(String sheet, int dataRow, String column, String formula) {
        set(sheet, dataRow, column, "formula");
        formulas.computeIfAbsent(sheet, s -> new LinkedHashMap<>()).put((dataRow + 1) + ":" + column, formula);
        return this;
    }

    public static PlanFixture load(String name) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        Path folder = folder(name);
        for (String sheet : SHEETS) {
            Path file = folder.resolve(sheet + ".tsv");
            if (Files.exists(file)) {
                try {
                    List<List<String>> rows = new ArrayList<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            rows.add(new ArrayList<>(Arrays.asList(line.split("\t", -1))));
                        }
                    }
                    sheets.put(sheet, rows);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new PlanFixture(sheets);
    }

    static Path folder(String name) {
        URL url = PlanFixture.class.getResource("/plans/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test plan " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The characters of every cell of a plan workbook's tables, as the plan's budget counts them: read with no
     * budget to speak of and every row kept.
     */
    public static long textOf(Path file) {
        return keptRows(file).flatMap(row -> row.cells().values().stream()).mapToLong(cell -> cell.text().length())
                .sum();
    }

    /** The data rows of a plan workbook's tables together, as the plan's budget counts them. */
    public static long dataRowsOf(Path file) {
        return keptRows(file).count();
    }

    private static Stream<SheetRow> keptRows(Path file) {
        PlanWorkbook tables = new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, Long.MAX_VALUE,
                Long.MAX_VALUE).read(file, problem -> { });
        return tables.tables().values().stream().flatMap(table -> table.rows().stream());
    }

    /** The data rows of a sheet (header excluded), as maps from column name to text. */
    public List<Map<String, String>> rows(String sheet) {
        List<List<String>> table = sheets.get(sheet);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> row : table.subList(1, table.size())) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < table.get(0).size(); i++) {
                map.put(table.get(0).get(i), i < row.size() ? row.get(i) : "");
            }
            rows.add(map);
        }
        return rows;
    }

    /** Sets a cell of the n-th data row (0-based, header excluded). */
    public PlanFixture set(String sheet, int dataRow, String column, String value) {
        List<List<String>> table = sheets.get(sheet);
        int col = table.get(0).indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException(sheet + " has no column " + column);
        }
        List<String> row = table.get(dataRow + 1);
        while (row.size() <= col) {
            row.add("");
        }
        row.set(col, value);
        return this;
    }

    /** The first data row (0-based) whose column holds the value. */
    int indexOf(String sheet, String column, String value) {
        List<Map<String, String>> rows = rows(sheet);
        for (int i = 0; i < rows.size(); i++) {
            if (value.equals(rows.get(i).get(column))) {
                return i;
            }
        }
        throw new IllegalArgumentException(sheet + " has no row with " + column + " = " + value);
    }

    public PlanFixture addRow(String sheet, String... values) {
        sheets.get(sheet).add(new ArrayList<>(Arrays.asList(values)));
        return this;
    }

    /** Adds (or replaces) a sheet: the header row first. */
    PlanFixture sheet(String sheet, List<List<String>> rows) {
        List<List<String>> table = new ArrayList<>();
        rows.forEach(row -> table.add(new ArrayList<>(row)));
        sheets.put(sheet, table);
        return this;
    }

    /** Adds an empty column at the end of a sheet's header. */
    PlanFixture addColumn(String sheet, String column) {
        sheets.get(sheet).get(0).add(column);
        return this;
    }

    PlanFixture removeSheet(String sheet) {
        sheets.remove(sheet);
        return this;
    }

    PlanFixture removeColumn(String sheet, String column) {
        List<List<String>> table = sheets.get(sheet);
        int col = table.get(0).indexOf(column);
        table.forEach(row -> {
            if (row.size() > col) {
                row.remove(col);
            }
        });
        return this;
    }

    public Path writeTo(Path folder, String fileName) {
        Path file = folder.resolve(fileName);
        try (Workbook workbook = toWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public Workbook toWorkbook() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        CellStyle percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        sheets.forEach((name, table) -> {
            Sheet sheet = workbook.createSheet(name);
            List<String> header = table.get(0);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = table.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    String column = c < header.size() ? header.get(c) : "";
                    String formula = formulas.getOrDefault(name, Map.of()).get(r + ":" + column);
                    if (formula != null) {
                        cell.setCellFormula(formula);
                        continue;
                    }
                    Optional<BigDecimal> number = r > 0 && isNumericColumn(name, column, values)
                            ? ItalianNumberParser.parse(value.replace("%", "").strip()) : Optional.empty();
                    if (number.isPresent() && value.contains("%")) {
                        cell.setCellValue(number.get().movePointLeft(2).doubleValue());
                        cell.setCellStyle(percent);
                    } else if (number.isPresent()) {
                        cell.setCellValue(number.get().doubleValue());
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
        });
        return workbook;
    }

    private static boolean isNumericColumn(String sheet, String column, List<String> row) {
        return column.equals("Peso") || (sheet.equals("Ente") && !row.isEmpty() && row.get(0).equals("Anno"));
    }
}
