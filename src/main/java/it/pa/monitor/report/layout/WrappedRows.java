package it.pa.monitor.report.layout;

import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;

/**
 * Row heights for wrapped text, which neither Excel nor LibreOffice recompute for a generated
 * file (wrapped descriptions would show one cut line): an estimate on the generous side, since a
 * few points of white space beat a cut line. The one estimator of the report's sheets.
 */
public final class WrappedRows {

    /** Points per line of 10 pt Calibri (Excel's own height for one line). */
    static final float LINE_POINTS = 12.75f;

    private WrappedRows() {
    }

    /** How many lines plain 10 pt {@code text} takes in a column {@code width} characters wide. */
    public static int lines(String text, int width) {
        return lines(text, width, false);
    }

    /**
     * How many lines a wrapped text takes in a column {@code widthChars} wide, wrapping at spaces as
     * Excel does. Column widths count the digits of the default 11-point Calibri (7 px); 10-point
     * text averages 5,5 px a character, so a unit holds about 1,27 characters, bold capitals about 1.
     */
    public static int lines(String text, int widthChars, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        boolean capitals = bold && text.equals(text.toUpperCase(Locale.ROOT));
        double factor = capitals ? 0.95 : bold ? 1.2 : 1.25;
        int perLine = Math.max(1, (int) (widthChars * factor));
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int used = 0;
            int paragraphLines = 1;
            for (String word : paragraph.split(" ")) {
                int needed = used == 0 ? word.length() : used + 1 + word.length();
                if (needed <= perLine) {
                    used = needed;
                } else if (word.length() <= perLine) {
                    paragraphLines++;
                    used = word.length();
                } else {
                    // A word longer than a line (a file name, a hash) starts a line and is broken at the edge.
                    int wordLines = (word.length() + perLine - 1) / perLine;
                    paragraphLines += (used == 0 ? 0 : 1) + wordLines - 1;
                    used = word.length() - (wordLines - 1) * perLine;
                }
            }
            lines += paragraphLines;
        }
        return lines;
    }

    /** Sets the row height to hold {@code lines} lines when more than one is needed. */
    public static void fit(Row row, int lines) {
        if (lines > 1) {
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), points(lines)));
        }
    }

    public static float points(int lines) {
        return lines * LINE_POINTS + 3; // the cell's top and bottom padding
    }

    /** Grows a row to show its wrapped text cells whole, given the sheet's column widths in characters. */
    public static void fitCells(Row row, int[] widths) {
        int lines = 1;
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            if (column < widths.length && cell.getCellType() == CellType.STRING && cell.getCellStyle() != null
                    && cell.getCellStyle().getWrapText()) {
                boolean bold = row.getSheet().getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold();
                lines = Math.max(lines, lines(cell.getStringCellValue(), widths[column], bold));
            }
        }
        fit(row, lines);
    }
}
