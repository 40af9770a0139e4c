package it.pa.monitor.report;

import org.apache.poi.ss.usermodel.Row;

/**
 * Row heights for wrapped text in merged cells, which neither Excel nor LibreOffice fit on their
 * own: an estimate on the generous side, since a few points of white space beat a cut line.
 */
final class WrappedRows {

    /** Points per line of 10 pt Calibri (Excel's own height for one line). */
    static final float LINE_POINTS = 12.75f;

    private WrappedRows() {
    }

    /**
     * Characters of 10 pt text per unit of column width (a unit is a digit of the 11 pt default
     * font); measured text runs at about 1,25, kept lower so no line is ever cut.
     */
    private static final double CHARS_PER_UNIT = 1.2;

    /** How many lines {@code text} takes in a column {@code width} units wide. */
    static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int usable = Math.max(1, (int) Math.floor((width - 1) * CHARS_PER_UNIT));
        int lines = 0;
        for (String paragraph : text.split("\\R", -1)) {
            lines += Math.max(1, wrappedLength(paragraph, usable));
        }
        return lines;
    }

    /** Sets the row height to hold {@code lines} lines when more than one is needed. */
    static void fit(Row row, int lines) {
        if (lines > 1) {
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), points(lines)));
        }
    }

    static float points(int lines) {
        return lines * LINE_POINTS + 3; // the cell's top and bottom padding
    }

    /** Greedy word wrap, as the office applications do; a word longer than a line is split. */
    private static int wrappedLength(String paragraph, int width) {
        int lines = 1;
        int used = 0;
        for (String word : paragraph.strip().split("\\s+")) {
            int length = word.length();
            if (used > 0 && used + 1 + length > width) {
                lines++;
                used = 0;
            }
            used += (used > 0 ? 1 : 0) + length;
            while (used > width) {
                lines++;
                used -= width;
            }
        }
        return lines;
    }
}
