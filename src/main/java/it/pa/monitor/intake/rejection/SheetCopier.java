package it.pa.monitor.intake.rejection;

import it.pa.monitor.workbook.PoiCells;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFDrawing;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the cell values of one submitted sheet into the report, row by row, highlighting and commenting
 * the offending cells as they pass: a streamed sheet cannot go back to a row once it is written.
 */
public final class SheetCopier {

    private static final Logger log = LoggerFactory.getLogger(SheetCopier.class);

    static final String COMMENT_AUTHOR = "Controllo monitoraggio";
    private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    private static final int MAX_MERGED_REGIONS = 5_000;

    private final ErrorReportStyles styles;

    SheetCopier(ErrorReportStyles styles) {
        this.styles = styles;
    }

    /**
     * @param offending row index, then column index (ascending), then the messages for that cell
     */
    void copy(Sheet source, SXSSFSheet target, NavigableMap<Integer, NavigableMap<Integer, List<String>>> offending) {
        SXSSFDrawing drawing = offending.isEmpty() ? null : target.createDrawingPatriarch();
        int lastRow = -1;
        int lastColumn = offending.values().stream().mapToInt(NavigableMap::lastKey).max().orElse(-1);
        Iterator<Row> rows = source.rowIterator();
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                int index = row.getRowNum();
                if (index <= lastRow) {
                    // Excel writes rows in order; a file that does not is copied as far as it can be.
                    log.warn("Sheet {}: row {} out of order, skipped in the error report", source.getSheetName(), index + 1);
                    continue;
                }
                // Offending cells in rows that are empty in the file still have to appear, and in order.
                for (var blank : offending.subMap(lastRow, false, index, false).entrySet()) {
                    writeRow(target, drawing, blank.getKey(), null, blank.getValue());
                }
                lastColumn = Math.max(lastColumn, writeRow(target, drawing, index, row, offending.get(index)));
                lastRow = index;
            }
            for (var blank : offending.tailMap(lastRow, false).entrySet()) {
                writeRow(target, drawing, blank.getKey(), null, blank.getValue());
            }
            // While the rows are still open: the streaming reader answers the widths from the parse that read them,
            // where once its rows are closed it parses the whole sheet again to find them.
            copyLayout(source, target, lastColumn);
        } finally {
            if (rows instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        if (!offending.isEmpty()) {
            var first = offending.firstEntry();
            target.setActiveCell(new CellAddress(first.getKey(), first.getValue().firstKey()));
        }
    }

    /** Returns the last column index written. */
    private int writeRow(SXSSFSheet target, SXSSFDrawing drawing, int index, Row source,
                         NavigableMap<Integer, List<String>> offending) {
        Row row = target.createRow(index);
        int lastColumn = -1;
        if (source != null) {
            for (Cell cell : source) {
                int column = cell.getColumnIndex();
                copyCell(cell, row, offending != null && offending.containsKey(column));
                lastColumn = Math.max(lastColumn, column);
            }
        }
        if (offending != null) {
            // Ascending columns: each comment is first placed one column to the right of its cell (see comment()).
            for (Map.Entry<Integer, List<String>> entry : offending.entrySet()) {
                Cell cell = row.getCell(entry.getKey());
                if (cell == null) {
                    cell = row.createCell(entry.getKey());
                    cell.setCellStyle(styles.copied(null, true));
                }
                comment(drawing, cell, entry.getValue());
            }
        }
        return lastColumn;
    }

    private void copyCell(Cell from, Row row, boolean highlighted) {
        try {
            if (PoiCells.lacksCachedValue(from)) {
                // A formula saved without its value: the office sees the formula it has to fix, not a 0.
                text(row, from, "=" + from.getCellFormula(), highlighted);
                return;
            }
            CellType type = from.getCellType();
            if (type == CellType.FORMULA) {
                type = from.getCachedFormulaResultType();
            }
            switch (type) {
                case STRING -> text(row, from, from.getStringCellValue(), highlighted);
                case NUMERIC -> number(row, from, highlighted);
                case BOOLEAN -> {
                    Cell to = row.createCell(from.getColumnIndex());
                    to.setCellValue(from.getBooleanCellValue());
                    style(to, null, highlighted);
                }
                case ERROR -> text(row, from, errorText(from), highlighted);
                default -> {
                    if (highlighted) {
                        style(row.createCell(from.getColumnIndex()), null, true);
                    }
                }
            }
        } catch (RuntimeException e) {
            // One unreadable cell must not cost the office its whole report.
            log.debug("Cell {} of sheet {} not copied", from.getAddress(), from.getSheet().getSheetName(), e);
        }
    }

    private void text(Row row, Cell from, String value, boolean highlighted) {
        Cell to = row.createCell(from.getColumnIndex());
        to.setCellValue(value);
        style(to, null, highlighted);
    }

    private void number(Row row, Cell from, boolean highlighted) {
        Cell to = row.createCell(from.getColumnIndex());
        double value = from.getNumericCellValue();
        String format = from.getCellStyle() == null ? null : from.getCellStyle().getDataFormatString();
        if (value >= 1 && DateUtil.isCellDateFormatted(from)) {
            // Through LocalDateTime, so a file using the 1904 date system keeps its dates.
            LocalDateTime date = from.getLocalDateTimeCellValue();
            to.setCellValue(date);
            to.setCellStyle(styles.copiedDate(!date.toLocalTime().equals(LocalTime.MIDNIGHT), highlighted));
            return;
        }
        // Other numbers (percentages, amounts, times of day) keep the format they had.
        to.setCellValue(value);
        style(to, format, highlighted);
    }

    private void style(Cell cell, String format, boolean highlighted) {
        if (highlighted || format != null && !format.isEmpty() && !format.equalsIgnoreCase("General")) {
            cell.setCellStyle(styles.copied(format, highlighted));
        }
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            // The streaming reader gives a formula's cached error only as text, as "ERROR:  #DIV/0!".
            try {
                String text = cell.getStringCellValue().replaceFirst("^ERROR:\\s*", "");
                return text.isBlank() ? "#ERRORE" : text;
            } catch (RuntimeException again) {
                return "#ERRORE";
            }
        }
    }

    /**
     * POI files a new comment under the top-left cell of its box, and refuses a second comment there;
     * the box starts one column right of the cell (where Excel shows it) and the comment is then moved
     * onto its cell. Cells are handled in ascending order, so the box's cell never has a comment yet.
     */
    private static void comment(SXSSFDrawing drawing, Cell cell, List<String> messages) {
        String text = messages.size() == 1
                ? messages.get(0)
                : messages.stream().map(m -> "• " + m).collect(Collectors.joining("\n"));
        int lines = Math.min(14, messages.stream().mapToInt(m -> 1 + m.length() / 34).sum()) + 1;
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        int boxColumn = column + 4 <= LAST_COLUMN ? column + 1 : column;
        int boxRow = Math.min(row, LAST_ROW - lines);
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, boxColumn, boxRow, boxColumn + 3, boxRow + lines);
        try {
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(new XSSFRichTextString(ReportText.clean(text)));
            comment.setAuthor(COMMENT_AUTHOR);
            comment.setAddress(row, column);
            cell.setCellComment(comment);
        } catch (IllegalArgumentException e) {
            // Only possible at the sheet's right edge; the cell stays highlighted and listed in Errori.
            log.warn("No comment for cell {}: {}", cell.getAddress(), e.getMessage());
        }
    }

    private static void copyLayout(Sheet source, SXSSFSheet target, int lastColumn) {
        try {
            int standard = source.getDefaultColumnWidth() * 256;
            for (int column = 0; column <= lastColumn; column++) {
                int width = source.getColumnWidth(column);
                if (width > 0 && width != standard) {
                    target.setColumnWidth(column, Math.min(width, 255 * 256));
                }
            }
        } catch (RuntimeException e) {
            log.debug("Column widths of sheet {} not copied", source.getSheetName(), e);
        }
        try {
            // Merged regions are known only once the whole sheet has been read.
            List<CellRangeAddress> regions = source.getMergedRegions();
            for (CellRangeAddress region : regions.subList(0, Math.min(regions.size(), MAX_MERGED_REGIONS))) {
                try {
                    target.addMergedRegion(region);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    log.debug("Merged region {} of sheet {} not copied", region, source.getSheetName());
                }
            }
        } catch (RuntimeException e) {
            log.debug("Merged regions of sheet {} not copied", source.getSheetName(), e);
        }
        target.setFitToPage(true);
        target.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        target.getPrintSetup().setLandscape(true);
        target.getPrintSetup().setFitWidth((short) 1);
        target.getPrintSetup().setFitHeight((short) 0);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("Row iterator not closed", e);
        }
    }
}
