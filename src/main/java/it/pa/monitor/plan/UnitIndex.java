package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's units and operational objectives indexed once per plan (part of its {@link PlanIndex}),
 * so that intake finds a unit and checks an indicator's competence in constant time per row
 * instead of scanning the plan.
 */
public final class UnitIndex {

    private final UnitResolver resolver;
    private final Map<String, OrgUnit> byCode = new HashMap<>();
    private final Map<String, Set<String>> childrenByParent = new HashMap<>();
    private final Map<String, List<OrgUnit>> childUnits = new HashMap<>();
    private final Map<String, List<OperationalObjective>> objectivesByCode = new HashMap<>();

    UnitIndex(List<OrgUnit> units, List<OperationalObjective> operationalObjectives) {
        resolver = new UnitResolver(units);
        for (OrgUnit unit : units) {
            byCode.putIfAbsent(unit.code(), unit);
            if (unit.parentCode() != null) {
                childrenByParent.computeIfAbsent(unit.parentCode(), p -> new HashSet<>()).add(unit.code());
                childUnits.computeIfAbsent(unit.parentCode(), p -> new ArrayList<>()).add(unit);
            }
        }
        for (OperationalObjective objective : operationalObjectives) {
            objectivesByCode.computeIfAbsent(objective.code(), c -> new ArrayList<>()).add(objective);
        }
    }

    /** The plan's index of units, built once with the plan. */
    public static UnitIndex of(Plan plan) {
        return plan.index().units();
    }

    /** The unit with this code or, failing that, this name (case and accents ignored), as {@link Plan#findUnit}. */
    public Optional<OrgUnit> findUnit(String codeOrName) {
        return resolver.resolve(codeOrName).map(byCode::get);
    }

    /**
     * The unit a monitoring sheet or its file name gives, as {@link #findUnit}: the text as written first (a code
     * such as "AREA_1" wins over a unit named "Area 1", as a code wins over a name), then with the underscores a
     * file name has for spaces read as spaces (a code such as "UFF 01" written "UFF_01").
     */
    public Optional<OrgUnit> findUnitAsWritten(String text) {
        return findUnit(text).or(() -> findUnit(text.replace('_', ' ')));
    }

    /**
     * Why {@link #findUnitAsWritten} finds no unit, as {@link #unresolved}: a name several units share is said to be
     * so whether it was written with spaces or with underscores.
     */
    public String unresolvedAsWritten(String text, String otherwise) {
        String spaced = text.replace('_', ' ');
        return unresolved(sameName(spaced).isEmpty() ? text : spaced, otherwise);
    }

    /**
     * Why {@code codeOrName} finds no unit, in Italian: the units whose name it is when there are several (only
     * their code can say which one is meant), {@code otherwise} when there is none.
     */
    public String unresolved(String codeOrName, String otherwise) {
        return resolver.unresolved(codeOrName, otherwise);
    }

    /** The codes of the units whose name is {@code name} when there are two or more, else none. */
    public List<String> sameName(String name) {
        return resolver.sameName(name);
    }

    /** The unit with exactly this code. */
    public Optional<OrgUnit> unit(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The units whose parent is this unit, in plan order. */
    public List<OrgUnit> children(String unitCode) {
        return childUnits.getOrDefault(unitCode, List.of());
    }

    /**
     * The unit answers for the indicator or takes part in the operational objective it measures,
     * itself or through one of its units (an area reports for its servizi and uffici).
     */
    public boolean involves(Indicator indicator, String unitCode) {
        Set<String> children = childrenByParent.getOrDefault(unitCode, Set.of());
        String responsible = indicator.responsibleUnitCode();
        if (responsible != null && (unitCode.equals(responsible) || children.contains(responsible))) {
            return true;
        }
        List<OperationalObjective> objectives = objectivesByCode.getOrDefault(indicator.objectiveCode(), List.of());
        if (responsible == null && objectives.isEmpty()) {
            return true; // nobody answers for it in the plan: any unit may report it
        }
        return objectives.stream().anyMatch(o -> o.unitCodes().stream()
                .anyMatch(u -> u != null && (u.equals(unitCode) || children.contains(u))));
    }
}
