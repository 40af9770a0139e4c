package it.pa.monitor.report.layout;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The cell styles of the consolidated workbook, created once per workbook (Excel allows a
 * limited number): titles, table headers, text, wrapped descriptions, percentages shown with
 * two decimals (Excel shows the decimal comma of the user's locale), numbers and dates.
 */
public final class ReportStyles {

    private final CellStyle title;
    private final CellStyle subtitle;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle bold;
    private final CellStyle percent;
    private final CellStyle boldPercent;
    private final CellStyle number;
    private final CellStyle date;
    private final CellStyle label;
    /** The border of the first bordered style, given to the others whole (XSSF styles); -1 before it. */
    private long borderId = -1;

    public ReportStyles(Workbook workbook) {
        Font titleFont = font(workbook, true, (short) 14, IndexedColors.DARK_BLUE);
        Font boldFont = font(workbook, true, (short) 10, IndexedColors.BLACK);
        Font headerFont = font(workbook, true, (short) 10, IndexedColors.WHITE);
        Font plainFont = font(workbook, false, (short) 10, IndexedColors.BLACK);

        title = workbook.createCellStyle();
        title.setFont(titleFont);
        subtitle = workbook.createCellStyle();
        subtitle.setFont(font(workbook, true, (short) 11, IndexedColors.DARK_BLUE));

        header = bordered(workbook);
        header.setFont(headerFont);
        header.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);

        text = bordered(workbook);
        text.setFont(plainFont);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = bordered(workbook);
        wrapped.setFont(plainFont);
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        bold = bordered(workbook);
        bold.setFont(boldFont);
        bold.setWrapText(true);
        bold.setVerticalAlignment(VerticalAlignment.TOP);
        label = bordered(workbook);
        label.setFont(boldFont);
        label.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        label.setWrapText(true);
        label.setVerticalAlignment(VerticalAlignment.TOP);

        short percentFormat = workbook.createDataFormat().getFormat("0.00%");
        percent = bordered(workbook);
        percent.setFont(plainFont);
        percent.setDataFormat(percentFormat);
        percent.setVerticalAlignment(VerticalAlignment.TOP);
        boldPercent = bordered(workbook);
        boldPercent.setFont(boldFont);
        boldPercent.setDataFormat(percentFormat);
        boldPercent.setVerticalAlignment(VerticalAlignment.TOP);
        number = bordered(workbook);
        number.setFont(plainFont);
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        number.setVerticalAlignment(VerticalAlignment.TOP);
        date = bordered(workbook);
        date.setFont(plainFont);
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
    }

    public CellStyle title() {
        return title;
    }

    public CellStyle subtitle() {
        return subtitle;
    }

    public CellStyle header() {
        return header;
    }

    public CellStyle text() {
        return text;
    }

    public CellStyle wrapped() {
        return wrapped;
    }

    /** Bold text, e.g. an area's row among its units, or a card's caption. */
    public CellStyle bold() {
        return bold;
    }

    /** A grey caption cell of a card ("Obiettivo strategico", "Risultato misurato obiettivo"). */
    public CellStyle label() {
        return label;
    }

    /** A fraction shown as a percentage with two decimals (0.9933 → 99,33%). */
    public CellStyle percent() {
        return percent;
    }

    public CellStyle boldPercent() {
        return boldPercent;
    }

    public CellStyle number() {
        return number;
    }

    /** A date and time (received at). */
    public CellStyle date() {
        return date;
    }

    private CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        if (style instanceof XSSFCellStyle xssf && borderId >= 0) {
            // The same border the eight calls below end with: POI would look each step up again among the
            // workbook's borders, comparing them as XML text.
            xssf.getCoreXf().setBorderId(borderId);
            xssf.getCoreXf().setApplyBorder(true);
            return style;
        }
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        short grey = IndexedColors.GREY_40_PERCENT.getIndex();
        style.setTopBorderColor(grey);
        style.setBottomBorderColor(grey);
        style.setLeftBorderColor(grey);
        style.setRightBorderColor(grey);
        if (style instanceof XSSFCellStyle xssf) {
            borderId = xssf.getCoreXf().getBorderId();
        }
        return style;
    }

    private static Font font(Workbook workbook, boolean bold, short points, IndexedColors color) {
        Font font = workbook.createFont();
        font.setFontName("Calibri");
        font.setBold(bold);
        font.setFontHeightInPoints(points);
        font.setColor(color.getIndex());
        return font;
    }
}
