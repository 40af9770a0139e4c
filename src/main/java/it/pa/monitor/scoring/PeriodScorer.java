package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a whole plan for one period from the values in force of the year (the scoring step without its
 * database): the period's own values are scored, the earlier ones feed the year-end projections.
 */
public final class PeriodScorer {

    /** A value in force for an indicator and a period of the year. */
    public interface Reading {
        Period period();

        ActualValue value();
    }

    /** The period's values in force, the projections of the interim periods and the scores. */
    public record Scored(Map<IndicatorKey, ActualValue> actuals, Map<IndicatorKey, Forecast.Projection> projections,
                         PlanScores scores) {
    }

    private final PlanScorer planScorer;
    private final Forecast forecast;

    public PeriodScorer(Methodology methodology) {
        this.planScorer = new PlanScorer(methodology);
        this.forecast = new Forecast(methodology);
    }

    /** An indicator's result as soon as it is computed, with its projection (null when there is none). */
    public interface Listener {
        void scored(IndicatorResult result, Forecast.Projection projection);
    }

    /** {@code history}: per indicator its values in force of the year, any order; overrides by indicator. */
    public Scored score(Plan plan, Period period, Map<IndicatorKey, ? extends List<? extends Reading>> history,
                        Map<IndicatorKey, OverrideDecision> overrides) {
        return score(plan, period, history, overrides, null);
    }

    /**
     * The same, telling {@code listener} (when not null) each indicator's result as soon as it is computed, in the
     * plan's order, before the aggregates are.
     */
    public Scored score(Plan plan, Period period, Map<IndicatorKey, ? extends List<? extends Reading>> history,
                        Map<IndicatorKey, OverrideDecision> overrides, Listener listener) {
        ScoringContext context = ScoringContext.of(period);
        LocalDate referenceDate = period.referenceDate();
        Map<IndicatorKey, ActualValue> actuals = new HashMap<>();
        Map<IndicatorKey, Forecast.Projection> projections = new HashMap<>();
        // A handful of periods per year: their reference dates once, not once per value.
        Map<Period, LocalDate> dates = new HashMap<>();
        for (Indicator indicator : plan.indicators()) {
            List<? extends Reading> values = history.get(indicator.key());
            if (values == null) {
                continue;
            }
            List<Forecast.Point> points = new ArrayList<>(values.size());
            for (Reading r : values) {
                LocalDate date = dates.computeIfAbsent(r.period(), Period::referenceDate);
                if (date.isAfter(referenceDate)) {
                    continue;
                }
                if (r.period().equals(period)) {
                    actuals.putIfAbsent(indicator.key(), r.value());
                }
                if (r.value().number() != null) {
                    points.add(new Forecast.Point(date.getMonthValue(), r.value().number()));
                }
            }
            if (!context.yearEnd()) {
                forecast.project(indicator, points, context).ifPresent(p -> projections.put(indicator.key(), p));
            }
        }
        return new Scored(actuals, projections, planScorer.score(plan, actuals, overrides, context,
                listener == null ? null : result -> listener.scored(result, projections.get(result.key()))));
    }
}
