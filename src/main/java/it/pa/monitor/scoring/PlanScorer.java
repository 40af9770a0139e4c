package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.ActualValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Scores a whole plan for a period (METHOD.md, "Aggregation"): indicators, operational and
 * strategic objectives, ambiti, the ente, organisational units and dirigenti's scorecards.
 */
public final class PlanScorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Methodology methodology;
    private final IndicatorScorer indicatorScorer;

    public PlanScorer(Methodology methodology) {
        this.methodology = methodology;
        this.indicatorScorer = new IndicatorScorer(methodology);
    }

    public PlanScores score(Plan plan, Map<IndicatorKey, ActualValue> actuals,
                            Map<IndicatorKey, OverrideDecision> overrides, ScoringContext context) {
        return score(plan, actuals, overrides, context, null);
    }

    /**
     * The same, handing each indicator's result to {@code scored} (when not null) as soon as it is computed, in the
     * plan's order, before the aggregates: a caller can store them while the rest is computed.
     */
    public PlanScores score(Plan plan, Map<IndicatorKey, ActualValue> actuals,
                            Map<IndicatorKey, OverrideDecision> overrides, ScoringContext context,
                            Consumer<IndicatorResult> scored) {
        List<IndicatorResult> indicators = new ArrayList<>();
        Map<String, List<Weighted>> byObjective = new LinkedHashMap<>();
        for (Indicator indicator : plan.indicators()) {
            IndicatorResult result = indicatorScorer.score(indicator, actuals.get(indicator.key()),
                    overrides.get(indicator.key()), context);
            indicators.add(result);
            if (scored != null) {
                scored.accept(result);
            }
            byObjective.computeIfAbsent(indicator.objectiveCode(), k -> new ArrayList<>())
                    .add(new Weighted(result.achievement(), indicator.weight()));
        }
        Map<IndicatorKey, IndicatorResult> indicatorResults = new HashMap<>();
        indicators.forEach(r -> indicatorResults.put(r.key(), r));

        List<ItemResult> items = new ArrayList<>();
        Map<String, BigDecimal> objectiveResults = new HashMap<>();
        for (OperationalObjective oo : plan.operationalObjectives()) {
            ItemResult result = meanOf(Level.OBIETTIVO_OPERATIVO, oo.code(), oo.strategicObjectiveCode(), oo.weight(),
                    byObjective.getOrDefault(oo.code(), List.of()), methodology.mean(), "indicatori");
            items.add(result);
            objectiveResults.put(oo.code(), result.achievement());
        }
        Map<String, List<Weighted>> ambitoParts = new LinkedHashMap<>();
        for (StrategicObjective os : plan.strategicObjectives()) {
            ItemResult result = strategic(plan, os, byObjective, objectiveResults);
            items.add(result);
            objectiveResults.put(os.code(), result.achievement());
            ambitoParts.computeIfAbsent(os.ambitoCode(), k -> new ArrayList<>())
                    .add(new Weighted(result.achievement(), os.weight()));
        }
        List<Weighted> enteParts = new ArrayList<>();
        for (Ambito ambito : plan.ambiti()) {
            ItemResult result = meanOf(Level.AMBITO, ambito.code(), plan.ente(), ambito.weight(),
                    ambitoParts.getOrDefault(ambito.code(), List.of()), methodology.mean(), "obiettivi strategici");
            items.add(result);
            enteParts.add(new Weighted(result.achievement(), ambito.weight()));
        }
        Methodology.Mean enteMean = methodology.ente() == Methodology.EnteRule.PONDERATA_AMBITI
                ? Methodology.Mean.PONDERATA : Methodology.Mean.SEMPLICE;
        items.add(0, meanOf(Level.ENTE, plan.ente(), null, null, enteParts, enteMean, "ambiti"));
        items.addAll(units(plan, objectiveResults));
        for (Scorecard scorecard : plan.scorecards()) {
            items.add(scorecard(plan, scorecard, indicatorResults, objectiveResults));
        }
        return new PlanScores(context, indicators, items);
    }

    private ItemResult strategic(Plan plan, StrategicObjective os, Map<String, List<Weighted>> byObjective,
                                 Map<String, BigDecimal> objectiveResults) {
        List<Weighted> ownIndicators = byObjective.getOrDefault(os.code(), List.of());
        List<Weighted> operational = plan.index().operationalObjectivesOf(os.code()).stream()
                .map(oo -> new Weighted(objectiveResults.get(oo.code()), oo.weight())).toList();
        Optional<BigDecimal> fromIndicators = Weighted.mean(ownIndicators, methodology.mean());
        Optional<BigDecimal> fromOperational = Weighted.mean(operational, methodology.mean());
        String indicatorsRule = describe(methodology.mean(), ownIndicators, "indicatori");
        String operationalRule = describe(methodology.mean(), operational, "obiettivi operativi");
        BigDecimal result;
        String rule;
        switch (methodology.strategicSource()) {
            case OPERATIVI -> {
                result = fromOperational.or(() -> fromIndicators).orElse(null);
                rule = fromOperational.isPresent() ? operationalRule : indicatorsRule;
            }
            case MISTO -> {
                if (fromIndicators.isPresent() && fromOperational.isPresent()) {
                    BigDecimal share = methodology.indicatorShare().divide(HUNDRED, MathContext.DECIMAL128);
                    result = share.multiply(fromIndicators.get())
                            .add(BigDecimal.ONE.subtract(share).multiply(fromOperational.get()));
                    rule = share.stripTrailingZeros().toPlainString().replace('.', ',') + " × indicatori ("
                            + IndicatorScorer.percent(fromIndicators.get()) + ") + "
                            + BigDecimal.ONE.subtract(share).stripTrailingZeros().toPlainString().replace('.', ',')
                            + " × obiettivi operativi (" + IndicatorScorer.percent(fromOperational.get()) + ")";
                } else {
                    result = fromIndicators.or(() -> fromOperational).orElse(null);
                    rule = fromIndicators.isPresent() ? indicatorsRule : operationalRule;
                }
            }
            default -> {
                result = fromIndicators.or(() -> fromOperational).orElse(null);
                rule = fromIndicators.isPresent() ? indicatorsRule : operationalRule;
            }
        }
        return new ItemResult(Level.OBIETTIVO_STRATEGICO, os.code(), os.ambitoCode(), os.weight(), result, rule);
    }

    /** Units score from the operational objectives that involve them; areas are the mean of their units. */
    private List<ItemResult> units(Plan plan, Map<String, BigDecimal> objectiveResults) {
        Map<String, List<Weighted>> byUnit = new LinkedHashMap<>();
        for (OperationalObjective oo : plan.operationalObjectives()) {
            for (String unit : oo.unitCodes()) {
                byUnit.computeIfAbsent(unit, k -> new ArrayList<>())
                        .add(new Weighted(objectiveResults.get(oo.code()), oo.weight()));
            }
        }
        Map<String, ItemResult> results = new LinkedHashMap<>();
        for (OrgUnit unit : plan.units()) {
            unitResult(plan, unit, byUnit, results);
        }
        return plan.units().stream().map(u -> results.get(u.code())).toList();
    }

    private ItemResult unitResult(Plan plan, OrgUnit unit, Map<String, List<Weighted>> byUnit,
                                  Map<String, ItemResult> results) {
        ItemResult known = results.get(unit.code());
        if (known != null) {
            return known;
        }
        results.put(unit.code(), new ItemResult(Level.UNITA, unit.code(), unit.parentCode(), null, null,
                "ciclo nella struttura")); // guards a parent cycle; replaced below
        ItemResult own = meanOf(Level.UNITA, unit.code(), unit.parentCode(), null,
                byUnit.getOrDefault(unit.code(), List.of()), methodology.unitMean(), "obiettivi operativi");
        ItemResult result = own;
        if (unit.type() == UnitType.AREA) {
            List<Weighted> children = plan.index().units().children(unit.code()).stream()
                    .map(u -> new Weighted(unitResult(plan, u, byUnit, results).achievement(), null)).toList();
            if (Weighted.counted(children) > 0) {
                result = meanOf(Level.UNITA, unit.code(), unit.parentCode(), null, children,
                        Methodology.Mean.SEMPLICE, "unità dell'area");
            }
        }
        results.put(unit.code(), result);
        return result;
    }

    private ItemResult scorecard(Plan plan, Scorecard scorecard, Map<IndicatorKey, IndicatorResult> indicators,
                                 Map<String, BigDecimal> objectives) {
        List<Weighted> rows = new ArrayList<>();
        for (ScorecardRow row : scorecard.rows()) {
            BigDecimal achievement = row.referencesIndicator()
                    ? plan.index().indicatorOf(row).map(i -> indicators.get(i.key()))
                    .map(IndicatorResult::achievement).orElse(null)
                    : ObjectiveTarget.achievement(objectives.get(row.objectiveCode()), row.target(), methodology);
            rows.add(new Weighted(achievement, row.weight()));
        }
        return meanOf(Level.CRUSCOTTO, scorecard.code(), null, null, rows, Methodology.Mean.PONDERATA, "righe");
    }

    private static ItemResult meanOf(Level level, String code, String parent, BigDecimal weight, List<Weighted> parts,
                                     Methodology.Mean mean, String what) {
        return new ItemResult(level, code, parent, weight, Weighted.mean(parts, mean).orElse(null),
                describe(mean, parts, what));
    }

    private static String describe(Methodology.Mean mean, List<Weighted> parts, String what) {
        long counted = Weighted.counted(parts);
        if (counted == 0) {
            return "nessun risultato tra " + parts.size() + " " + what;
        }
        boolean simple = mean == Methodology.Mean.SEMPLICE || parts.stream().allMatch(p -> p.weight() == null);
        return (simple ? "media semplice di " : "media ponderata di ") + counted + " " + what
                + (counted < parts.size() ? " su " + parts.size() : "");
    }
}
