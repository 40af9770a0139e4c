package it.pa.monitor.templates;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.UnitOfMeasure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A generated template read back with POI, and filled in as an office would. */
final class TemplateSheet {

    /** The table header row, 0-based (row 10 of the sheet). */
    static final int HEADER = 9;

    private TemplateSheet() {
    }

    static XSSFWorkbook open(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column index by header text. */
    static Map<String, Integer> columns(XSSFSheet sheet) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(HEADER)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** The indicator key of every data row, by row index (no repeated codes in the plans used). */
    static Map<Integer, IndicatorKey> rows(XSSFSheet sheet) {
        Map<Integer, IndicatorKey> rows = new LinkedHashMap<>();
        for (int r = HEADER + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(2) != null && !row.getCell(2).getStringCellValue().isBlank()) {
                rows.put(r, new IndicatorKey(row.getCell(0).getStringCellValue(), row.getCell(2).getStringCellValue(),
                        1));
            }
        }
        return rows;
    }

    /** The header block's value (column B) by label (column A). */
    static Map<String, String> headerBlock(XSSFSheet sheet) {
        Map<String, String> block = new HashMap<>();
        for (int r = 0; r < HEADER; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(1) != null) {
                block.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
        }
        return block;
    }

    /** The {@code _meta} pairs. */
    static Map<String, String> meta(XSSFWorkbook workbook) {
        Map<String, String> meta = new HashMap<>();
        for (Row row : workbook.getSheet("_meta")) {
            meta.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
        }
        return meta;
    }

    /**
     * Fills every Consuntivo the values know, typed as Excel stores what an office types: a
     * number as a numeric cell, a percentage as a fraction formatted as %; returns how many.
     */
    static int fill(Path file, Map<IndicatorKey, String> values, String compiledBy) {
        ActualValueParser parser = new ActualValueParser();
        int filled = 0;
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            int actual = columns(sheet).get("Consuntivo");
            CellStyle percent = workbook.createCellStyle();
            percent.cloneStyleFrom(sheet.getRow(HEADER + 1).getCell(actual).getCellStyle());
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            for (Map.Entry<Integer, IndicatorKey> row : rows(sheet).entrySet()) {
                String typed = values.get(row.getValue());
                if (typed == null) {
                    continue;
                }
                Cell cell = sheet.getRow(row.getKey()).getCell(actual);
                ActualValue value = parser.parse(CellValue.text(typed), 2022);
                if (value.number() != null && value.unit() == UnitOfMeasure.PERCENT) {
                    cell.setCellValue(value.number().movePointLeft(2).doubleValue());
                    cell.setCellStyle(percent);
                } else if (value.number() != null) {
                    cell.setCellValue(value.number().doubleValue());
                } else {
                    cell.setCellValue(typed);
                }
                filled++;
            }
            sheet.getRow(6).getCell(1).setCellValue(compiledBy);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return filled;
    }

    static List<Path> list(Path folder) {
        try (var files = Files.list(folder)) {
            return new ArrayList<>(files.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
