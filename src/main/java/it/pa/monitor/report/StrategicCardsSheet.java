package it.pa.monitor.report;

import it.pa.monitor.plan.Ambito;
import it.pa.monitor.plan.Indicator;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.StrategicObjective;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Component;

/** "Obiettivi strategici": one card per OS, as in section 3.2 of the Relazione, with its own indicators. */
@Component
public class StrategicCardsSheet implements SheetWriter {

    @Override
    public Mode mode() {
        return Mode.STREAMED;
    }

    @Override
    public String name() {
        return "Obiettivi strategici";
    }

    @Override
    public boolean write(Workbook workbook, ReportData data, ReportStyles styles) {
        Sheet sheet = workbook.createSheet(name());
        PrintSetup.apply(sheet, 1, ObjectiveCards.WIDTHS);
        Cells.text(Cells.row(sheet, 0), 0, CardText.sheetTitle(name(), data), styles.title());
        ObjectiveCards cards = new ObjectiveCards(sheet, data, styles, 2);
        Plan plan = data.plan();
        if (plan.strategicObjectives().isEmpty()) {
            Cells.text(Cells.row(sheet, 2), 0, "Il piano non contiene obiettivi strategici.", workbook.getCellStyleAt(0));
        }
        for (StrategicObjective os : inTreeOrder(plan)) {
            Optional<Ambito> ambito = plan.ambiti().stream().filter(a -> a.code().equals(os.ambitoCode())).findFirst();
            cards.caption("Obiettivo strategico", CardText.titled(os.code(), os.description(), os.weight()));
            cards.caption("Ambito", ambito.map(a -> CardText.joined(a.code(), a.description(), " – "))
                    .orElse(os.ambitoCode()));
            if (os.programma() != null) {
                cards.caption("Programma", CardText.coded(os.programma()));
            }
            cards.captionEuro("Risorse previste", os.plannedResources());
            cards.captionEuro("Risorse utilizzate", os.usedResources());
            cards.captionResult(data.item(Level.OBIETTIVO_STRATEGICO, os.code()).map(ItemResult::achievement)
                    .orElse(null));
            cards.indicatorTable(indicatorsOf(plan, os.code()));
            cards.endCard();
        }
        return true;
    }

    /** The objective's own indicators, in plan order. */
    static List<Indicator> indicatorsOf(Plan plan, String objectiveCode) {
        return plan.indicators().stream().filter(i -> i.objectiveCode().equals(objectiveCode)).toList();
    }

    /** Ambito by ambito as the plan lists them; an OS whose ambito is missing comes last rather than not at all. */
    static List<StrategicObjective> inTreeOrder(Plan plan) {
        List<StrategicObjective> ordered = new ArrayList<>();
        for (Ambito ambito : plan.ambiti()) {
            plan.strategicObjectives().stream().filter(os -> ambito.code().equals(os.ambitoCode()))
                    .forEach(ordered::add);
        }
        plan.strategicObjectives().stream().filter(os -> !ordered.contains(os)).forEach(ordered::add);
        return ordered;
    }
}
