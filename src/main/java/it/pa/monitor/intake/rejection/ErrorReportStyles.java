package it.pa.monitor.intake.rejection;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.FontUnderline;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The cell styles of one error report. Excel allows about 64,000 styles per workbook, so each look is
 * made once and shared by every cell that needs it; number formats copied from the submitted file are
 * cached the same way.
 */
public final class ErrorReportStyles {

    static final String HIGHLIGHT_FILL = "FFD966";
    static final String HIGHLIGHT_BORDER = "C00000";
    private static final String DARK_BLUE = "1F4E78";
    private static final String GRID_GREY = "BFBFBF";
    private static final String NOTE_GREY = "595959";
    private static final String DATE = "dd/mm/yyyy";
    private static final String DATE_TIME = "dd/mm/yyyy hh:mm";
    /** A submitted file with more distinct number formats than this is copied with General for the rest. */
    private static final int MAX_COPIED_FORMATS = 200;

    private final SXSSFWorkbook workbook;
    private final Map<String, CellStyle> copied = new HashMap<>();
    private final Map<String, CellStyle> copiedHighlighted = new HashMap<>();

    final CellStyle title;
    final CellStyle instruction;
    final CellStyle note;
    final CellStyle header;
    final CellStyle body;
    final CellStyle bodyCentered;
    final CellStyle bodyText;
    final CellStyle link;
    final CellStyle linkCentered;

    ErrorReportStyles(SXSSFWorkbook workbook) {
        this.workbook = workbook;
        title = style(font(14, true, false, DARK_BLUE), false);
        instruction = style(font(11, false, false, null), true);
        note = style(font(10, false, true, NOTE_GREY), true);
        header = bordered(style(font(11, true, false, "FFFFFF"), true));
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        fill(header, DARK_BLUE);
        body = bordered(style(font(11, false, false, null), true));
        // Wrapped for the longer places of plan problems (riga 12, colonna Target); a cell such as D12 fits.
        bodyCentered = bordered(style(font(11, false, false, null), true));
        bodyCentered.setAlignment(HorizontalAlignment.CENTER);
        // Text format, so that editing a value such as 0012 or =1+1 in Excel keeps it as typed.
        bodyText = bordered(style(font(11, false, false, null), true));
        bodyText.setDataFormat(workbook.createDataFormat().getFormat("@"));
        XSSFFont linkFont = font(11, false, false, "0563C1");
        linkFont.setUnderline(FontUnderline.SINGLE);
        link = bordered(style(linkFont, true));
        linkCentered = bordered(style(linkFont, false));
        linkCentered.setAlignment(HorizontalAlignment.CENTER);
    }

    /** The style of a copied value: its number format (empty for General) and whether it is an offending cell. */
    CellStyle copied(String format, boolean highlighted) {
        Map<String, CellStyle> cache = highlighted ? copiedHighlighted : copied;
        String key = format == null || format.equalsIgnoreCase("General") ? "" : format;
        if (!cache.containsKey(key) && cache.size() >= MAX_COPIED_FORMATS) {
            key = "";
        }
        return cache.computeIfAbsent(key, k -> newCopiedStyle(k, highlighted));
    }

    CellStyle copiedDate(boolean withTime, boolean highlighted) {
        return copied(withTime ? DATE_TIME : DATE, highlighted);
    }

    private CellStyle newCopiedStyle(String format, boolean highlighted) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        if (!format.isEmpty()) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        if (highlighted) {
            fill(style, HIGHLIGHT_FILL);
            XSSFColor red = color(HIGHLIGHT_BORDER);
            style.setBorderTop(BorderStyle.MEDIUM);
            style.setBorderBottom(BorderStyle.MEDIUM);
            style.setBorderLeft(BorderStyle.MEDIUM);
            style.setBorderRight(BorderStyle.MEDIUM);
            style.setTopBorderColor(red);
            style.setBottomBorderColor(red);
            style.setLeftBorderColor(red);
            style.setRightBorderColor(red);
        }
        return style;
    }

    private XSSFCellStyle style(XSSFFont font, boolean wrap) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(wrap);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private XSSFFont font(int points, boolean bold, boolean italic, String rgb) {
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setFontHeightInPoints((short) points);
        // Like the workbook's default font, so that where Calibri is missing the same substitute is used.
        font.setFamily(FontFamily.SWISS);
        font.setBold(bold);
        font.setItalic(italic);
        if (rgb != null) {
            font.setColor(color(rgb));
        }
        return font;
    }

    private static XSSFCellStyle bordered(XSSFCellStyle style) {
        XSSFColor grey = color(GRID_GREY);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setTopBorderColor(grey);
        style.setBottomBorderColor(grey);
        style.setLeftBorderColor(grey);
        style.setRightBorderColor(grey);
        return style;
    }

    private static void fill(CellStyle style, String rgb) {
        ((XSSFCellStyle) style).setFillForegroundColor(color(rgb));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static XSSFColor color(String rgb) {
        int value = Integer.parseInt(rgb, 16);
        return new XSSFColor(new byte[] {(byte) (value >> 16), (byte) (value >> 8), (byte) value}, null);
    }
}
