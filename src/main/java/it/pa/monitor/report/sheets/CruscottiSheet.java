package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.TrafficLights;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.ObjectiveTarget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/** "Cruscotti": each dirigente's scorecard (section 4 of the Relazione), its total and one row per reference. */
@Component
public class CruscottiSheet extends ReportSheet {

    static final String[] HEADERS = {"PESO", "INDICATORE", "DESCRIZIONE", "ALGORITMO", "TARGET", "CONSUNTIVO",
            "% RAGGIUNGIMENTO", "VALUTAZIONE"};
    public static final int[] WIDTHS = {9, 18, 44, 38, 14, 14, 19, 16};
    private static final int RESULT_COLUMN = 6;

    public CruscottiSheet() {
        super("Cruscotti", Mode.IN_MEMORY);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Workbook workbook = sheet.getWorkbook();
        PrintSetup.apply(sheet, 1, WIDTHS);
        CardText.KeepTogether pages = new CardText.KeepTogether(sheet, WIDTHS.length);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Cruscotti dei dirigenti", data), styles.title());
        ObjectiveCards.CellNotes notes = new ObjectiveCards.CellNotes(sheet);
        int next = 2;
        if (data.plan().scorecards().isEmpty()) {
            Cells.text(Cells.row(sheet, next), 0, "Il piano non assegna cruscotti ai dirigenti.",
                    workbook.getCellStyleAt(0));
        }
        for (Scorecard scorecard : data.plan().scorecards()) {
            int end = scorecard(sheet, next, scorecard, data, styles, notes);
            pages.block(next, end - 1);
            next = end + 1;
        }
    }

    /** Writes one scorecard from row {@code next}; the row after its last (the per-dirigente workbooks reuse it). */
    public static int scorecard(Sheet sheet, int next, Scorecard scorecard, ReportData data, ReportStyles styles,
                                 ObjectiveCards.CellNotes notes) {
        Row title = Cells.row(sheet, next++);
        String name = CardText.joined(scorecard.code(), scorecard.dirigente(), " – ")
                + (scorecard.role() == null || scorecard.role().isBlank() ? "" : " (" + scorecard.role() + ")");
        Cells.text(title, 0, name, styles.label());
        for (int c = 1; c < RESULT_COLUMN; c++) {
            Cells.text(title, c, null, styles.label());
        }
        sheet.addMergedRegionUnsafe(new CellRangeAddress(title.getRowNum(), title.getRowNum(), 0, RESULT_COLUMN - 1));
        BigDecimal total = data.item(Level.CRUSCOTTO, scorecard.code()).map(ItemResult::achievement).orElse(null);
        Cells.percent(title, RESULT_COLUMN, total, styles.boldPercent());
        Cells.text(title, RESULT_COLUMN + 1, band(data, total), styles.bold());
        TrafficLights.apply(sheet, new CellRangeAddress(title.getRowNum(), title.getRowNum(), RESULT_COLUMN,
                RESULT_COLUMN), data.methodology());

        Cells.headerRow(sheet, next++, List.of(HEADERS), styles.header(), WIDTHS);
        int first = next;
        for (ScorecardRow reference : scorecard.rows()) {
            Row row = Cells.row(sheet, next++);
            Cells.percent(row, 0, reference.weight(), styles.percent());
            BigDecimal achievement = reference.referencesIndicator()
                    ? indicatorRow(row, reference, data, styles, notes)
                    : objectiveRow(row, reference, data, styles);
            Cells.text(row, RESULT_COLUMN + 1, band(data, achievement), styles.text());
            WrappedRows.fitCells(row, WIDTHS);
        }
        if (next > first) {
            TrafficLights.apply(sheet, new CellRangeAddress(first, next - 1, RESULT_COLUMN, RESULT_COLUMN),
                    data.methodology());
        }
        return next;
    }

    private static BigDecimal indicatorRow(Row row, ScorecardRow reference, ReportData data, ReportStyles styles,
                                           ObjectiveCards.CellNotes notes) {
        IndicatorKey key = new IndicatorKey(reference.objectiveCode(), reference.indicatorCode(),
                reference.occurrence());
        Optional<Indicator> indicator = data.plan().index().indicatorOf(reference);
        IndicatorResult result = data.indicator(key).orElse(null);
        ReportedValue value = data.values().get(key);
        Cells.text(row, 1, reference.indicatorCode(), styles.wrapped());
        Cells.text(row, 2, indicator.map(Indicator::name).orElse("Indicatore non presente nel piano: "
                + reference.reference()), styles.wrapped());
        Cells.text(row, 3, indicator.map(Indicator::algorithm).orElse(null), styles.wrapped());
        Cell target = Cells.text(row, 4, indicator.map(i -> i.target().raw()).orElse(null), styles.wrapped());
        indicator.ifPresent(i -> notes.add(target, ObjectiveCards.proRated(i, result)));
        Cells.text(row, 5, value == null ? null : value.raw(), styles.wrapped());
        BigDecimal achievement = result == null ? null : result.achievement();
        Cell cell = Cells.percent(row, RESULT_COLUMN, achievement, styles.percent());
        notes.add(cell, ObjectiveCards.statusNote(result));
        return achievement;
    }

    /** A whole objective: its description and result; no algorithm, target or value of its own. */
    private static BigDecimal objectiveRow(Row row, ScorecardRow reference, ReportData data, ReportStyles styles) {
        Plan plan = data.plan();
        String code = reference.objectiveCode();
        Optional<String> description = plan.index().objectiveDescription(code);
        Optional<ItemResult> result = data.item(Level.OBIETTIVO_STRATEGICO, code)
                .or(() -> data.item(Level.OBIETTIVO_OPERATIVO, code));
        Cells.text(row, 1, code, styles.wrapped());
        Cells.text(row, 2, description.orElse("Obiettivo non presente nel piano"), styles.wrapped());
        for (int c = 3; c < RESULT_COLUMN; c++) {
            Cells.text(row, c, null, styles.wrapped());
        }
        BigDecimal objectiveResult = result.map(ItemResult::achievement).orElse(null);
        if (reference.target() != null) {
            // The objective's result is the row's consuntivo, scored against the row's target.
            Cells.text(row, 4, reference.target().raw(), styles.wrapped());
            Cells.percent(row, 5, objectiveResult, styles.percent());
        }
        BigDecimal achievement = ObjectiveTarget.achievement(objectiveResult, reference.target(), data.methodology());
        Cells.percent(row, RESULT_COLUMN, achievement, styles.percent());
        return achievement;
    }

    private static String band(ReportData data, BigDecimal achievement) {
        Band band = data.methodology().band(achievement);
        return band == null ? "N/D" : band.label();
    }
}
