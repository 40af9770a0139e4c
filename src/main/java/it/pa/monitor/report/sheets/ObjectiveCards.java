package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.CellComments;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.MergedRegions;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.values.TargetKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes the cards of the "Obiettivi strategici" and "Obiettivi operativi" sheets, top to bottom
 * and row after row (the sheets stream): grey captions with their value across the card, then the
 * table of the objective's indicators
 * ({@code Indicatore | Algoritmo | Target | Consuntivo | Scostamento | % raggiungimento}). Why a
 * result is missing and a pro-rated target are cell comments; on a plan of more than
 * {@link #COMMENTS_MAX} indicators they are written in a {@code Note} column instead, since
 * comments are held whole in memory and each costs more to add than the one before.
 */
public final class ObjectiveCards {

    /** Column widths (characters) of the six table columns: together they fill an A4 landscape page. */
    public static final int[] WIDTHS = {50, 42, 15, 15, 16, 14};
    /** The same with the {@code Note} column. */
    static final int[] WIDTHS_WITH_NOTES = {50, 42, 15, 15, 16, 14, 36};
    /** Plans with more indicators than this get the Note column instead of cell comments. */
    public static final int COMMENTS_MAX = 2_000;

    private static final int RESULT_COLUMN = 5;

    private final Sheet sheet;
    private final ReportData data;
    private final ReportStyles styles;
    private final CellStyle leftPercent;
    private final CellStyle euro;
    private final CellNotes notes;
    private final CardText.KeepTogether pages;
    private final TrafficLights.OnSheet lights;
    private final MergedRegions merges;
    /** The "(Peso: ...)" text per weight: a plan has few distinct weights and formatting one costs a DecimalFormat. */
    private final Map<BigDecimal, String> weightTexts = new HashMap<>();
    private final int[] widths;
    private final WrappedRows.Fitter fitter;
    private final int lastColumn;
    private final boolean noteColumn;
    private int next;
    private int cardStart;

    /** For a sheet already laid out with {@link #WIDTHS} ({@link PrintSetup#apply}): notes as comments. */
    public ObjectiveCards(Sheet sheet, ReportData data, ReportStyles styles, int firstRow) {
        this(sheet, data, styles, firstRow, false);
    }

    /** For a sheet laid out with {@link #widths(boolean)}; {@code noteColumn}: notes in a column of the table. */
    public ObjectiveCards(Sheet sheet, ReportData data, ReportStyles styles, int firstRow, boolean noteColumn) {
        this(sheet, data, styles, firstRow, noteColumn, false);
    }

    /**
     * For a sheet already laid out with {@link #WIDTHS}, notes as comments, the cards' own styles and traffic-light
     * fills made beforehand ({@link Shared#make}): a workbook filled again and again (a unit's after another's) makes
     * them once.
     */
    public ObjectiveCards(Sheet sheet, ReportData data, ReportStyles styles, int firstRow, Shared shared) {
        this(sheet, data, styles, firstRow, false, shared, null);
    }

    /** {@code sharedFills}: every traffic light of the sheet refers to one set of fills ({@link TrafficLights.OnSheet#sharingFills}). */
    private ObjectiveCards(Sheet sheet, ReportData data, ReportStyles styles, int firstRow, boolean noteColumn,
                           boolean sharedFills) {
        this(sheet, data, styles, firstRow, noteColumn, Shared.styles(sheet, styles), sharedFills);
    }

    /** {@code sharedFills}: null when {@code shared} has the fills, otherwise as above. */
    private ObjectiveCards(Sheet sheet, ReportData data, ReportStyles styles, int firstRow, boolean noteColumn,
                           Shared shared, Boolean sharedFills) {
        this.noteColumn = noteColumn;
        this.widths = widths(noteColumn);
        this.fitter = new WrappedRows.Fitter(widths);
        this.lastColumn = widths.length - 1;
        this.sheet = sheet;
        this.data = data;
        this.styles = styles;
        this.next = firstRow;
        this.cardStart = firstRow;
        leftPercent = shared.leftPercent();
        euro = shared.euro();
        notes = noteColumn ? CellNotes.inColumn(lastColumn, styles.wrapped()) : new CellNotes(sheet);
        pages = new CardText.KeepTogether(sheet, widths.length);
        if (sharedFills == null) {
            lights = new TrafficLights.OnSheet(sheet, data.methodology(), shared.fills());
        } else {
            lights = sharedFills ? TrafficLights.OnSheet.sharingFills(sheet, data.methodology())
                    : new TrafficLights.OnSheet(sheet, data.methodology());
        }
        merges = new MergedRegions(sheet);
    }

    /** The cards' own styles (a left-aligned bold percentage, an amount in euro) and traffic-light fills of a workbook. */
    public record Shared(CellStyle leftPercent, CellStyle euro, TrafficLights.Fills fills) {

        /** Made now in {@code sheet}'s workbook, after {@code styles}. */
        public static Shared make(Sheet sheet, ReportStyles styles) {
            Shared made = styles(sheet, styles);
            return new Shared(made.leftPercent(), made.euro(), TrafficLights.Fills.make(sheet));
        }

        /** The two styles only (no fills). */
        private static Shared styles(Sheet sheet, ReportStyles styles) {
            // A percentage in a caption spanning the card reads better next to its label than at the far right.
            CellStyle leftPercent = sheet.getWorkbook().createCellStyle();
            leftPercent.cloneStyleFrom(styles.boldPercent());
            leftPercent.setAlignment(HorizontalAlignment.LEFT);
            CellStyle euro = sheet.getWorkbook().createCellStyle();
            euro.cloneStyleFrom(styles.number());
            euro.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("#,##0.00 \"€\""));
            euro.setAlignment(HorizontalAlignment.LEFT);
            return new Shared(leftPercent, euro, null);
        }
    }

    /**
     * A sheet of cards: laid out, its title written, and {@code empty} below it when there is
     * no card to show (null otherwise). The notes go in a column when the plan is large. The
     * cards' traffic lights share one set of fills (one card per objective would add three each).
     */
    static ObjectiveCards onSheet(Sheet sheet, ReportData data, ReportStyles styles, String empty) {
        boolean noteColumn = data.plan().indicators().size() > COMMENTS_MAX;
        PrintSetup.apply(sheet, 1, widths(noteColumn));
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle(sheet.getSheetName(), data), styles.title());
        if (empty != null) {
            Cells.text(Cells.row(sheet, 2), 0, empty, sheet.getWorkbook().getCellStyleAt(0));
        }
        return new ObjectiveCards(sheet, data, styles, empty == null ? 2 : 4, noteColumn, true);
    }

    /** The card table's column widths, with or without the Note column. */
    static int[] widths(boolean noteColumn) {
        return (noteColumn ? WIDTHS_WITH_NOTES : WIDTHS).clone();
    }

    /** A caption and its text (wrapped across the card). */
    public void caption(String label, String value) {
        Row row = captionRow(label);
        Cells.text(row, 1, value, styles.wrapped());
        spanValue(row, styles.wrapped());
        fitHeight(row, label, value);
    }

    /** A caption and an amount in euro; nothing when the plan gives no amount. */
    void captionEuro(String label, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        Row row = captionRow(label);
        Cells.number(row, 1, amount, euro);
        spanValue(row, euro);
    }

    /** "Risultato misurato obiettivo" with its traffic light, then "Valutazione obiettivo" with the band. */
    public void captionResult(BigDecimal points) {
        captionResult("Risultato misurato obiettivo", "Valutazione obiettivo", points);
    }

    /** A result caption with its traffic light, then the band under {@code bandLabel}. */
    public void captionResult(String resultLabel, String bandLabel, BigDecimal points) {
        Row row = captionRow(resultLabel);
        Cells.percent(row, 1, points, leftPercent);
        spanValue(row, leftPercent);
        lights.apply(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 1));
        Band band = data.methodology().band(points);
        caption(bandLabel, band == null ? "N/D – nessun indicatore valutato" : band.label());
    }

    /** The objective's own indicators, in plan order; a note row instead of an empty table. */
    public void indicatorTable(List<Indicator> indicators) {
        int year = data.plan().year();
        List<String> headers = new ArrayList<>(List.of("Indicatore", "Algoritmo", "Target " + year,
                "Consuntivo " + year, "Scostamento rispetto al target", "% raggiungimento"));
        if (noteColumn) {
            headers.add("Note");
        }
        Cells.headerRow(sheet, next++, headers, styles.header(), widths);
        if (indicators.isEmpty()) {
            caption("Indicatori", "Nessun indicatore assegnato direttamente all'obiettivo");
            return;
        }
        int first = next;
        for (Indicator indicator : indicators) {
            Row row = Cells.row(sheet, next++);
            IndicatorResult result = data.indicator(indicator.key()).orElse(null);
            ReportedValue value = data.values().get(indicator.key());
            Cells.text(row, 0, CardText.joined(indicator.code(), indicator.name(), " – ")
                    + weightTexts.computeIfAbsent(indicator.weight(), CardText::weightSuffix), styles.wrapped());
            Cells.text(row, 1, indicator.algorithm(), styles.wrapped());
            if (noteColumn) {
                Cells.text(row, lastColumn, null, styles.wrapped());
            }
            Cell target = Cells.text(row, 2, indicator.target().raw(), styles.wrapped());
            notes.add(target, proRated(indicator, result));
            Cells.text(row, 3, value == null ? null : value.raw(), styles.wrapped());
            Cells.text(row, 4, result == null ? null : result.deviation(), styles.wrapped());
            Cell achievement = Cells.percent(row, RESULT_COLUMN, result == null ? null : result.achievement(),
                    styles.percent());
            notes.add(achievement, statusNote(result));
            fitter.fit(row);
        }
        lights.apply(new CellRangeAddress(first, next - 1, RESULT_COLUMN, RESULT_COLUMN));
    }

    /**
     * The end of a card: the objective's result and band, its own indicators (from
     * {@code indicators}, by objective code), then {@link #endCard()}.
     */
    void resultAndIndicators(Level level, String code, Map<String, List<Indicator>> indicators) {
        captionResult(data.item(level, code).map(ItemResult::achievement).orElse(null));
        indicatorTable(indicators.getOrDefault(code, List.of()));
        endCard();
    }

    /** Items by code, the first of a repeated code winning (as a search in plan order would find it). */
    static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> byCode = new HashMap<>();
        items.forEach(item -> byCode.putIfAbsent(code.apply(item), item));
        return byCode;
    }

    /**
     * {@code items} grouped under their parents in the parents' order, each group in the items'
     * order; an item whose parent is not listed comes last rather than not at all.
     */
    static <T> List<T> grouped(List<String> parents, List<T> items, Function<T, String> parentOf) {
        Map<String, List<T>> byParent = new HashMap<>();
        items.forEach(item -> byParent.computeIfAbsent(parentOf.apply(item), k -> new ArrayList<>()).add(item));
        List<T> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String parent : parents) {
            if (done.add(parent)) {
                ordered.addAll(byParent.getOrDefault(parent, List.of()));
            }
        }
        items.stream().filter(item -> !done.contains(parentOf.apply(item))).forEach(ordered::add);
        return ordered;
    }

    /** The next free row (below the cards written so far). */
    int nextRow() {
        return next;
    }

    /** Ends a card: kept on one printed page when it fits on one, then a blank row before the next. */
    public void endCard() {
        pages.block(cardStart, next - 1);
        next++;
        cardStart = next;
    }

    /**
     * Why an indicator has no achievement, or that the OIV changed it: the cell stays numeric or
     * empty and the explanation goes into its comment. Null for a plainly computed result.
     */
    public static String statusNote(IndicatorResult result) {
        if (result == null) {
            return "Nessun risultato per il periodo";
        }
        if (result.status() == IndicatorStatus.SCORED) {
            return null;
        }
        String text = result.status() == IndicatorStatus.OVERRIDDEN
                ? "Rettificato dall'OIV" : "Non valutato: " + result.status().label();
        return result.note() == null || result.note().isBlank() ? text : text + " – " + result.note();
    }

    /** For a cumulative indicator at an interim period, the pro-rated target it was measured against. */
    public static String proRated(Indicator indicator, IndicatorResult result) {
        if (result == null || result.effectiveTarget() == null || indicator.target().kind() != TargetKind.NUMERIC
                || result.effectiveTarget().compareTo(indicator.target().value()) == 0) {
            return null;
        }
        String unit = indicator.target().unit() == null ? "" : " " + indicator.target().unit().label();
        return "Target rapportato al periodo: " + ItalianFormat.number(result.effectiveTarget()) + unit;
    }

    private Row captionRow(String label) {
        Row row = Cells.row(sheet, next++);
        Cells.text(row, 0, label, styles.label());
        return row;
    }

    /** Merges the value cell across the card; every covered cell gets the style so the border is whole. */
    private void spanValue(Row row, CellStyle style) {
        for (int c = 2; c <= lastColumn; c++) {
            Cells.text(row, c, null, style);
        }
        merges.add(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, lastColumn));
    }

    /** Excel never grows a row for wrapped text in merged cells, so the height is estimated here. */
    private void fitHeight(Row row, String label, String value) {
        int merged = 0;
        for (int c = 1; c <= lastColumn; c++) {
            merged += widths[c];
        }
        WrappedRows.fit(row, Math.max(WrappedRows.lines(label, widths[0], true), WrappedRows.lines(value, merged, false)));
    }

    /**
     * Notes on cells of one sheet (the explanation of a status, a pro-rated target): comments, or
     * the text of a note column of the cell's row (several notes of a row one per line).
     */
    public static final class CellNotes {

        private static final String AUTHOR = "Monitoraggio performance";

        private final CellComments comments;
        private final int column;
        private final CellStyle style;

        /** Notes as cell comments. */
        public CellNotes(Sheet sheet) {
            this(sheet, -1, null);
        }

        private CellNotes(Sheet sheet, int column, CellStyle style) {
            this.comments = sheet == null ? null : new CellComments(sheet, AUTHOR);
            this.column = column;
            this.style = style;
        }

        /** Notes as text in {@code column} of the noted cell's row. */
        static CellNotes inColumn(int column, CellStyle style) {
            return new CellNotes(null, column, style);
        }

        /** A comment's box starts one column to the right of its cell (where Excel shows it). */
        void add(Cell cell, String text) {
            if (text == null) {
                return;
            }
            if (column >= 0) {
                Cell before = cell.getRow().getCell(column);
                String earlier = before == null || before.getCellType() != CellType.STRING ? ""
                        : before.getStringCellValue();
                Cells.text(cell.getRow(), column, earlier.isEmpty() ? text : earlier + "\n" + text, style);
                return;
            }
            comments.add(cell.getRowIndex(), cell.getColumnIndex(), text, 2 + text.length() / 30);
        }
    }
}
