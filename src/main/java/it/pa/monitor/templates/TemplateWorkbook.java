package it.pa.monitor.templates;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one template workbook (FORMATS.md §2 "Templates"): {@code Rilevazione} with the header
 * block and one row per indicator, {@code Istruzioni}, and the hidden {@code _meta}.
 */
final class TemplateWorkbook {

    static final String SHEET = "Rilevazione";
    static final String META = "_meta";
    static final String TEMPLATE_VERSION = "1";

    /** Header block rows (0-based) and the table header row. */
    static final int COMPILED_BY_ROW = 6;
    static final int COMPILED_ON_ROW = 7;
    static final int HEADER_ROW = 9;

    private static final String[] LEADING = {"Codice obiettivo", "Obiettivo", "Codice indicatore", "Indicatore",
            "Algoritmo", "Unità di misura", "Peso", "Target"};
    private static final int[] LEADING_WIDTHS = {20, 32, 20, 40, 48, 10, 9, 16};
    /** Characters per line of the wrapped columns, to size the rows (POI does not measure text). */
    private static final int[] WRAP = {0, 1, 3, 4};
    /** Running text fits about 1,2 characters per unit of column width. */
    private static final double CHARS_PER_WIDTH_UNIT = 1.2;
    private static final int MAX_ROW_LINES = 12;

    /** What a template needs besides its rows. */
    record Context(String ente, Period period, String planSha256, Map<String, String> objectiveNames,
                   List<LocalDate> earlierDates, Map<IndicatorKey, Map<LocalDate, String>> earlierValues) {
    }

    private TemplateWorkbook() {
    }

    static void write(Path file, UnitTemplate template, Context context) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TemplateStyles styles = new TemplateStyles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            String reference = ConsuntivoValidation.italian(context.period().referenceDate());
            headerBlock(sheet, styles, template, context, reference);
            int actualColumn = table(sheet, styles, template, context, reference);
            printSetup(sheet, actualColumn + 1);
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.enableLocking();
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.lockSelectLockedCells(false);
            sheet.lockSelectUnlockedCells(false);

            InstructionsSheet.write(workbook, styles, context.ente(), context.period().code(), reference,
                    file.getFileName().toString());
            workbook.getSheet(InstructionsSheet.NAME).enableLocking();
            meta(workbook, template, context);
            workbook.setActiveSheet(0);
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void headerBlock(XSSFSheet sheet, TemplateStyles styles, UnitTemplate template, Context context,
                                    String reference) {
        cell(sheet, 0, 0, "Scheda di rilevazione - monitoraggio della performance", styles.title);
        label(sheet, styles, 2, "Ente", context.ente(), null);
        label(sheet, styles, 3, "Unità organizzativa", template.code(), template.description());
        label(sheet, styles, 4, "Periodo", context.period().code(), null);
        label(sheet, styles, 5, "Data di riferimento", reference, null);
        // No hint beside the two input cells: the reader would take it for their value; the hints are prompts.
        label(sheet, styles, COMPILED_BY_ROW, "Compilato da", null, null);
        label(sheet, styles, COMPILED_ON_ROW, "Data compilazione", null, null);
        sheet.getRow(COMPILED_BY_ROW).getCell(1).setCellStyle(styles.input);
        sheet.getRow(COMPILED_ON_ROW).getCell(1).setCellStyle(styles.inputDate);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation date = helper.createValidation(helper.createDateConstraint(
                        DataValidationConstraint.OperatorType.BETWEEN, "DATE(" + (context.period().year() - 1) + ",1,1)",
                        "DATE(" + (context.period().year() + 2) + ",12,31)", null),
                new CellRangeAddressList(COMPILED_ON_ROW, COMPILED_ON_ROW, 1, 1));
        date.setEmptyCellAllowed(true);
        date.createPromptBox("Data compilazione", "La data in cui la scheda è compilata (gg/mm/aaaa).");
        date.setShowPromptBox(true);
        date.createErrorBox("Data non valida", "Scrivere la data di compilazione, ad esempio "
                + reference + ".");
        date.setShowErrorBox(true);
        sheet.addValidationData(date);
        DataValidation who = helper.createValidation(helper.createCustomConstraint("TRUE"),
                new CellRangeAddressList(COMPILED_BY_ROW, COMPILED_BY_ROW, 1, 1));
        who.createPromptBox("Compilato da", "Nome e cognome di chi compila la scheda.");
        who.setShowPromptBox(true);
        who.setShowErrorBox(false);
        sheet.addValidationData(who);
    }

    private static void label(XSSFSheet sheet, TemplateStyles styles, int row, String label, String value, String note) {
        cell(sheet, row, 0, label, styles.label);
        cell(sheet, row, 1, value, styles.value);
        if (note != null) {
            cell(sheet, row, 2, note, styles.note);
        }
    }

