package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.UnitType;

/** How many items of each level a plan holds: what the run summary prints. */
public record PlanCounts(int areas, int servizi, int uffici, int esterni, int ambiti, int strategicObjectives,
                         int operationalObjectives, int indicators, int scorecards, int scorecardRows,
                         int piraLinks) {

    static PlanCounts of(Plan plan) {
        return new PlanCounts(
                countUnits(plan, UnitType.AREA),
                countUnits(plan, UnitType.SERVIZIO),
                countUnits(plan, UnitType.UFFICIO),
                countUnits(plan, UnitType.ESTERNO),
                plan.ambiti().size(),
                plan.strategicObjectives().size(),
                plan.operationalObjectives().size(),
                plan.indicators().size(),
                plan.scorecards().size(),
                plan.scorecards().stream().mapToInt(s -> s.rows().size()).sum(),
                plan.pira().size());
    }

    private static int countUnits(Plan plan, UnitType type) {
        return (int) plan.units().stream().filter(u -> u.type() == type).count();
    }
}
