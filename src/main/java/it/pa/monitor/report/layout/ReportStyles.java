package it.pa.monitor.report.layout;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellBorder;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBorder;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTFill;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTFont;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTXf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        this(workbook, null);
    }

    /**
     * The same styles, given to an XSSF workbook as copies of {@code template}'s (when not null and the workbook's
     * styles table is still new): the same entries at the same indexes as the calls below make, without POI's
     * look-ups of every step among the table's entries by their XML.
     */
    public ReportStyles(Workbook workbook, Template template) {
        CellStyle[] copied = template == null ? null : template.copyInto(workbook);
        if (copied != null) {
            title = copied[0];
            subtitle = copied[1];
            header = copied[2];
            text = copied[3];
            wrapped = copied[4];
            bold = copied[5];
            label = copied[6];
            percent = copied[7];
            boldPercent = copied[8];
            number = copied[9];
            date = copied[10];
            return;
        }
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

    /** The styles in POI's order, as {@link Template} keeps their indexes. */
    private CellStyle[] all() {
        return new CellStyle[] {title, subtitle, header, text, wrapped, bold, label, percent, boldPercent, number, date};
    }

    /**
     * The report's styles made once in a new XSSF workbook (made by the calls of {@link #ReportStyles(Workbook)}), to
     * be copied into the new workbooks of a run: the fonts, fills, borders, formats and cell formats they added to
     * the new table, and the index of each style. Read only once made (its entries are copied, never changed), so
     * shared by threads.
     */
    public static final class Template {

        /**
         * A copy in its own XMLBeans lock: by default a copy shares the template's, which the two writing threads
         * would then contend for at every read of their own workbook's styles.
         */
        private static final XmlOptions OWN_LOCK = new XmlOptions().setCopyUseNewSynchronizationDomain(true);

        private final int baseFonts;
        private final int baseFills;
        private final int baseBorders;
        private final int baseXfs;
        private final int baseStyleXfs;
        private final Map<Short, String> baseFormats;
        private final List<CTFont> fonts = new ArrayList<>();
        private final List<CTFill> fills = new ArrayList<>();
        private final List<CTBorder> borders = new ArrayList<>();
        private final List<CTXf> xfs = new ArrayList<>();
        private final Map<Short, String> formats = new LinkedHashMap<>();
        private final int[] styles;

        private Template() {
            XSSFWorkbook workbook = new XSSFWorkbook();
            StylesTable table = workbook.getStylesSource();
            baseFonts = table.getFonts().size();
            baseFills = table.getFills().size();
            baseBorders = table.getBorders().size();
            baseXfs = table.getNumCellStyles();
            baseStyleXfs = table._getStyleXfsSize();
            baseFormats = new TreeMap<>(table.getNumberFormats());
            CellStyle[] made = new ReportStyles(workbook).all();
            table.getFonts().subList(baseFonts, table.getFonts().size()).forEach(f -> fonts.add(f.getCTFont()));
            table.getFills().subList(baseFills, table.getFills().size()).forEach(f -> fills.add(f.getCTFill()));
            table.getBorders().subList(baseBorders, table.getBorders().size()).forEach(b -> borders.add(b.getCTBorder()));
            for (int i = baseXfs; i < table.getNumCellStyles(); i++) {
                xfs.add(table.getCellXfAt(i));
            }
            new TreeMap<>(table.getNumberFormats()).forEach((id, code) -> {
                if (!baseFormats.containsKey(id)) {
                    formats.put(id, code);
                }
            });
            styles = new int[made.length];
            for (int i = 0; i < made.length; i++) {
                styles[i] = made[i].getIndex() & 0xffff;
            }
        }

        /** Made once, in a workbook of its own. */
        public static Template make() {
            return new Template();
        }

        /** The styles copied into {@code workbook}'s table; null when that table is not as new as the template's was. */
        private CellStyle[] copyInto(Workbook workbook) {
            XSSFWorkbook xssf = workbook instanceof SXSSFWorkbook streamed ? streamed.getXSSFWorkbook()
                    : workbook instanceof XSSFWorkbook own ? own : null;
            if (xssf == null) {
                return null;
            }
            StylesTable table = xssf.getStylesSource();
            if (table.getFonts().size() != baseFonts || table.getFills().size() != baseFills
                    || table.getBorders().size() != baseBorders || table.getNumCellStyles() != baseXfs
                    || table._getStyleXfsSize() != baseStyleXfs || !baseFormats.equals(table.getNumberFormats())) {
                return null;
            }
            for (CTFont font : fonts) {
                new XSSFFont((CTFont) font.copy(OWN_LOCK)).registerTo(table);
            }
            for (CTFill fill : fills) {
                table.putFill(new XSSFCellFill((CTFill) fill.copy(OWN_LOCK), table.getIndexedColors()));
            }
            for (CTBorder border : borders) {
                table.putBorder(new XSSFCellBorder((CTBorder) border.copy(OWN_LOCK), table.getTheme(), table.getIndexedColors()));
            }
            for (Map.Entry<Short, String> format : formats.entrySet()) {
                if (table.putNumberFormat(format.getValue()) != format.getKey()) {
                    throw new IllegalStateException("formato numerico " + format.getValue() + " con un altro indice");
                }
            }
            for (CTXf xf : xfs) {
                table.putCellXf((CTXf) xf.copy(OWN_LOCK));
            }
            if (table.getFonts().size() != baseFonts + fonts.size() || table.getFills().size() != baseFills + fills.size()
                    || table.getBorders().size() != baseBorders + borders.size()) {
                throw new IllegalStateException("stili del modello copiati male");
            }
            CellStyle[] copied = new CellStyle[styles.length];
            for (int i = 0; i < styles.length; i++) {
                copied[i] = workbook.getCellStyleAt(styles[i]);
            }
            return copied;
        }
    }
}
