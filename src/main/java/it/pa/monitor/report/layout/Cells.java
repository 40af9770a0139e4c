package it.pa.monitor.report.layout;

import it.pa.monitor.report.data.ReportData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Writes cells the one safe way: text from offices always as a string (so {@code =SUM(...)},
 * {@code +39...}, {@code -5} or {@code @x} never become formulas), results as numeric cells.
 */
public final class Cells {

    /** Excel's limit for the text of a cell. */
    private static final int MAX_TEXT = 32_767;

    private Cells() {
    }

    public static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    /** A text cell; null writes an empty styled cell. */
    public static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            String text = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
            if (row.getSheet().getWorkbook() instanceof PlainTexts texts) {
                // A workbook whose cells are plain values: the text filed in its shared strings now, as XSSF files it.
                texts.index(text);
                cell.setCellValue(text);
            } else if (cell instanceof XSSFCell xssf && row.getSheet().getWorkbook() instanceof XSSFWorkbook workbook
                    && workbook.getSharedStringSource() instanceof PlainTexts texts) {
                // What setCellValue(String) leaves in a new cell: a shared string, by index.
                CTCell ct = xssf.getCTCell();
                ct.setT(STCellType.S);
                ct.setV(Integer.toString(texts.index(text)));
            } else {
                cell.setCellValue(text);
            }
        }
        cell.setCellStyle(style);
        return cell;
    }

    /**
     * A text cell's text, read from its workbook's {@link PlainTexts} when it keeps it (no rich-text bean made);
     * as {@link Cell#getStringCellValue()} otherwise.
     */
    public static String textOf(Cell cell) {
        if (cell.getSheet().getWorkbook() instanceof PlainTexts && cell.getCellType() == CellType.STRING) {
            // The text as XSSF reads it back from the shared strings: "_xHHHH_" is the character it escapes.
            String text = cell.getStringCellValue();
            return text.contains("_x") ? new XSSFRichTextString(text).getString() : text;
        }
        if (cell instanceof XSSFCell xssf && cell.getSheet().getWorkbook() instanceof XSSFWorkbook workbook
                && workbook.getSharedStringSource() instanceof PlainTexts texts) {
            CTCell ct = xssf.getCTCell();
            if (ct.getT() == STCellType.S && ct.isSetV()) {
                String text = texts.text(Integer.parseInt(ct.getV()));
                if (text != null) {
                    return text;
                }
            }
        }
        return cell.getStringCellValue();
    }

    /** A table's header row: one styled text cell per column title, from the first column. */
    public static void header(Row row, List<String> titles, CellStyle style) {
        for (int c = 0; c < titles.size(); c++) {
            text(row, c, titles.get(c), style);
        }
    }

    /**
     * A table's header row at {@code index}, its height grown for titles that wrap in
     * {@code widths} (characters); the same for every table of the report.
     */
    public static Row headerRow(Sheet sheet, int index, List<String> titles, CellStyle style, int[] widths) {
        Row row = row(sheet, index);
        header(row, titles, style);
        WrappedRows.fitCells(row, widths);
        return row;
    }

    /**
     * The in-memory sheet behind {@code sheet}, where drawings (charts, comments) live: the sheet
     * itself, or the one a streamed sheet writes its rows into at the end.
     */
    public static XSSFSheet drawingSheet(Sheet sheet) {
        if (sheet instanceof XSSFSheet xssf) {
            return xssf;
        }
        return ((SXSSFWorkbook) sheet.getWorkbook()).getXSSFWorkbook().getSheet(sheet.getSheetName());
    }

    /** A percentage in points (91.58) written as the fraction 0.9158; empty when not computable. */
    public static Cell percent(Row row, int column, BigDecimal points, CellStyle style) {
        Cell cell = row.createCell(column);
        Double fraction = ReportData.fraction(points);
        if (fraction != null) {
            cell.setCellValue(fraction);
        }
        cell.setCellStyle(style);
        return cell;
    }

    /** A plain number (weights in points, amounts); empty when null. */
    public static Cell number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
        return cell;
    }

    /** A date and time in the machine's zone. */
    public static Cell dateTime(Row row, int column, Instant instant, CellStyle style) {
        Cell cell = row.createCell(column);
        if (instant != null) {
            cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
        }
        cell.setCellStyle(style);
        return cell;
    }
}
