package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.HeaderName;
import it.pa.monitor.values.ItalianFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a plan as a whole: duplicate codes, references between sheets that lead nowhere, and
 * weights per level that do not sum to 100.
 */
public final class PlanValidator {

    /** Real plans round (33,34 / 33,33 / 33,33); within this the sum counts as 100. */
    static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("0.05");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Consumer<Problem> problems;

    PlanValidator(Consumer<Problem> problems) {
        this.problems = problems;
    }

    void validate(Plan plan) {
        Map<String, OrgUnit> units = unique(plan.units(), OrgUnit::code, OrgUnit::rowNo, PlanSheet.STRUTTURA);
        Map<String, Ambito> ambiti = unique(plan.ambiti(), Ambito::code, Ambito::rowNo, PlanSheet.AMBITI);
        Map<String, StrategicObjective> strategic = unique(plan.strategicObjectives(), StrategicObjective::code,
                StrategicObjective::rowNo, PlanSheet.OBIETTIVI_STRATEGICI);
        Map<String, OperationalObjective> operational = unique(plan.operationalObjectives(),
                OperationalObjective::code, OperationalObjective::rowNo, PlanSheet.OBIETTIVI_OPERATIVI);
        Map<String, Scorecard> scorecards = new LinkedHashMap<>();
        plan.scorecards().forEach(s -> scorecards.put(s.code(), s));

        checkObjectiveCodesDistinct(strategic, operational, scorecards);
        checkUnits(units);
        checkTree(plan, ambiti, strategic);
        Set<IndicatorKey> indicatorKeys = checkIndicators(plan, strategic, operational, scorecards);
        checkScorecards(plan, strategic, operational);
        checkPira(plan, strategic, operational, indicatorKeys);
        checkWeights(plan);
    }

