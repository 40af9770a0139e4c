package it.pa.monitor.report.layout;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/** A4 landscape, fit to one page wide, header rows frozen and repeated on every printed page. */
public final class PrintSetup {

    private PrintSetup() {
    }

    /**
     * @param headerRows how many rows from the top are the header (frozen and repeated); 0 for none
     * @param widths     column widths in characters
     */
    public static void apply(Sheet sheet, int headerRows, int... widths) {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
        }
        // One view of the sheet's page setup: POI makes a new one at every call.
        org.apache.poi.ss.usermodel.PrintSetup page = sheet.getPrintSetup();
        page.setLandscape(true);
        page.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        page.setFitWidth((short) 1);
        page.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.getFooter().setCenter("Pagina &P di &N");
        if (headerRows > 0) {
            sheet.createFreezePane(0, headerRows);
            sheet.setRepeatingRows(new CellRangeAddress(headerRows - 1, headerRows - 1, -1, -1));
        }
    }
}
