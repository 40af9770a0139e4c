package it.pa.monitor.templates;

import com.github.miachm.sods.Color;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.SpreadSheet;
import com.github.miachm.sods.Style;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template, built as an .xlsx workbook, as an OpenDocument spreadsheet (.ods) with SODS:
 * the same sheets, cells (text, numbers, dates, percentages), merged cells, bold and fill colours,
 * column widths and the hidden {@code _meta} sheet. SODS writes neither data validation nor locked
 * and unlocked cells, so the .ods template has no validation and no sheet protection.
 */
final class OdsTemplate {

    /** One character of Excel column width, in millimetres, as LibreOffice shows it (about). */
    private static final double MM_PER_CHARACTER = 2.1;

    private OdsTemplate() {
    }

    static void write(XSSFWorkbook source, Path file) throws IOException {
        SpreadSheet ods = new SpreadSheet();
        for (int i = 0; i < source.getNumberOfSheets(); i++) {
            ods.appendSheet(copy(source.getSheetAt(i), source.isSheetHidden(i)));
        }
        ods.save(file.toFile());
    }

    private static com.github.miachm.sods.Sheet copy(XSSFSheet sheet, boolean hidden) {
        int rows = Math.max(1, sheet.getLastRowNum() + 1);
        int columns = 1;
        for (Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        com.github.miachm.sods.Sheet target = new com.github.miachm.sods.Sheet(sheet.getSheetName(), rows, columns);
        for (Row row : sheet) {
            for (Cell cell : row) {
                Range range = target.getRange(row.getRowNum(), cell.getColumnIndex());
                Object value = value(cell);
                if (value != null) {
                    range.setValue(value);
                }
                range.setStyle(style((XSSFCellStyle) cell.getCellStyle()));
            }
            if (row.getZeroHeight()) {
                target.hideRow(row.getRowNum());
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            target.getRange(region.getFirstRow(), region.getFirstColumn(),
                    region.getLastRow() - region.getFirstRow() + 1,
                    region.getLastColumn() - region.getFirstColumn() + 1).merge();
        }
        for (int c = 0; c < columns; c++) {
            target.setColumnWidth(c, sheet.getColumnWidth(c) / 256.0 * MM_PER_CHARACTER);
        }
        if (hidden) {
            target.hideSheet();
        }
        return target;
    }

    private static Object value(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate();
                }
                String format = cell.getCellStyle().getDataFormatString();
                yield format != null && format.contains("%") ? new OfficePercentage(cell.getNumericCellValue())
                        : (Object) cell.getNumericCellValue();
            }
            default -> null;
        };
    }

    private static Style style(XSSFCellStyle style) {
        Style target = new Style();
        target.setBold(style.getFont().getBold());
        XSSFColor fill = style.getFillForegroundColorColor();
        if (fill != null && fill.getRGB() != null) {
            byte[] rgb = fill.getRGB();
            target.setBackgroundColor(new Color(rgb[0] & 0xFF, rgb[1] & 0xFF, rgb[2] & 0xFF));
        }
        target.setWrap(style.getWrapText());
        return target;
    }
}