    private <T> Map<String, T> unique(List<T> items, Function<T, String> code, Function<T, Integer> rowNo,
                                      PlanSheet sheet) {
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T item : items) {
            T previous = byCode.putIfAbsent(code.apply(item), item);
            if (previous != null) {
                error(sheet, rowNo.apply(item), "Codice", "codice «" + code.apply(item)
                        + "» duplicato (già usato alla riga " + rowNo.apply(previous) + ")");
            }
        }
        return byCode;
    }

    private void checkObjectiveCodesDistinct(Map<String, StrategicObjective> strategic,
                                             Map<String, OperationalObjective> operational,
                                             Map<String, Scorecard> scorecards) {
        operational.values().stream().filter(o -> strategic.containsKey(o.code())).forEach(o ->
                error(PlanSheet.OBIETTIVI_OPERATIVI, o.rowNo(), "Codice", "il codice «" + o.code()
                        + "» è già usato da un obiettivo strategico: gli indicatori non saprebbero a quale riferirsi"));
        scorecards.values().stream()
                .filter(s -> strategic.containsKey(s.code()) || operational.containsKey(s.code()))
                .forEach(s -> error(PlanSheet.CRUSCOTTI, s.rowNo(), "Codice cruscotto", "il codice «" + s.code()
                        + "» è già usato da un obiettivo: scegliere un codice diverso per il cruscotto"));
    }

    private void checkUnits(Map<String, OrgUnit> units) {
        checkUnitNamesDistinct(units);
        for (OrgUnit unit : units.values()) {
            if (unit.parentCode() == null) {
                continue;
            }
            if (!units.containsKey(unit.parentCode())) {
                error(PlanSheet.STRUTTURA, unit.rowNo(), "Padre", "unità padre «" + unit.parentCode()
                        + "» non presente nel foglio Struttura");
            } else if (leadsToCycle(unit, units)) {
                error(PlanSheet.STRUTTURA, unit.rowNo(), "Padre", "la catena delle unità padre di «" + unit.code()
                        + "» torna su sé stessa");
            }
        }
    }

    /**
     * A name another unit has too (but for case, accents, spaces or punctuation) finds neither unit where a sheet or
     * the plan names a unit: said here, on the later row, before a monitoring sheet is rejected for it.
     */
    private void checkUnitNamesDistinct(Map<String, OrgUnit> units) {
        Map<String, OrgUnit> firstByName = new LinkedHashMap<>();
        for (OrgUnit unit : units.values()) {
            String key = HeaderName.nameKey(unit.name());
            OrgUnit first = key.isEmpty() ? null : firstByName.putIfAbsent(key, unit);
            if (first != null) {
                warning(PlanSheet.STRUTTURA, unit.rowNo(), "Nome", "il nome «" + unit.name().strip()
                        + "» è anche quello dell'unità " + first.code() + " (riga " + first.rowNo()
                        + "): le schede di monitoraggio e il piano devono indicare queste unità con il codice");
            }
        }
    }

    private static boolean leadsToCycle(OrgUnit unit, Map<String, OrgUnit> units) {
        Set<String> seen = new HashSet<>();
        OrgUnit current = unit;
        while (current != null && current.parentCode() != null) {
            if (!seen.add(current.code())) {
                return true;
            }
            current = units.get(current.parentCode());
        }
        return false;
    }

    private void checkTree(Plan plan, Map<String, Ambito> ambiti, Map<String, StrategicObjective> strategic) {
        for (StrategicObjective os : plan.strategicObjectives()) {
            if (!ambiti.containsKey(os.ambitoCode())) {
                error(PlanSheet.OBIETTIVI_STRATEGICI, os.rowNo(), "Ambito", "ambito «" + os.ambitoCode()
                        + "» non presente nel foglio Ambiti");
            }
        }
        for (OperationalObjective oo : plan.operationalObjectives()) {
            if (!strategic.containsKey(oo.strategicObjectiveCode())) {
                error(PlanSheet.OBIETTIVI_OPERATIVI, oo.rowNo(), "Obiettivo strategico", "obiettivo strategico «"
                        + oo.strategicObjectiveCode() + "» non presente nel foglio ObiettiviStrategici");
            }
        }
        Set<String> ambitiWithObjectives = plan.strategicObjectives().stream()
                .map(StrategicObjective::ambitoCode).collect(Collectors.toSet());
        plan.ambiti().stream().filter(a -> !ambitiWithObjectives.contains(a.code())).forEach(a ->
                warning(PlanSheet.AMBITI, a.rowNo(), "Codice", "l'ambito «" + a.code()
                        + "» non ha obiettivi strategici: non avrà un risultato"));
    }

    private Set<IndicatorKey> checkIndicators(Plan plan, Map<String, StrategicObjective> strategic,
                                              Map<String, OperationalObjective> operational,
                                              Map<String, Scorecard> scorecards) {
        Set<IndicatorKey> keys = new HashSet<>();
        for (Indicator indicator : plan.indicators()) {
            keys.add(indicator.key());
            String objective = indicator.objectiveCode();
            if (!strategic.containsKey(objective) && !operational.containsKey(objective)
                    && !scorecards.containsKey(objective)) {
                error(PlanSheet.INDICATORI, indicator.rowNo(), "Obiettivo", "obiettivo «" + objective
                        + "» non presente né tra gli obiettivi strategici, né tra gli operativi, né tra i cruscotti");
            }
            if (indicator.key().occurrence() > 1) {
                warning(PlanSheet.INDICATORI, indicator.rowNo(), "Codice", "il codice «" + indicator.code()
                        + "» compare più volte sotto l'obiettivo «" + objective + "»: questa riga è «"
                        + indicator.key().reference() + "» (le righe si distinguono per ordine)");
            }
        }
        Set<String> measured = plan.indicators().stream().map(Indicator::objectiveCode).collect(Collectors.toSet());
        for (OperationalObjective oo : plan.operationalObjectives()) {
            if (!measured.contains(oo.code())) {
                warning(PlanSheet.OBIETTIVI_OPERATIVI, oo.rowNo(), "Codice", "l'obiettivo operativo «" + oo.code()
                        + "» non ha indicatori: non avrà un risultato");
            }
        }
        return keys;
    }

    private void checkScorecards(Plan plan, Map<String, StrategicObjective> strategic,
                                 Map<String, OperationalObjective> operational) {
        for (Scorecard scorecard : plan.scorecards()) {
            for (ScorecardRow row : scorecard.rows()) {
                boolean found = row.referencesIndicator()
                        ? plan.index().indicatorOf(row).isPresent()
                        : strategic.containsKey(row.objectiveCode()) || operational.containsKey(row.objectiveCode());
                if (!found) {
                    error(PlanSheet.CRUSCOTTI, row.rowNo(), "Riferimento", "riferimento «" + row.reference()
                            + "» non trovato: " + (row.referencesIndicator()
                            ? "nessun indicatore con quell'obiettivo e quel codice nel foglio Indicatori"
                            : "nessun obiettivo con quel codice"));
                }
            }
        }
    }

    private void checkPira(Plan plan, Map<String, StrategicObjective> strategic,
                           Map<String, OperationalObjective> operational, Set<IndicatorKey> indicators) {
        for (PiraLink link : plan.pira()) {
            if (!strategic.containsKey(link.objectiveCode()) && !operational.containsKey(link.objectiveCode())) {
                error(PlanSheet.PIRA, link.rowNo(), "Obiettivo", "obiettivo «" + link.objectiveCode()
                        + "» non presente tra gli obiettivi del piano");
            }
            if (!indicators.contains(link.indicator())) {
                error(PlanSheet.PIRA, link.rowNo(), "Indicatore", "indicatore «" + link.indicator().reference()
                        + "» non presente nel foglio Indicatori");
            }
        }
    }

    private void checkWeights(Plan plan) {
        checkGroup(PlanSheet.AMBITI, "degli ambiti dell'ente", plan.ambiti(), Ambito::weight, Ambito::rowNo);
        groupBy(plan.strategicObjectives(), StrategicObjective::ambitoCode).forEach((ambito, items) ->
                checkGroup(PlanSheet.OBIETTIVI_STRATEGICI, "degli obiettivi strategici dell'ambito " + ambito, items,
                        StrategicObjective::weight, StrategicObjective::rowNo));
        groupBy(plan.operationalObjectives(), OperationalObjective::strategicObjectiveCode).forEach((os, items) ->
                checkGroup(PlanSheet.OBIETTIVI_OPERATIVI, "degli obiettivi operativi di " + os, items,
                        OperationalObjective::weight, OperationalObjective::rowNo));
        Set<String> scorecardCodes = plan.scorecards().stream().map(Scorecard::code).collect(Collectors.toSet());
        groupBy(plan.indicators(), Indicator::objectiveCode).forEach((objective, items) -> {
            // A cruscotto's own objectives may omit the weight: the Cruscotti weight applies.
            boolean allBlank = items.stream().allMatch(i -> i.weight() == null);
            if (!(scorecardCodes.contains(objective) && allBlank)) {
                checkGroup(PlanSheet.INDICATORI, "degli indicatori di " + objective, items, Indicator::weight,
                        Indicator::rowNo);
            }
        });
        for (Scorecard scorecard : plan.scorecards()) {
            checkGroup(PlanSheet.CRUSCOTTI, "del cruscotto " + scorecard.code(), scorecard.rows(),
                    ScorecardRow::weight, ScorecardRow::rowNo);
        }
    }

    private <T> void checkGroup(PlanSheet sheet, String what, List<T> items, Function<T, BigDecimal> weight,
                                Function<T, Integer> rowNo) {
        if (items.isEmpty() || items.stream().map(weight).allMatch(Objects::isNull)) {
            return; // no weights at all: equal weights (simple mean)
        }
        List<T> missing = items.stream().filter(i -> weight.apply(i) == null).toList();
        for (T item : missing) {
            warning(sheet, rowNo.apply(item), "Peso", "peso mancante mentre le altre righe " + what
                    + " lo hanno: la riga conterà con peso 0");
        }
        BigDecimal sum = items.stream().map(weight).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(HUNDRED).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
            warning(sheet, rowNo.apply(items.get(0)), "Peso", "i pesi " + what + " sommano a " + italian(sum)
                    + " invece di 100: i risultati saranno calcolati in proporzione ai pesi indicati");
        }
    }

    private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item));
        return groups;
    }

    static String italian(BigDecimal number) {
        return ItalianFormat.number(number, 2, 4);
    }

    private void error(PlanSheet sheet, Integer row, String column, String message) {
        problems.accept(Problem.error(sheet.sheetName(), row, column, message));
    }

    private void warning(PlanSheet sheet, Integer row, String column, String message) {
        problems.accept(Problem.warning(sheet.sheetName(), row, column, message));
    }
}
