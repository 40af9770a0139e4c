package it.pa.monitor.results;

import it.pa.monitor.plan.Indicator;
import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.plan.Level;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.scoring.PercentScale;
import it.pa.monitor.scoring.PlanScorer;
import it.pa.monitor.scoring.PlanScores;
import it.pa.monitor.scoring.ScoringContext;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Scores every stored plan of the period's year with the values reported so far, and stores the results. */
@Service
public class PeriodScoring {

    private static final Logger log = LoggerFactory.getLogger(PeriodScoring.class);

    /**
     * What the run summary says about one ente's results (the Metodologia's problems are plan
     * warnings, reported with their cells when the plan is loaded).
     */
    public record Outcome(String ente, int year, String period, BigDecimal enteResult, int scored, int indicators,
                          String judgement, List<String> valueWarnings) {

        public Outcome(String ente, int year, String period, BigDecimal enteResult, int scored, int indicators) {
            this(ente, year, period, enteResult, scored, indicators, null, List.of());
        }
    }

    private final PlanRepository plans;
    private final ReportedValues reported;
    private final ScoreRepository scores;

    public PeriodScoring(PlanRepository plans, ReportedValues reported, ScoreRepository scores) {
        this.plans = plans;
        this.reported = reported;
        this.scores = scores;
    }

    public List<Outcome> scoreAll(Period period) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String ente : plans.entiWithPlan(period.year())) {
            plans.find(ente, period.year()).ifPresent(plan -> outcomes.add(score(plan, period)));
        }
        return outcomes;
    }

    Outcome score(Plan plan, Period period) {
        Methodology methodology = plan.methodology();
        ScoringContext context = ScoringContext.of(period);
        Map<IndicatorKey, List<ReportedValues.Reported>> history = reported.history(plan.ente(), plan.year());
        Map<IndicatorKey, ActualValue> actuals = new HashMap<>();
        Map<IndicatorKey, Forecast.Projection> projections = new HashMap<>();
        Forecast forecast = new Forecast(methodology);
        for (Indicator indicator : plan.indicators()) {
            List<ReportedValues.Reported> values = history.getOrDefault(indicator.key(), List.of()).stream()
                    .filter(r -> !r.period().referenceDate().isAfter(period.referenceDate())).toList();
            values.stream().filter(r -> r.period().equals(period)).findFirst()
                    .ifPresent(r -> actuals.put(indicator.key(), r.value()));
            if (!context.yearEnd()) {
                forecast.project(indicator, points(values, period), context)
                        .ifPresent(p -> projections.put(indicator.key(), p));
            }
        }
        Map<IndicatorKey, OverrideDecision> overrides = reported.overrides(plan.ente(), plan.year(), period);
        PlanScores result = new PlanScorer(methodology).score(plan, actuals, overrides, context);
        scores.replace(plan.ente(), plan.year(), period, result.indicators(), result.items(), projections);
        BigDecimal ente = result.item(Level.ENTE, plan.ente()).map(ItemResult::achievement).orElse(null);
        int scored = (int) result.indicators().stream().filter(r -> r.status().counts()).count();
        log.info("Scored {} {} for {}: ente {}, {} of {} indicators", plan.ente(), plan.year(), period, ente, scored,
                result.indicators().size());
        return new Outcome(plan.ente(), plan.year(), period.code(), ente, scored, result.indicators().size(),
                methodology.judgement(ente).orElse(null), percentWarnings(plan, period, actuals, methodology));
    }

    /** The COME_SCRITTI warnings of the values in force (METHOD.md valori_percentuali), with their cells. */
    private List<String> percentWarnings(Plan plan, Period period, Map<IndicatorKey, ActualValue> actuals,
                                         Methodology methodology) {
        List<String> warnings = new ArrayList<>();
        Map<IndicatorKey, ReportedValue> sources = null;
        for (Indicator indicator : plan.indicators()) {
            java.util.Optional<String> warning = PercentScale.warning(indicator.target(), actuals.get(indicator.key()),
                    methodology.percentValues());
            if (warning.isEmpty()) {
                continue;
            }
            if (sources == null) {
                sources = reported.inForce(plan.ente(), plan.year(), period);
            }
            ReportedValue source = sources.get(indicator.key());
            String where = source == null ? indicator.key().reference() : source.fileName() + ", foglio "
                    + source.sheet() + ", cella " + source.cell() + " (" + indicator.key().reference() + ")";
            warnings.add(where + ": valore «" + actuals.get(indicator.key()).raw() + "» " + warning.get());
        }
        return warnings;
    }

    private List<Forecast.Point> points(List<ReportedValues.Reported> values, Period period) {
        List<Forecast.Point> points = new ArrayList<>();
        for (ReportedValues.Reported r : values) {
            ActualValue value = r.value();
            if (value.number() != null) {
                points.add(new Forecast.Point(r.period().referenceDate().getMonthValue(), value.number()));
            }
        }
        return points;
    }
}
