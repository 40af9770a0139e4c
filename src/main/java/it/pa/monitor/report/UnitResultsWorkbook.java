package it.pa.monitor.report;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.Cells;
import it.pa.monitor.report.layout.PrintSetup;
import it.pa.monitor.report.layout.ReportStyles;
import it.pa.monitor.report.layout.WrappedRows;
import it.pa.monitor.report.sheets.ObjectiveCards;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import it.pa.monitor.report.sheets.StrategicCardsSheet;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook that goes back to one unit after a period ({@code Esiti-<unità>-<periodo>.xlsx}): its
 * result and band, a card per objective it takes part in (the Obiettivi operativi cards of the
 * Relazione), the indicators it has not reported yet and the problems found in the files it sent.
 * An area takes part through the units below it.
 */
public final class UnitResultsWorkbook {

    static final String RESULTS = "Esiti";
    static final String MISSING = "Da rilevare";
    static final String WARNINGS = "Avvisi";
    private static final int[] MISSING_WIDTHS = {30, 70, 22, 26};
    private static final int[] WARNING_WIDTHS = {34, 14, 10, 22, 70};

    private UnitResultsWorkbook() {
    }

    static void write(Workbook workbook, ReportData data, OrgUnit unit, List<Problem> issues) {
        write(workbook, data, new UnitLookups(data.plan()), unit, issues);
    }

    /** As {@link #write(Workbook, ReportData, OrgUnit, List)}, with the plan's lookups shared by all the units. */
    static void write(Workbook workbook, ReportData data, UnitLookups lookups, OrgUnit unit, List<Problem> issues) {
        write(workbook, data, lookups, unit, issues, null);
    }

    /** As {@link #write(Workbook, ReportData, UnitLookups, OrgUnit, List)}, the styles copied from {@code template}. */
    static void write(Workbook workbook, ReportData data, UnitLookups lookups, OrgUnit unit, List<Problem> issues,
                      ReportStyles.Template template) {
        fill(layout(workbook, template), data, lookups, unit, issues);
    }

    /**
     * A unit workbook's sheets, laid out (widths, print setup), with its styles and the cards' own styles and fills:
     * the same for every unit, so a workbook filled for one unit after another ({@link RecycledWorkbooks}) is laid
     * out once.
     */
    record Layout(ReportStyles styles, ObjectiveCards.Shared cards, Sheet results, Sheet missing, Sheet warnings) {
    }

    /** Lays out {@code workbook}, new and empty, as a unit workbook; the styles copied from {@code template} when given. */
    static Layout layout(Workbook workbook, ReportStyles.Template template) {
        ReportStyles styles = new ReportStyles(workbook, template);
        Sheet results = workbook.createSheet(RESULTS);
        PrintSetup.apply(results, 1, ObjectiveCards.WIDTHS);
        Sheet missing = workbook.createSheet(MISSING);
        PrintSetup.apply(missing, 3, MISSING_WIDTHS);
        Sheet warnings = workbook.createSheet(WARNINGS);
        PrintSetup.apply(warnings, 3, WARNING_WIDTHS);
        return new Layout(styles, ObjectiveCards.Shared.make(results, styles), results, missing, warnings);
    }

    /** Writes {@code unit}'s results, missing indicators and warnings into a laid-out workbook whose sheets are empty. */
    static void fill(Layout layout, ReportData data, UnitLookups lookups, OrgUnit unit, List<Problem> issues) {
        ReportStyles styles = layout.styles();
        Plan plan = data.plan();
        Set<String> units = lookups.subtree(unit.code());
        List<OperationalObjective> operational = lookups.operationalObjectives(units);
        Set<String> listed = new HashSet<>(operational.stream().map(OperationalObjective::code).toList());
        // Objectives outside those (an OS, a cruscotto's own) where the unit answers for an indicator.
        Set<String> otherCodes = new LinkedHashSet<>();
        lookups.indicatorsAnsweredBy(units).stream().map(Indicator::objectiveCode)
                .filter(code -> !listed.contains(code)).forEach(otherCodes::add);
        List<String> others = new ArrayList<>(otherCodes);

        Sheet sheet = layout.results();
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Esiti dell'unità " + unit.code(), data), styles.title());
        ObjectiveCards cards = new ObjectiveCards(sheet, data, styles, 2, layout.cards());
        cards.caption("Unità organizzativa", CardText.joined(unit.code(), unit.name(), " – "));
        if (unit.head() != null && !unit.head().isBlank()) {
            cards.caption("Responsabile", unit.head());
        }
        cards.captionResult("Risultato dell'unità", "Valutazione dell'unità", result(data, Level.UNITA, unit.code()));
        cards.caption("Obiettivi", operational.isEmpty() && others.isEmpty()
                ? "L'unità non partecipa a obiettivi operativi e non risponde di indicatori del piano."
                : operational.size() + " obiettivi operativi" + (others.isEmpty() ? ""
                : " e " + others.size() + " altri obiettivi con indicatori di cui l'unità è responsabile"));
        cards.endCard();

        List<Indicator> shown = new ArrayList<>();
        for (OperationalObjective oo : operational) {
            cards.caption("Obiettivo operativo", CardText.titled(oo.code(), oo.description(), oo.weight()));
            cards.caption("Unità organizzative coinvolte", OperationalCardsSheet.units(plan, oo));
            cards.captionResult(result(data, Level.OBIETTIVO_OPERATIVO, oo.code()));
            List<Indicator> indicators = StrategicCardsSheet.indicatorsOf(plan, oo.code());
            cards.indicatorTable(indicators);
            shown.addAll(indicators);
            cards.endCard();
        }
        for (String code : others) {
            cards.caption(kind(plan, code), describe(plan, code));
            cards.captionResult(result(data, Level.OBIETTIVO_STRATEGICO, code) != null
                    ? result(data, Level.OBIETTIVO_STRATEGICO, code) : result(data, Level.OBIETTIVO_OPERATIVO, code));
            List<Indicator> indicators = StrategicCardsSheet.indicatorsOf(plan, code).stream()
                    .filter(i -> units.contains(i.responsibleUnitCode())).toList();
            cards.indicatorTable(indicators);
            shown.addAll(indicators);
            cards.endCard();
        }
        missing(layout.missing(), data, styles, shown);
        warnings(layout.warnings(), data, styles, issues);
    }

