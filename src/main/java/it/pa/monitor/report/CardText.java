package it.pa.monitor.report;

import it.pa.monitor.plan.CodedLabel;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Italian texts of cards and captions as the Relazione prints them ("OS_3.1 – ... (Peso: 50,00%)")
 * and the print layout they need: row heights for wrapped text, cards kept whole on a page.
 */
final class CardText {

    /** The height of a line of 10-point text. */
    private static final float LINE_POINTS = 12.75f;

    private CardText() {
    }

    /** The title row of a sheet: {@code Obiettivi strategici – <ente> – situazione al 31/12/2022}. */
    static String sheetTitle(String what, ReportData data) {
        return what + " – " + data.plan().ente() + " – situazione al "
                + data.period().referenceDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** A number with two decimals and Italian separators: {@code 1.635,50}. */
    static String number(BigDecimal value) {
        // DecimalFormat is not thread-safe: one per call.
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY)).format(value);
    }

    /** A weight in points as the reports print it: {@code 33,33%}; empty for no weight. */
    static String weight(BigDecimal points) {
        return points == null ? "" : number(points) + "%";
    }

    /** {@code code – description (Peso: 50,00%)}, the weight left out when the plan gives none. */
    static String titled(String code, String description, BigDecimal weight) {
        return joined(code, description, " – ") + (weight == null ? "" : " (Peso: " + weight(weight) + ")");
    }

    /** {@code code<separator>description}, either part may be missing. */
    static String joined(String code, String description, String separator) {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasDescription = description != null && !description.isBlank();
        if (hasCode && hasDescription) {
            return code + separator + description;
        }
        return hasCode ? code : hasDescription ? description : "";
    }

    /**
     * How many lines a wrapped text takes in a column {@code widthChars} wide, wrapping at spaces as
     * Excel does. Column widths count the digits of the default 11-point Calibri (7 px); 10-point
     * text averages 5,5 px a character, so a unit holds about 1,27 characters, bold capitals about 1.
     */
    static int lines(String text, int widthChars, boolean bold) {
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
                    // A word longer than a line starts on a line of its own and is broken at the edge.
                    int wordLines = (word.length() + perLine - 1) / perLine;
                    paragraphLines += (used == 0 ? 0 : 1) + wordLines - 1;
                    used = word.length() - (wordLines - 1) * perLine;
                }
            }
            lines += paragraphLines;
        }
        return lines;
    }

    /** Sets the height of a row to show this many lines of 10-point text; one line keeps the default. */
    static void fitRow(Row row, int lines) {
        if (lines > 1) {
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * LINE_POINTS + 2));
        }
    }

    /**
     * Grows a row to show its wrapped text cells whole. Neither Excel nor LibreOffice recomputes the
     * height of rows in a generated file, so wrapped descriptions would show one cut line.
     */
    static void fitCells(Row row, int[] widths) {
        int lines = 1;
        for (Cell cell : row) {
            int column = cell.getColumnIndex();
            if (column < widths.length && cell.getCellType() == CellType.STRING && cell.getCellStyle().getWrapText()) {
                boolean bold = row.getSheet().getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold();
                lines = Math.max(lines, lines(cell.getStringCellValue(), widths[column], bold));
            }
        }
        fitRow(row, lines);
    }

    /** A missione or programma as {@code 005 - Politiche di sviluppo...}; empty when the plan has none. */
    static String coded(CodedLabel label) {
        return label == null ? "" : joined(label.code(), label.label(), " - ");
    }

    /**
     * Keeps blocks (a card, a scorecard, a PIRA objective) on one printed page when they fit on
     * one: before a block that would run over the page end, a manual page break. The page holds
     * the A4 landscape height, less margins and the repeated title row, enlarged by the scale that
     * fitting the columns to the page width applies.
     */
    static final class KeepTogether {

        private static final double A4_SHORT_SIDE = 595.3;
        private static final double A4_LONG_SIDE = 841.9;

        private final Sheet sheet;
        private final double capacity;
        private double used;
        private int lastRow;

        /** For a sheet whose columns and margins are already set ({@link PrintSetup#apply}). */
        KeepTogether(Sheet sheet, int columns) {
            this.sheet = sheet;
            double pixels = 0;
            for (int c = 0; c < columns; c++) {
                pixels += Math.floor(sheet.getColumnWidth(c) / 256.0 * 7 + 5);
            }
            double sides = (sheet.getMargin(Sheet.LeftMargin) + sheet.getMargin(Sheet.RightMargin)) * 72;
            double scale = Math.min(1, (A4_LONG_SIDE - sides) / (pixels * 0.75));
            double page = A4_SHORT_SIDE - (sheet.getMargin(Sheet.TopMargin) + sheet.getMargin(Sheet.BottomMargin)) * 72;
            // A little short of the page: Excel and LibreOffice round row heights differently.
            this.capacity = 0.95 * page / scale - height(0) - 4;
            this.lastRow = 0;
        }

        /** Rows {@code first..last} form one block; the rows since the previous block go with it. */
        void block(int first, int last) {
            double gap = 0;
            for (int r = lastRow + 1; r < first; r++) {
                gap += height(r);
            }
            double size = 0;
            for (int r = first; r <= last; r++) {
                size += height(r);
            }
            if (used > 0 && used + gap + size > capacity) {
                sheet.setRowBreak(first - 1);
                used = size;
            } else {
                used += gap + size;
            }
            lastRow = last;
        }

        private double height(int index) {
            Row row = sheet.getRow(index);
            return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
    }
}
