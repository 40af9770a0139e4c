package it.pa.monitor.intake.rejection;


import it.pa.monitor.problem.Problem;
import java.util.List;
import java.util.Locale;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Fills the {@code Errori} sheet: a title, what to do, then one row per problem (FORMATS.md §5). */
public final class ErrorsSheet {

    static final String NAME = "Errori";
    static final String INSTRUCTION_CELLS = "Correggere le celle evidenziate nel file originale e inviarlo di nuovo.";
    static final String INSTRUCTION_FILE = "Correggere il file originale come indicato qui sotto e inviarlo di nuovo.";
    static final List<String> HEADER = List.of("Foglio", "Cella", "Valore", "Problema");
    /** Row index of the table header: title, instruction, note and a spacer come first. */
    public static final int HEADER_ROW = 4;
    private static final String NONE = "—";
    private static final int[] WIDTHS = {24, 10, 34, 80};
    private static final float LINE_HEIGHT = 15f;
    /** Excel's tallest row. */
    private static final float MAX_ROW_HEIGHT = 409f;
    /** About how many characters fit across the four columns, to size the merged text rows. */
    private static final int CHARACTERS_ACROSS = 140;

    private final ErrorReportStyles styles;

    ErrorsSheet(ErrorReportStyles styles) {
        this.styles = styles;
    }

    /** Said on the report of a rejected .ods: the office gets an .xlsx back and must fix its own file. */
    public static final String OPEN_DOCUMENT_NOTE = "Il file inviato è in formato OpenDocument (.ods): questo rapporto è in"
            + " formato Excel (.xlsx), che LibreOffice apre; le correzioni vanno fatte nel file .ods originale.";

    /** Fills the sheet; {@code count} is how many problems the file has, said in the note above the list. */
    void fill(SXSSFWorkbook workbook, SXSSFSheet sheet, String fileName, List<PlacedProblem> problems, long count,
              boolean cellsHighlighted, boolean openDocument) {
        for (int column = 0; column < WIDTHS.length; column++) {
            sheet.setColumnWidth(column, WIDTHS[column] * 256);
        }
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        text(title, 0, "Errori nel file " + fileName, styles.title);
        textRow(sheet, 1, cellsHighlighted ? INSTRUCTION_CELLS : INSTRUCTION_FILE, styles.instruction);
        textRow(sheet, 2, note(count, cellsHighlighted) + (openDocument ? " " + OPEN_DOCUMENT_NOTE : ""),
                styles.note);

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(20);
        for (int column = 0; column < HEADER.size(); column++) {
            text(header, column, HEADER.get(column), styles.header);
        }
        int index = HEADER_ROW;
        for (PlacedProblem placed : problems) {
            Row row = sheet.createRow(++index);
            Problem problem = placed.problem();
            String link = placed.linkTarget();
            Cell sheetCell = text(row, 0, orNone(problem.sheet()), styles.body);
            String where = cellLabel(placed);
            Cell cellCell = text(row, 1, where, styles.bodyCentered);
            if (link != null && placed.cell() != null) {
                link(workbook, cellCell, link, styles.linkCentered);
            } else if (link != null) {
                link(workbook, sheetCell, link, styles.link);
            }
            // Always text: a value like =SUM(A1), +39..., -5 or @x must reach the office exactly as they typed it.
            String value = problem.raw() == null ? "" : problem.raw();
            String message = ReportText.sentence(problem.message());
            text(row, 2, value, styles.bodyText);
            text(row, 3, message, styles.body);
            int lines = Math.max(lines(where, WIDTHS[1]), Math.max(lines(value, WIDTHS[2]), lines(message, WIDTHS[3])));
            if (lines > 1) {
                row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2));
            }
        }

        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, index, 0, HEADER.size() - 1));
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        if (index > HEADER_ROW) {
            // Values such as 0012 or -5 are text on purpose: no green "number stored as text" marks.
            workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()).addIgnoredErrors(
                    new CellRangeAddress(HEADER_ROW + 1, index, 2, 2), IgnoredErrorType.NUMBER_STORED_AS_TEXT);
        }
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.getFooter().setCenter("Pagina &P di &N");
    }

    private static String note(long count, boolean cellsHighlighted) {
        String found = count == 1 ? "È stato trovato 1 problema."
                : String.format(Locale.ITALY, "Sono stati trovati %,d problemi.", count);
        if (!cellsHighlighted) {
            return found;
        }
        return found + " Nei fogli che seguono le celle da correggere sono evidenziate in giallo e il commento"
                + " della cella descrive il problema; un clic sul riferimento nella colonna «Cella» porta alla cella.";
    }

    /** A sentence across the four columns, wrapped, with room for as many lines as it needs. */
    private void textRow(SXSSFSheet sheet, int index, String value, CellStyle style) {
        Row row = sheet.createRow(index);
        text(row, 0, value, style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, HEADER.size() - 1));
        row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT, lines(value, CHARACTERS_ACROSS) * LINE_HEIGHT + 3));
    }

    /**
     * Lines a wrapped text takes in a column, estimated: a streamed sheet cannot measure its text, and
     * neither Excel nor LibreOffice reliably grows a row to fit wrapped text when opening the file.
     */
    static int lines(String text, int columnWidth) {
        // A column's width counts digits; ordinary text is a little narrower, even wrapped at word ends.
        int perLine = Math.max(1, columnWidth * 11 / 10);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + perLine - 1) / perLine);
        }
        return lines;
    }

    private static Cell text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(ReportText.clean(value));
        cell.setCellStyle(style);
        return cell;
    }

    private static void link(SXSSFWorkbook workbook, Cell cell, String target, CellStyle style) {
        Hyperlink hyperlink = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        hyperlink.setAddress(target);
        cell.setHyperlink(hyperlink);
        cell.setCellStyle(style);
    }

    /**
     * D12 rather than $D$12 or d12: the reference as Excel shows it in the name box; a problem placed by
     * row and column header (a plan's) shows them, such as {@code riga 12, colonna Target}.
     */
    private static String cellLabel(PlacedProblem placed) {
        String given = placed.problem().cell();
        if (placed.cell() == null || given.contains(":")) {
            return orNone(placed.problem().position());
        }
        return placed.cell().formatAsString();
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text.strip();
    }
}