    /**
     * At most the rows the unit's workbook will hold, worked out before it is written: the indicators of
     * every objective the unit takes part in (whole, as the cards list them), those it answers for
     * elsewhere, and one row per warning. Decides whether it is built in memory or streamed.
     */
    static int rows(ReportData data, UnitLookups lookups, OrgUnit unit, List<Problem> issues) {
        Set<String> units = lookups.subtree(unit.code());
        long rows = lookups.indicatorsAnsweredBy(units).size() + (long) issues.size();
        for (OperationalObjective oo : lookups.operationalObjectives(units)) {
            rows += StrategicCardsSheet.indicatorsOf(data.plan(), oo.code()).size();
        }
        return (int) Math.min(Integer.MAX_VALUE, rows);
    }

    /** The indicators shown that have no value in force for the period and were due. */
    static List<Indicator> notReported(ReportData data, List<Indicator> indicators) {
        return indicators.stream().filter(i -> !data.values().containsKey(i.key()))
                // Not due at this period, or monitoring only (METHOD.md): never "to be reported".
                .filter(i -> !i.monitoringOnly())
                .filter(i -> data.indicator(i.key()).map(r -> r.status() != IndicatorStatus.NOT_DUE).orElse(true))
                .toList();
    }

    private static void missing(Sheet sheet, ReportData data, ReportStyles styles, List<Indicator> shown) {
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Indicatori da rilevare", data), styles.title());
        Cells.header(Cells.row(sheet, 2), List.of("Obiettivo", "Indicatore", "Target", "Stato"), styles.header());
        List<Indicator> missing = notReported(data, shown);
        int next = 3;
        if (missing.isEmpty()) {
            Cells.text(Cells.row(sheet, next), 0, "Tutti gli indicatori dell'unità hanno un valore per il periodo.",
                    styles.text());
        }
        for (Indicator indicator : missing) {
            Row row = Cells.row(sheet, next++);
            Cells.text(row, 0, indicator.objectiveCode(), styles.text());
            Cells.text(row, 1, CardText.joined(indicator.code(), indicator.name(), " – "), styles.wrapped());
            Cells.text(row, 2, indicator.target().raw(), styles.wrapped());
            Cells.text(row, 3, data.indicator(indicator.key()).map(IndicatorResult::status)
                    .map(IndicatorStatus::label).orElse(IndicatorStatus.NOT_REPORTED.label()), styles.text());
            WrappedRows.fitCells(row, MISSING_WIDTHS);
        }
    }

    private static void warnings(Sheet sheet, ReportData data, ReportStyles styles,
                                 List<Problem> issues) {
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle("Avvisi sui file inviati", data), styles.title());
        Cells.header(Cells.row(sheet, 2), List.of("File", "Foglio", "Cella", "Valore", "Problema"), styles.header());
        int next = 3;
        if (issues.isEmpty()) {
            Cells.text(Cells.row(sheet, next), 0, "Nessun avviso sui file inviati dall'unità per il periodo.",
                    styles.text());
        }
        for (Problem issue : issues) {
            Row row = Cells.row(sheet, next++);
            Cells.text(row, 0, issue.file(), styles.wrapped());
            Cells.text(row, 1, issue.sheet(), styles.text());
            Cells.text(row, 2, issue.position(), styles.text());
            Cells.text(row, 3, issue.raw(), styles.wrapped());
            Cells.text(row, 4, issue.message(), styles.wrapped());
            WrappedRows.fitCells(row, WARNING_WIDTHS);
        }
    }

    private static String kind(Plan plan, String code) {
        if (plan.index().strategicObjective(code).isPresent()) {
            return "Obiettivo strategico";
        }
        return plan.index().scorecard(code).isPresent() ? "Obiettivi del cruscotto"
                : "Obiettivo";
    }

    private static String describe(Plan plan, String code) {
        Optional<StrategicObjective> os = plan.index().strategicObjective(code);
        if (os.isPresent()) {
            return CardText.titled(os.get().code(), os.get().description(), os.get().weight());
        }
        return plan.index().scorecard(code)
                .map(Scorecard::dirigente).map(d -> code + " – " + d).orElse(code);
    }

    private static BigDecimal result(ReportData data, Level level, String code) {
        return data.item(level, code).map(ItemResult::achievement).orElse(null);
    }
}
