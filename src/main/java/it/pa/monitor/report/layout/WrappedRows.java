package it.pa.monitor.report.layout;

import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
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
        // Paragraphs at '\n', words at ' ' (trailing spaces ignored), scanned in place: this runs for every cell.
        int lines = 0;
        int start = 0;
        int length = text.length();
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lines += paragraphLines(text, start, end, perLine);
            if (end == length) {
                return lines;
            }
            start = end + 1;
        }
    }

    private static int paragraphLines(String text, int from, int to, int perLine) {
        int last = to;
        while (last > from && text.charAt(last - 1) == ' ') {
            last--;
        }
        int used = 0;
        int paragraphLines = 1;
        int wordStart = from;
        while (wordStart < last) {
            int wordEnd = text.indexOf(' ', wordStart);
            if (wordEnd < 0 || wordEnd > last) {
                wordEnd = last;
            }
            int word = wordEnd - wordStart;
            int needed = used == 0 ? word : used + 1 + word;
            if (needed <= perLine) {
                used = needed;
            } else if (word <= perLine) {
                paragraphLines++;
                used = word;
            } else {
                // A word longer than a line (a file name, a hash) starts a line and is broken at the edge.
                int wordLines = (word + perLine - 1) / perLine;
                paragraphLines += (used == 0 ? 0 : 1) + wordLines - 1;
                used = word - (wordLines - 1) * perLine;
            }
            wordStart = wordEnd + 1;
        }
        return paragraphLines;
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
        new Fitter(widths).fit(row);
    }

    /**
     * {@link #fitCells} for the rows of one sheet: what a cell style says (wrapped? bold font?) is
     * read from the workbook once per style, not once per cell (POI reads it from the styles' XML).
     */
    public static final class Fitter {

        private static final byte UNKNOWN = 0;
        private static final byte PLAIN = 1;
        private static final byte WRAPPED = 2;
        private static final byte WRAPPED_BOLD = 3;

        private final int[] widths;
        private byte[] styles = new byte[64];

        public Fitter(int[] widths) {
            this.widths = widths;
        }

        /** Grows {@code row} to show its wrapped text cells whole. */
        public void fit(Row row) {
            int lines = 1;
            for (Cell cell : row) {
                int column = cell.getColumnIndex();
                if (column < widths.length && cell.getCellType() == CellType.STRING) {
                    CellStyle style = cell.getCellStyle();
                    byte kind = style == null ? PLAIN : kind(row, style);
                    if (kind != PLAIN) {
                        lines = Math.max(lines, lines(Cells.textOf(cell), widths[column],
                                kind == WRAPPED_BOLD));
                    }
                }
            }
            WrappedRows.fit(row, lines);
        }

        private byte kind(Row row, CellStyle style) {
            int index = style.getIndex() & 0xFFFF;
            if (index >= styles.length) {
                styles = java.util.Arrays.copyOf(styles, Math.max(index + 1, styles.length * 2));
            }
            byte kind = styles[index];
            if (kind == UNKNOWN) {
                kind = !style.getWrapText() ? PLAIN
                        : row.getSheet().getWorkbook().getFontAt(style.getFontIndex()).getBold() ? WRAPPED_BOLD
                        : WRAPPED;
                styles[index] = kind;
            }
            return kind;
        }
    }
}
