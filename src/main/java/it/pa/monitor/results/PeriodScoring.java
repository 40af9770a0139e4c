package it.pa.monitor.results;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.scoring.PercentScale;
import it.pa.monitor.scoring.PeriodScorer;
import it.pa.monitor.scoring.PlanScores;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /** Scores every plan of the period's year, in one transaction (the caller's, when it has one). */
    @Transactional
    public List<Outcome> scoreAll(Period period) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String ente : plans.entiWithPlan(period.year())) {
            plans.find(ente, period.year()).ifPresent(plan -> outcomes.add(score(plan, period)));
        }
        return outcomes;
    }

    @Transactional
    Outcome score(Plan plan, Period period) {
        Methodology methodology = plan.methodology();
        Map<IndicatorKey, List<ReportedValues.Reported>> history = reported.history(plan.ente(), plan.year());
        Map<IndicatorKey, OverrideDecision> overrides = reported.overrides(plan.ente(), plan.year(), period);
        ScoreRepository.Replacement stored = scores.replacing(plan.ente(), plan.year(), period);
        // Computed on a second thread while this one stores the indicators' results (ScoreHandOver), each made
        // there as the columns keep it (ScoreRepository keeps them so for the report).
        Computed computed = ScoreHandOver.computeWhileStoring(listener -> {
            PeriodScorer.Scored scored = new PeriodScorer(methodology).score(plan, period, history, overrides,
                    stored.asStored(listener));
            return new Computed(scored, percentWarnings(plan, scored.actuals(), methodology));
        }, stored::indicator);
        PlanScores result = computed.scored().scores();
        stored.finish(result.items());
        BigDecimal ente = result.item(Level.ENTE, plan.ente()).map(ItemResult::achievement).orElse(null);
        int scored = (int) result.indicators().stream().filter(r -> r.status().counts()).count();
        log.info("Scored {} {} for {}: ente {}, {} of {} indicators", plan.ente(), plan.year(), period, ente, scored,
                result.indicators().size());
        return new Outcome(plan.ente(), plan.year(), period.code(), ente, scored, result.indicators().size(),
                methodology.judgement(ente).orElse(null),
                placed(plan, period, computed.scored().actuals(), computed.percentWarnings()));
    }

    /** The scores, and the indicators whose value in force has a percentage warning, with it. */
    private record Computed(PeriodScorer.Scored scored, List<PercentWarning> percentWarnings) {
    }

    private record PercentWarning(Indicator indicator, String warning) {
    }

    /** The COME_SCRITTI warnings of the values in force (METHOD.md valori_percentuali), in the plan's order. */
    private static List<PercentWarning> percentWarnings(Plan plan, Map<IndicatorKey, ActualValue> actuals,
                                                        Methodology methodology) {
        List<PercentWarning> warnings = new ArrayList<>();
        for (Indicator indicator : plan.indicators()) {
            PercentScale.warning(indicator.target(), actuals.get(indicator.key()), methodology.percentValues())
                    .ifPresent(warning -> warnings.add(new PercentWarning(indicator, warning)));
        }
        return warnings;
    }

    /** The warnings with the cells their values came from. */
    private List<String> placed(Plan plan, Period period, Map<IndicatorKey, ActualValue> actuals,
                                List<PercentWarning> percentWarnings) {
        if (percentWarnings.isEmpty()) {
            return new ArrayList<>();
        }
        Map<IndicatorKey, ReportedValue> sources = reported.inForce(plan.ente(), plan.year(), period);
        List<String> warnings = new ArrayList<>();
        for (PercentWarning w : percentWarnings) {
            Indicator indicator = w.indicator();
            ReportedValue source = sources.get(indicator.key());
            String where = source == null ? indicator.key().reference() : source.fileName() + ", foglio "
                    + source.sheet() + ", cella " + source.cell() + " (" + indicator.key().reference() + ")";
            warnings.add(where + ": valore «" + actuals.get(indicator.key()).raw() + "» " + w.warning());
        }
        return warnings;
    }
}
