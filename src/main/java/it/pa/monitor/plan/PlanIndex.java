package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan's lookups by code, built once with the {@link Plan}: objectives by code, the children of
 * an ambito or objective, the indicators of an objective or of responsible units (plan order),
 * indicators through the one {@link IndicatorResolver}, units through the {@link UnitIndex}. A code the plan repeats (an
 * error plan loading reports) finds its first row, as a scan of the plan would.
 */
public final class PlanIndex {

    private final Map<String, Ambito> ambiti;
    private final Map<String, StrategicObjective> strategic;
    private final Map<String, OperationalObjective> operational;
    private final Map<String, Scorecard> scorecards;
    private final Map<String, List<StrategicObjective>> strategicByAmbito;
    private final Map<String, List<OperationalObjective>> operationalByStrategic;
    private final Map<String, List<Indicator>> indicatorsByObjective;
    private final List<Indicator> planIndicators;
    /** The positions in the plan of the indicators each unit answers for (its responsible unit). */
    private final Map<String, int[]> positionsByResponsible;
    private final IndicatorResolver indicators;
    private final UnitIndex units;

    PlanIndex(List<OrgUnit> units, List<Ambito> ambiti, List<StrategicObjective> strategic,
              List<OperationalObjective> operational, List<Indicator> indicators, List<Scorecard> scorecards) {
        this.ambiti = byCode(ambiti, Ambito::code);
        this.strategic = byCode(strategic, StrategicObjective::code);
        this.operational = byCode(operational, OperationalObjective::code);
        this.scorecards = byCode(scorecards, Scorecard::code);
        this.strategicByAmbito = grouped(strategic, StrategicObjective::ambitoCode);
        this.operationalByStrategic = grouped(operational, OperationalObjective::strategicObjectiveCode);
        this.indicatorsByObjective = grouped(indicators, Indicator::objectiveCode);
        this.planIndicators = List.copyOf(indicators);
        this.positionsByResponsible = positions(indicators, Indicator::responsibleUnitCode);
        this.indicators = new IndicatorResolver(indicators);
        this.units = new UnitIndex(units, operational);
    }

    public Optional<Ambito> ambito(String code) {
        return Optional.ofNullable(ambiti.get(code));
    }

    public Optional<StrategicObjective> strategicObjective(String code) {
        return Optional.ofNullable(strategic.get(code));
    }

    public Optional<OperationalObjective> operationalObjective(String code) {
        return Optional.ofNullable(operational.get(code));
    }

    public Optional<Scorecard> scorecard(String code) {
        return Optional.ofNullable(scorecards.get(code));
    }

    /** The description of the strategic or, failing that, operational objective with this code. */
    public Optional<String> objectiveDescription(String code) {
        return strategicObjective(code).map(StrategicObjective::description)
                .or(() -> operationalObjective(code).map(OperationalObjective::description));
    }

    /** The strategic objectives of an ambito, in plan order. */
    public List<StrategicObjective> strategicObjectivesOf(String ambitoCode) {
        return strategicByAmbito.getOrDefault(ambitoCode, List.of());
    }

    /** The operational objectives under a strategic objective, in plan order. */
    public List<OperationalObjective> operationalObjectivesOf(String strategicCode) {
        return operationalByStrategic.getOrDefault(strategicCode, List.of());
    }

    /** The indicators measuring an objective (strategic, operational or a scorecard's own), in plan order. */
    public List<Indicator> indicatorsOf(String objectiveCode) {
        return indicatorsByObjective.getOrDefault(objectiveCode, List.of());
    }

    /**
     * The indicators whose responsible unit is one of {@code unitCodes}, in plan order: what a scan of
     * the plan filtered on {@link Indicator#responsibleUnitCode()} gives, without the scan.
     */
    public List<Indicator> indicatorsAnsweredBy(Collection<String> unitCodes) {
        int[] positions = Positions.union(unitCodes, positionsByResponsible);
        List<Indicator> answered = new ArrayList<>(positions.length);
        for (int position : positions) {
            answered.add(planIndicators.get(position));
        }
        return answered;
    }

    /** The indicator with exactly this key. */
    public Optional<Indicator> indicator(IndicatorKey key) {
        return indicators.find(key);
    }

    /** The indicator a scorecard row references, through the resolver; empty for a whole objective or none. */
    public Optional<Indicator> indicatorOf(ScorecardRow row) {
        if (!row.referencesIndicator()) {
            return Optional.empty();
        }
        IndicatorResolver.Resolution resolution = indicators.resolve(row.objectiveCode(), row.indicatorCode(),
                row.occurrence());
        return Optional.ofNullable(resolution.indicator());
    }

    /** The one resolver from (objective, code, occurrence) to an indicator. */
    public IndicatorResolver indicators() {
        return indicators;
    }

    /** Units by code or name, their children and who takes part in what. */
    public UnitIndex units() {
        return units;
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.putIfAbsent(code.apply(item), item));
        return map;
    }

    private static <T> Map<String, int[]> positions(List<T> items, Function<T, String> key) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String code = key.apply(items.get(i));
            if (code != null) {
                lists.computeIfAbsent(code, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> positions = new HashMap<>();
        lists.forEach((code, list) -> positions.put(code, list.stream().mapToInt(Integer::intValue).toArray()));
        return positions;
    }

    private static <T> Map<String, List<T>> grouped(List<T> items, Function<T, String> key) {
        Map<String, List<T>> lists = new HashMap<>();
        items.forEach(item -> lists.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        lists.replaceAll((k, list) -> List.copyOf(list));
        return lists;
    }
}
