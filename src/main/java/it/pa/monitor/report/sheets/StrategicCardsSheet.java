package it.pa.monitor.report.sheets;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.CardText;
import it.pa.monitor.report.layout.ReportStyles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.stereotype.Component;

/** "Obiettivi strategici": one card per OS, as in section 3.2 of the Relazione, with its own indicators. */
@Component
public class StrategicCardsSheet extends ReportSheet {

    public StrategicCardsSheet() {
        super("Obiettivi strategici", Mode.STREAMED);
    }

    @Override
    void fill(Sheet sheet, ReportData data, ReportStyles styles) {
        Plan plan = data.plan();
        ObjectiveCards cards = ObjectiveCards.onSheet(sheet, data, styles,
                plan.strategicObjectives().isEmpty() ? "Il piano non contiene obiettivi strategici." : null);
        Map<String, Ambito> ambiti = ObjectiveCards.byCode(plan.ambiti(), Ambito::code);
        Map<String, List<Indicator>> indicators = indicatorsByObjective(plan);
        for (StrategicObjective os : inTreeOrder(plan)) {
            Ambito ambito = ambiti.get(os.ambitoCode());
            cards.caption("Obiettivo strategico", CardText.titled(os.code(), os.description(), os.weight()));
            cards.caption("Ambito", ambito == null ? os.ambitoCode()
                    : CardText.joined(ambito.code(), ambito.description(), " – "));
            if (os.programma() != null) {
                cards.caption("Programma", CardText.coded(os.programma()));
            }
            cards.captionEuro("Risorse previste", os.plannedResources());
            cards.captionEuro("Risorse utilizzate", os.usedResources());
            cards.resultAndIndicators(Level.OBIETTIVO_STRATEGICO, os.code(), indicators);
        }
    }

    /** The indicators of every objective, in plan order: one pass over the plan for a whole sheet of cards. */
    static Map<String, List<Indicator>> indicatorsByObjective(Plan plan) {
        Map<String, List<Indicator>> byObjective = new HashMap<>();
        plan.indicators().forEach(i -> byObjective.computeIfAbsent(i.objectiveCode(), k -> new ArrayList<>()).add(i));
        return byObjective;
    }

    /** The objective's own indicators, in plan order. */
    public static List<Indicator> indicatorsOf(Plan plan, String objectiveCode) {
        return plan.index().indicatorsOf(objectiveCode);
    }

    /** Ambito by ambito as the plan lists them; an OS whose ambito is missing comes last rather than not at all. */
    static List<StrategicObjective> inTreeOrder(Plan plan) {
        return ObjectiveCards.grouped(plan.ambiti().stream().map(Ambito::code).toList(), plan.strategicObjectives(),
                StrategicObjective::ambitoCode);
    }
}
