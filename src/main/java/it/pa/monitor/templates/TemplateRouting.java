package it.pa.monitor.templates;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which template asks for which indicator (FORMATS.md §2 "Templates"): the units responsible
 * for it or involved in its operational objective; scorecard-only items without a responsible
 * unit to their cruscotto; the rest to {@code ENTE}, so every indicator is in some template.
 */
final class TemplateRouting {

    private TemplateRouting() {
    }

    /** The templates of the plan: units in Struttura order, then cruscotti, then ENTE; none empty. */
    static List<UnitTemplate> route(Plan plan) {
        Map<String, OperationalObjective> operational = new HashMap<>();
        plan.operationalObjectives().forEach(o -> operational.put(o.code(), o));
        Set<String> scorecards = new LinkedHashSet<>();
        plan.scorecards().forEach(s -> scorecards.add(s.code()));

        Map<String, List<Indicator>> byTemplate = new HashMap<>();
        for (Indicator indicator : inPlanOrder(plan)) {
            Set<String> holders = new LinkedHashSet<>();
            if (indicator.responsibleUnitCode() != null) {
                holders.add(indicator.responsibleUnitCode());
            }
            OperationalObjective objective = operational.get(indicator.objectiveCode());
            if (objective != null) {
                holders.addAll(objective.unitCodes());
            }
            if (holders.isEmpty()) {
                holders.add(scorecards.contains(indicator.objectiveCode()) ? indicator.objectiveCode()
                        : UnitTemplate.ENTE);
            }
            holders.forEach(h -> byTemplate.computeIfAbsent(h, k -> new ArrayList<>()).add(indicator));
        }

        List<UnitTemplate> templates = new ArrayList<>();
        for (OrgUnit unit : plan.units()) {
            List<Indicator> rows = byTemplate.get(unit.code());
            if (rows != null) {
                templates.add(new UnitTemplate(unit.code(), unit.name(), rows));
            }
        }
        for (Scorecard scorecard : plan.scorecards()) {
            List<Indicator> rows = byTemplate.get(scorecard.code());
            if (rows != null) {
                templates.add(new UnitTemplate(scorecard.code(), "Cruscotto " + scorecard.code() + " - "
                        + scorecard.dirigente() + (scorecard.role() == null ? "" : " (" + scorecard.role() + ")"), rows));
            }
        }
        List<Indicator> ente = byTemplate.get(UnitTemplate.ENTE);
        if (ente != null) {
            templates.add(new UnitTemplate(UnitTemplate.ENTE, "Indicatori dell'ente senza unità responsabile"
                    + " (li compila l'ufficio pianificazione e controllo)", ente));
        }
        return templates;
    }

    /**
     * Indicators grouped by objective in plan order: strategic objectives, then operational ones,
     * then the cruscotti's own objectives, each group in the order of the Indicatori sheet.
     */
    static List<Indicator> inPlanOrder(Plan plan) {
        Map<String, Integer> rank = new LinkedHashMap<>();
        plan.strategicObjectives().forEach(o -> rank.putIfAbsent(o.code(), rank.size()));
        plan.operationalObjectives().forEach(o -> rank.putIfAbsent(o.code(), rank.size()));
        plan.scorecards().forEach(s -> rank.putIfAbsent(s.code(), rank.size()));
        plan.indicators().forEach(i -> rank.putIfAbsent(i.objectiveCode(), rank.size()));
        return plan.indicators().stream()
                .sorted(Comparator.comparingInt((Indicator i) -> rank.get(i.objectiveCode()))
                        .thenComparingInt(Indicator::rowNo))
                .toList();
    }
}
