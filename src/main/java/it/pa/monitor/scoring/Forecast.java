package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.TargetKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The year-end projection of a cumulative indicator (METHOD.md, "Interim periods"): a linear
 * regression through the values reported so far, or the run rate when there is only one.
 */
public final class Forecast {

    /** A value reported at the end of a period, after {@code elapsedMonths} of the year. */
    public record Point(int elapsedMonths, BigDecimal value) {
    }

    /** The projected year-end value, its achievement against the full target, and the "a rischio" flag. */
    public record Projection(BigDecimal value, BigDecimal achievement, boolean atRisk, String rule) {
    }

    private final Methodology methodology;
    private final IndicatorScorer scorer;

    public Forecast(Methodology methodology) {
        this.methodology = methodology;
        this.scorer = new IndicatorScorer(methodology);
    }

    /** Empty for non-cumulative or non-numeric indicators and when no value was reported yet. */
    public Optional<Projection> project(Indicator indicator, List<Point> points, ScoringContext current) {
        if (!indicator.cumulative() || indicator.target().kind() != TargetKind.NUMERIC || points.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal projected;
        String rule;
        if (points.size() == 1 || points.stream().map(Point::elapsedMonths).distinct().count() == 1) {
            Point last = points.get(points.size() - 1);
            projected = last.value().multiply(BigDecimal.valueOf(12))
                    .divide(BigDecimal.valueOf(last.elapsedMonths()), MathContext.DECIMAL64);
            rule = "ritmo attuale: valore × 12 / " + last.elapsedMonths();
        } else {
            SimpleRegression regression = new SimpleRegression();
            points.forEach(p -> regression.addData(p.elapsedMonths(), p.value().doubleValue()));
            projected = new BigDecimal(Double.toString(regression.predict(12)), MathContext.DECIMAL64);
            rule = "regressione lineare su " + points.size() + " periodi";
        }
        ActualValue value = ActualValue.ofNumber(projected.toPlainString(), projected, indicator.unit());
        IndicatorResult atYearEnd = scorer.score(indicator, value, null,
                new ScoringContext(LocalDate.of(current.referenceDate().getYear(), 12, 31), 12));
        BigDecimal achievement = atYearEnd.achievement();
        boolean atRisk = achievement != null && achievement.compareTo(methodology.thresholdAchieved()) < 0;
        return Optional.of(new Projection(projected, achievement, atRisk, rule));
    }
}
