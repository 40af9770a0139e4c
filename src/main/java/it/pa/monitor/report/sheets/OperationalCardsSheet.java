package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.UnitIndex;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.ReportStyles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.stereotype.Component;

/** "Obiettivi operativi": one card per OO/PO, as in section 3.3 of the Relazione, with the units involved. */
@Component
public class OperationalCardsSheet extends ReportSheet {

    public OperationalCardsSheet() {
        super("Obiettivi operativi", Mode.STREAMED);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Plan plan = data.plan();
        ObjectiveCards cards = ObjectiveCards.onSheet(sheet, data, styles,
                plan.operationalObjectives().isEmpty() ? "Il piano non contiene obiettivi operativi." : null);
        Map<String, StrategicObjective> strategic = ObjectiveCards.byCode(plan.strategicObjectives(),
                StrategicObjective::code);
        Map<String, OrgUnit> units = ObjectiveCards.byCode(plan.units(), OrgUnit::code);
        Map<String, List<Indicator>> indicators = StrategicCardsSheet.indicatorsByObjective(plan);
        for (OperationalObjective oo : inTreeOrder(plan)) {
            StrategicObjective os = strategic.get(oo.strategicObjectiveCode());
            cards.caption("Obiettivo operativo", CardText.titled(oo.code(), oo.description(), oo.weight()));
            cards.caption("Obiettivo strategico", os == null ? oo.strategicObjectiveCode()
                    : CardText.joined(os.code(), os.description(), " – "));
            cards.caption("Unità organizzative coinvolte", units(units, oo));
            cards.resultAndIndicators(Level.OBIETTIVO_OPERATIVO, oo.code(), indicators);
        }
    }

    /**
     * The names of the units involved; a code the plan does not know stays as typed. Separated by
     * "; " as in the plan, because unit names contain commas ("Servizio Regolazione del Mercato, Tutela...").
     */
    public static String units(Plan plan, OperationalObjective oo) {
        // The plan's index, not a map of all its units per card: a unit's workbook calls this for each of its cards.
        UnitIndex index = plan.index().units();
        return oo.unitCodes().stream().map(code -> {
            Optional<OrgUnit> unit = index.unit(code);
            return unit.isPresent() ? unit.get().name() : code;
        }).collect(Collectors.joining("; "));
    }

    private static String units(Map<String, OrgUnit> byCode, OperationalObjective oo) {
        return oo.unitCodes().stream().map(code -> byCode.containsKey(code) ? byCode.get(code).name() : code)
                .collect(Collectors.joining("; "));
    }


    /** OS by OS in the order of the Obiettivi strategici sheet; an OO whose OS is missing comes last. */
    public static List<OperationalObjective> inTreeOrder(Plan plan) {
        return ObjectiveCards.grouped(StrategicCardsSheet.inTreeOrder(plan).stream().map(StrategicObjective::code)
                .toList(), plan.operationalObjectives(), OperationalObjective::strategicObjectiveCode);
    }
}
