package it.pa.monitor.report;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.Positions;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a unit's workbook looks up in the plan, worked out once for all the units of a run: a
 * thousand units must not each walk the unit tree, sort the operational objectives into tree order
 * or scan every indicator of the plan.
 */
final class UnitLookups {

    private final Plan plan;
    /** The operational objectives in the order of the Obiettivi operativi sheet. */
    private final List<OperationalObjective> inTreeOrder;
    /** For each unit code, the positions in {@link #inTreeOrder} of the objectives that list it. */
    private final Map<String, int[]> positionsByUnit;

    UnitLookups(Plan plan) {
        this.plan = plan;
        this.inTreeOrder = OperationalCardsSheet.inTreeOrder(plan);
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int p = 0; p < inTreeOrder.size(); p++) {
            for (String code : inTreeOrder.get(p).unitCodes()) {
                List<Integer> list = lists.computeIfAbsent(code, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != p) {
                    list.add(p);
                }
            }
        }
        positionsByUnit = new HashMap<>();
        lists.forEach((code, list) -> positionsByUnit.put(code, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The unit and every unit below it. */
    Set<String> subtree(String code) {
        Set<String> codes = new LinkedHashSet<>(List.of(code));
        Deque<String> pending = new ArrayDeque<>(codes);
        while (!pending.isEmpty()) {
            for (OrgUnit child : plan.index().units().children(pending.pop())) {
                if (codes.add(child.code())) {
                    pending.add(child.code());
                }
            }
        }
        return codes;
    }

    /** The operational objectives in which one of {@code units} takes part, in tree order. */
    List<OperationalObjective> operationalObjectives(Set<String> units) {
        List<OperationalObjective> objectives = new ArrayList<>();
        for (int position : Positions.union(units, positionsByUnit)) {
            objectives.add(inTreeOrder.get(position));
        }
        return objectives;
    }

    /** The indicators one of {@code units} answers for, in plan order. */
    List<Indicator> indicatorsAnsweredBy(Set<String> units) {
        return plan.index().indicatorsAnsweredBy(units);
    }
}
