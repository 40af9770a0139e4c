package it.pa.monitor.report.layout;

import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.values.ItalianFormat;
import java.math.BigDecimal;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTPageBreak;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

/**
 * The Italian texts of cards and captions as the Relazione prints them ("OS_3.1 – ... (Peso: 50,00%)")
 * and the print layout they need: row heights for wrapped text, cards kept whole on a page.
 */
public final class CardText {

    private CardText() {
    }

    /** The title row of a sheet: {@code Obiettivi strategici – <ente> – situazione al 31/12/2022}. */
    public static String sheetTitle(String what, ReportData data) {
        return what + " – " + data.plan().ente() + " – situazione al "
                + ItalianFormat.date(data.period().referenceDate());
    }


    /** The period line under a sheet's title: {@code Periodo 2022-S1 – dati al 30/06/2022}. */
    public static String periodLine(ReportData data) {
        return "Periodo " + data.period().code() + " – dati al " + ItalianFormat.date(data.period().referenceDate());
    }

    /** {@code code – description (Peso: 50,00%)}, the weight left out when the plan gives none. */
    public static String titled(String code, String description, BigDecimal weight) {
        return titled(code, description, weight, " – ");
    }

    /** The same with another separator ({@code " - "} on the PIRA sheet, as the budget tables print it). */
    public static String titled(String code, String description, BigDecimal weight, String separator) {
        return joined(code, description, separator) + weightSuffix(weight);
    }

    /** {@code " (Peso: 50,00%)"}, empty without a weight: what {@link #titled} appends. */
    public static String weightSuffix(BigDecimal weight) {
        return weight == null ? "" : " (Peso: " + ItalianFormat.percent(weight) + ")";
    }

    /** {@code code<separator>description}, either part may be missing. */
    public static String joined(String code, String description, String separator) {
        boolean hasCode = code != null && !code.isBlank();
        boolean hasDescription = description != null && !description.isBlank();
        if (hasCode && hasDescription) {
            return code + separator + description;
        }
        return hasCode ? code : hasDescription ? description : "";
    }

    /** A missione or programma as {@code 005 - Politiche di sviluppo...}; empty when the plan has none. */
    public static String coded(CodedLabel label) {
        return label == null ? "" : joined(label.code(), label.label(), " - ");
    }

    /**
     * Keeps blocks (a card, a scorecard, a PIRA objective) on one printed page when they fit on
     * one: before a block that would run over the page end, a manual page break. The page holds
     * the A4 landscape height, less margins and the repeated title row, enlarged by the scale that
     * fitting the columns to the page width applies.
     */
    public static final class KeepTogether {

        private static final double A4_SHORT_SIDE = 595.3;
        private static final double A4_LONG_SIDE = 841.9;

        private final Sheet sheet;
        private final double capacity;
        private double used;
        private int lastRow;
        /** The sheet's manual row breaks once this has added one; POI's own way when the sheet had some already. */
        private CTPageBreak breaks;
        private boolean poiBreaks;

        /** For a sheet whose columns and margins are already set ({@link PrintSetup#apply}). */
        public KeepTogether(Sheet sheet, int columns) {
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
        public void block(int first, int last) {
            double gap = 0;
            for (int r = lastRow + 1; r < first; r++) {
                gap += height(r);
            }
            double size = 0;
            for (int r = first; r <= last; r++) {
                size += height(r);
            }
            if (used > 0 && used + gap + size > capacity) {
                rowBreak(first - 1);
                used = size;
            } else {
                used += gap + size;
            }
            lastRow = last;
        }

        /**
         * A manual break below {@code row}, written as POI's {@code setRowBreak} writes it, without
         * POI's look through every earlier break of the sheet: breaks come here top to bottom, so
         * none repeats.
         */
        private void rowBreak(int row) {
            if (breaks == null && !poiBreaks) {
                CTWorksheet worksheet = Cells.drawingSheet(sheet).getCTWorksheet();
                poiBreaks = worksheet.isSetRowBreaks();
                breaks = poiBreaks ? null : worksheet.addNewRowBreaks();
            }
            if (poiBreaks) {
                sheet.setRowBreak(row);
                return;
            }
            CTBreak line = breaks.addNewBrk();
            line.setId(row + 1L);
            line.setMan(true);
            line.setMax(SpreadsheetVersion.EXCEL2007.getLastColumnIndex());
            long count = breaks.getCount() + 1;
            breaks.setCount(count);
            breaks.setManualBreakCount(count);
        }

        private double height(int index) {
            Row row = sheet.getRow(index);
            return row == null ? sheet.getDefaultRowHeightInPoints() : row.getHeightInPoints();
        }
    }
}