    /** The table; returns the Consuntivo column (0-based). */
    private static int table(XSSFSheet sheet, TemplateStyles styles, UnitTemplate template, Context context,
                             String reference) {
        List<String> headers = new ArrayList<>(List.of(LEADING));
        List<Integer> widths = new ArrayList<>();
        for (int w : LEADING_WIDTHS) {
            widths.add(w);
        }
        for (LocalDate date : context.earlierDates()) {
            headers.add("Consuntivo " + ConsuntivoValidation.italian(date));
            widths.add(14);
        }
        int actualColumn = headers.size();
        headers.add("Consuntivo");
        widths.add(16);
        headers.add("Note");
        widths.add(36);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        for (int c = 0; c < headers.size(); c++) {
            cell(sheet, HEADER_ROW, c, headers.get(c), styles.header);
            sheet.setColumnWidth(c, widths.get(c) * 256);
        }

        int r = HEADER_ROW + 1;
        String previousObjective = null;
        boolean band = true;
        for (Indicator indicator : template.indicators()) {
            if (!indicator.objectiveCode().equals(previousObjective)) {
                band = !band;
                previousObjective = indicator.objectiveCode();
            }
            CellStyle text = band ? styles.textBand : styles.text;
            String[] leading = {indicator.objectiveCode(),
                    context.objectiveNames().getOrDefault(indicator.objectiveCode(), ""), indicator.code(),
                    indicator.name(), indicator.algorithm(), indicator.unit() == null ? null : indicator.unit().label()};
            for (int c = 0; c < leading.length; c++) {
                cell(sheet, r, c, leading[c], text);
            }
            Cell weight = sheet.getRow(r).createCell(6);
            weight.setCellStyle(band ? styles.weightBand : styles.weight);
            if (indicator.weight() != null) {
                weight.setCellValue(indicator.weight().doubleValue());
            }
            cell(sheet, r, 7, indicator.target().raw(), text);
            Map<LocalDate, String> earlier = context.earlierValues().getOrDefault(indicator.key(), Map.of());
            for (int e = 0; e < context.earlierDates().size(); e++) {
                cell(sheet, r, LEADING.length + e, earlier.get(context.earlierDates().get(e)), styles.earlier);
            }
            boolean date = ConsuntivoValidation.kind(indicator) == ConsuntivoValidation.Kind.DATE;
            cell(sheet, r, actualColumn, null, date ? styles.actualDate : styles.actual);
            cell(sheet, r, actualColumn + 1, null, styles.actual);
            ConsuntivoValidation.add(sheet, r, actualColumn, indicator, context.period().year(), reference);
            sheet.getRow(r).setHeightInPoints(14.5f * lines(leading) + 2);
            r++;
        }
        return actualColumn;
    }

    /** The lines the tallest wrapped cell of a row needs. */
    private static int lines(String[] leading) {
        int lines = 1;
        for (int c : WRAP) {
            String text = leading[c] == null ? "" : leading[c];
            int perLine = Math.max(1, (int) (LEADING_WIDTHS[c] * CHARS_PER_WIDTH_UNIT) - 2);
            lines = Math.max(lines, (text.length() + perLine - 1) / perLine);
        }
        return Math.min(lines, MAX_ROW_LINES);
    }

    private static void printSetup(XSSFSheet sheet, int lastColumn) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
        sheet.getFooter().setCenter("Pagina &P di &N");
        sheet.getHeader().setCenter("&A - &F");
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, lastColumn, 0,
                Math.max(sheet.getLastRowNum(), HEADER_ROW));
    }

    /** {@code template_version}, {@code unita}, {@code periodo}, {@code piano_sha256} (FORMATS.md §2), plus context. */
    private static void meta(XSSFWorkbook workbook, UnitTemplate template, Context context) {
        XSSFSheet meta = workbook.createSheet(META);
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("template_version", TEMPLATE_VERSION);
        pairs.put("unita", template.code());
        pairs.put("periodo", context.period().code());
        pairs.put("piano_sha256", context.planSha256());
        pairs.put("ente", context.ente());
        pairs.put("generato_il", Instant.now().toString());
        int r = 0;
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            Row row = meta.createRow(r++);
            row.createCell(0).setCellValue(pair.getKey());
            row.createCell(1).setCellValue(pair.getValue());
        }
        meta.enableLocking();
        workbook.setSheetHidden(workbook.getSheetIndex(meta), true);
    }

    /** Text is always written as text, never as a formula ("= 100,00 %" stays a target). */
    private static void cell(XSSFSheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }
}
