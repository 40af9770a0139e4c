package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.TargetParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small plans and their reported values in tests, with targets and values typed as offices type them. */
final class PlanBuilder {

    private final String ente;
    private final int year;
    private final Map<String, String> methodology = new LinkedHashMap<>();
    private final List<OrgUnit> units = new ArrayList<>();
    private final List<Ambito> ambiti = new ArrayList<>();
    private final List<StrategicObjective> strategic = new ArrayList<>();
    private final List<OperationalObjective> operational = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<Scorecard> scorecards = new ArrayList<>();
    private final Map<IndicatorKey, ActualValue> actuals = new HashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private int row = 2;
    private String periodicity;

    PlanBuilder(String ente, int year) {
        this.ente = ente;
        this.year = year;
    }

    PlanBuilder parameter(String name, String value) {
        methodology.put(name, value);
        return this;
    }

    PlanBuilder unit(String code, UnitType type, String parent) {
        units.add(new OrgUnit(code, code, type, parent, null, row++));
        return this;
    }

    PlanBuilder ambito(String code, String weight) {
        ambiti.add(new Ambito(code, code, decimal(weight), row++));
        return this;
    }

    PlanBuilder strategic(String code, String ambito, String weight) {
        strategic.add(new StrategicObjective(code, code, ambito, decimal(weight), null, null, null, null, null, row++));
        return this;
    }

    PlanBuilder operational(String code, String strategicCode, String weight, String... unitCodes) {
        operational.add(new OperationalObjective(code, code, strategicCode, decimal(weight), Arrays.asList(unitCodes),
                row++));
        return this;
    }

    /** The Periodicita of the indicators added from now on. */
    PlanBuilder periodicity(String periodicity) {
        this.periodicity = periodicity;
        return this;
    }

    /** An indicator with its target as typed and, unless null, the value reported for it. */
    PlanBuilder indicator(String objective, String code, String target, String weight, String actual) {
        return indicator(objective, code, target, weight, actual, false);
    }

    PlanBuilder cumulative(String objective, String code, String target, String weight, String actual) {
        return indicator(objective, code, target, weight, actual, true);
    }

    private PlanBuilder indicator(String objective, String code, String target, String weight, String actual,
                                  boolean cumulative) {
        int occurrence = occurrences.merge(objective + "/" + code, 1, Integer::sum);
        IndicatorKey key = new IndicatorKey(objective, code, occurrence);
        var parsed = new TargetParser().parse(target, year);
        indicators.add(new Indicator(key, code, null, null, null, parsed.unit(), parsed, null, null, decimal(weight),
                cumulative, periodicity, null, row++));
        if (actual != null) {
            actuals.put(key, new ActualValueParser().parse(CellValue.text(actual), year));
        }
        return this;
    }

    /** A monitoring-only indicator (weight 0, target «monitoraggio») and, unless null, its value. */
    PlanBuilder monitoring(String objective, String code, String actual) {
        int occurrence = occurrences.merge(objective + "/" + code, 1, Integer::sum);
        IndicatorKey key = new IndicatorKey(objective, code, occurrence);
        indicators.add(new Indicator(key, code, null, null, null, null,
                it.pa.monitor.values.Target.notAvailable("monitoraggio"), null, null, BigDecimal.ZERO, false,
                periodicity, null, row++));
        if (actual != null) {
            actuals.put(key, new ActualValueParser().parse(CellValue.text(actual), year));
        }
        return this;
    }

    /** A scorecard whose rows are reference, weight and Cruscotti target ("" for none) triples. */
    PlanBuilder targetedScorecard(String code, String... referenceWeightTarget) {
        List<ScorecardRow> rows = new ArrayList<>();
        for (int i = 0; i < referenceWeightTarget.length; i += 3) {
            String reference = referenceWeightTarget[i];
            String[] parts = reference.split("/");
            String target = referenceWeightTarget[i + 2];
            rows.add(new ScorecardRow(reference, parts[0], parts.length > 1 ? parts[1] : null, 1,
                    decimal(referenceWeightTarget[i + 1]), row++,
                    target.isEmpty() ? null : new TargetParser().parse(target, year)));
        }
        scorecards.add(new Scorecard(code, "Dirigente " + code, null, rows, row++));
        return this;
    }

    PlanBuilder scorecard(String code, String... referencesAndWeights) {
        List<ScorecardRow> rows = new ArrayList<>();
        for (int i = 0; i < referencesAndWeights.length; i += 2) {
            String reference = referencesAndWeights[i];
            String[] parts = reference.split("/");
            rows.add(new ScorecardRow(reference, parts[0], parts.length > 1 ? parts[1] : null, 1,
                    decimal(referencesAndWeights[i + 1]), row++));
        }
        scorecards.add(new Scorecard(code, "Dirigente " + code, null, rows, row++));
        return this;
    }

    Plan plan() {
        return new Plan(ente, year, Periodicity.TRIMESTRALE, methodology(), units, ambiti, strategic, operational,
                indicators, scorecards, List.of());
    }

    Map<IndicatorKey, ActualValue> actuals() {
        return actuals;
    }

    Methodology methodology() {
        List<String> problems = new ArrayList<>();
        Methodology m = Methodology.from(methodology, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.toString());
        }
        return m;
    }

    /** Scores the plan at the period's reference date, without overrides. */
    PlanScores score(String period) {
        return new PlanScorer(methodology()).score(plan(), actuals, Map.of(),
                ScoringContext.of(it.pa.monitor.values.Period.parse(period)));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text.replace(',', '.'));
    }
}
