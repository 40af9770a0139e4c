package it.pa.monitor.report;

import it.pa.monitor.plan.OperationalObjective;
import it.pa.monitor.plan.OrgUnit;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.StrategicObjective;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Component;

/** "Obiettivi operativi": one card per OO/PO, as in section 3.3 of the Relazione, with the units involved. */
@Component
public class OperationalCardsSheet implements SheetWriter {

    @Override
    public Mode mode() {
        return Mode.STREAMED;
    }

    @Override
    public String name() {
        return "Obiettivi operativi";
    }

    @Override
    public boolean write(Workbook workbook, ReportData data, ReportStyles styles) {
        Sheet sheet = workbook.createSheet(name());
        PrintSetup.apply(sheet, 1, ObjectiveCards.WIDTHS);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle(name(), data), styles.title());
        ObjectiveCards cards = new ObjectiveCards(sheet, data, styles, 2);
        Plan plan = data.plan();
        if (plan.operationalObjectives().isEmpty()) {
            Cells.text(Cells.row(sheet, 2), 0, "Il piano non contiene obiettivi operativi.", workbook.getCellStyleAt(0));
        }
        for (OperationalObjective oo : inTreeOrder(plan)) {
            cards.caption("Obiettivo operativo", CardText.titled(oo.code(), oo.description(), oo.weight()));
            cards.caption("Obiettivo strategico", plan.strategicObjectives().stream()
                    .filter(os -> os.code().equals(oo.strategicObjectiveCode())).findFirst()
                    .map(os -> CardText.joined(os.code(), os.description(), " – "))
                    .orElse(oo.strategicObjectiveCode()));
            cards.caption("Unità organizzative coinvolte", units(plan, oo));
            cards.captionResult(data.item(Level.OBIETTIVO_OPERATIVO, oo.code()).map(ItemResult::achievement)
                    .orElse(null));
            cards.indicatorTable(StrategicCardsSheet.indicatorsOf(plan, oo.code()));
            cards.endCard();
        }
        return true;
    }

    /**
     * The names of the units involved; a code the plan does not know stays as typed. Separated by
     * "; " as in the plan, because unit names contain commas ("Servizio Regolazione del Mercato, Tutela...").
     */
    static String units(Plan plan, OperationalObjective oo) {
        return oo.unitCodes().stream()
                .map(code -> plan.units().stream().filter(u -> u.code().equals(code)).findFirst()
                        .map(OrgUnit::name).orElse(code))
                .collect(Collectors.joining("; "));
    }

    /** OS by OS in the order of the Obiettivi strategici sheet; an OO whose OS is missing comes last. */
    static List<OperationalObjective> inTreeOrder(Plan plan) {
        List<OperationalObjective> ordered = new ArrayList<>();
        for (StrategicObjective os : StrategicCardsSheet.inTreeOrder(plan)) {
            plan.operationalObjectives().stream().filter(oo -> os.code().equals(oo.strategicObjectiveCode()))
                    .forEach(ordered::add);
        }
        plan.operationalObjectives().stream().filter(oo -> !ordered.contains(oo)).forEach(ordered::add);
        return ordered;
    }
}
