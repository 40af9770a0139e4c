package it.pa.monitor.intake.sheet;

import it.pa.monitor.ScriptWrittenFormulas;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A monitoring sheet as an office fills it (FORMATS.md §2): a header block, then the table
 * {@code Codice obiettivo | Codice indicatore | Target | Consuntivo | Note}. A Consuntivo given as
 * a Number is a numeric cell, a {@link Formula} a formula cell with its cached result, anything else text
 * (also text starting with {@code =}, as offices type targets like {@code = 100 %}).
 */
public final class SheetFixture {

    /** A formula cell, e.g. {@code new Formula("1/0")} for {@code #DIV/0!}. */
    public record Formula(String expression) {
    }

    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<Object[]> rows = new ArrayList<>();
    private String sheetName = "Rilevazione";
    private String actualHeader = "Consuntivo";

    public static SheetFixture forUnit(String ente, String unit, String period) {
        SheetFixture fixture = new SheetFixture();
        fixture.header.put("Ente", ente);
        fixture.header.put("Unità organizzativa", unit);
        fixture.header.put("Periodo", period);
        fixture.header.put("Compilato da", "Mario Rossi");
        // Every generated file differs (the ledger knows files by content); copy a file to resend it.
        fixture.header.put("Data compilazione", Long.toString(System.nanoTime()));
        return fixture;
    }

    public SheetFixture header(String label, String value) {
        header.put(label, value);
        return this;
    }

    SheetFixture sheetName(String name) {
        sheetName = name;
        return this;
    }

    SheetFixture actualHeader(String name) {
        actualHeader = name;
        return this;
    }

    /** A row: objective code, indicator code, target as typed, Consuntivo. */
    public SheetFixture row(String objective, String code, String target, Object actual) {
        rows.add(new Object[] {objective, code, target, actual});
        return this;
    }

    public Path writeTo(Path folder, String fileName) {
        return write(folder, fileName, true);
    }

    /** The file as a script (openpyxl) writes it: formulas saved without their values. */
    public Path writeAsScript(Path folder, String fileName) {
        return ScriptWrittenFormulas.dropCachedValues(write(folder, fileName, false));
    }

    private Path write(Path folder, String fileName, boolean evaluate) {
        Path file = folder.resolve(fileName);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet(sheetName);
            int r = 0;
            for (Map.Entry<String, String> entry : header.entrySet()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(entry.getKey());
                row.createCell(1).setCellValue(entry.getValue());
            }
            r++;
            Row head = sheet.createRow(r++);
            String[] titles = {"Codice obiettivo", "Codice indicatore", "Target", actualHeader, "Note"};
            for (int c = 0; c < titles.length; c++) {
                head.createCell(c).setCellValue(titles[c]);
            }
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (values[c] instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (values[c] instanceof Formula formula) {
                        cell.setCellFormula(formula.expression());
                    } else {
                        cell.setCellValue(values[c].toString());
                    }
                }
            }
            if (evaluate) {
                XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
