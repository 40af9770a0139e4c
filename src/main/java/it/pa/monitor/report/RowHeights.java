package it.pa.monitor.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;

/**
 * Gives a row with wrapped text the height of its longest cell, estimated from the column widths:
 * LibreOffice does not fit row heights when it opens a file, and a streamed row cannot be fitted
 * later. Rows of one line keep the default height.
 */
final class RowHeights {

    /** Characters of 10-point Calibri text per unit of column width (widths count "0"s of the default font). */
    private static final double CHARS_PER_UNIT = 1.4;
    private static final float DEFAULT_HEIGHT = 15f;

    private RowHeights() {
    }

    /** @param widths the sheet's column widths in characters, as given to {@link PrintSetup#apply} */
    static void fit(Row row, int[] widths) {
        int lines = 1;
        float lineHeight = 12.75f;
        for (Cell cell : row) {
            CellStyle style = cell.getCellStyle();
            int column = cell.getColumnIndex();
            if (style == null || !style.getWrapText() || cell.getCellType() != CellType.STRING
                    || column >= widths.length) {
                continue;
            }
            Font font = row.getSheet().getWorkbook().getFontAt(style.getFontIndex());
            double size = font.getFontHeightInPoints();
            double perLine = widths[column] * CHARS_PER_UNIT * 10 / size * (font.getBold() ? 0.95 : 1) - 1;
            int cellLines = lines(cell.getStringCellValue(), Math.max(1, (int) perLine));
            if (cellLines > lines) {
                lines = cellLines;
                // Excel's own height for a line of Calibri: 12,75 points at 10 points.
                lineHeight = (float) (size * 1.275);
            }
        }
        if (lines > 1) {
            row.setHeightInPoints(Math.max(DEFAULT_HEIGHT, lines * lineHeight + 2));
        }
    }

    /** The lines a text takes when wrapped at word boundaries in {@code width} characters. */
    static int lines(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int length = word.length();
                if (used > 0 && used + 1 + length > width) {
                    lines++;
                    used = 0;
                }
                if (used == 0 && length > width) {
                    // A word longer than the column (a file name, a hash) is broken anywhere.
                    lines += (length - 1) / width;
                    used = length % width == 0 ? width : length % width;
                } else {
                    used += (used == 0 ? 0 : 1) + length;
                }
            }
        }
        return Math.max(1, lines);
    }
}
