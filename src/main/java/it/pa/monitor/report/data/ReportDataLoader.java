package it.pa.monitor.report.data;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.results.EarlierYearsRepository;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.QualityRepository;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.values.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gathers the report's data from H2 for an ente and period. */
@Component
public class ReportDataLoader {

    private final PlanRepository plans;
    private final ScoreRepository scores;
    private final ReportedValues values;
    private final QualityRepository quality;
    private final EarlierYearsRepository earlierYears;

    public ReportDataLoader(PlanRepository plans, ScoreRepository scores, ReportedValues values,
                            QualityRepository quality, EarlierYearsRepository earlierYears) {
        this.plans = plans;
        this.scores = scores;
        this.values = values;
        this.quality = quality;
        this.earlierYears = earlierYears;
    }

    /** Empty when the ente has no plan or no results for the period. */
    public Optional<ReportData> load(String ente, Period period) {
        Optional<Plan> plan = plans.find(ente, period.year());
        List<Period> periods = scores.periods(ente, period.year());
        if (plan.isEmpty() || !periods.contains(period)) {
            return Optional.empty();
        }
        List<PeriodResults> history = periods.stream()
                .filter(p -> !p.referenceDate().isAfter(period.referenceDate()))
                .map(p -> scores.load(ente, period.year(), p)).toList();
        PeriodResults current = history.get(history.size() - 1);
        return Optional.of(new ReportData(plan.get(), plan.get().methodology(), period, current, history,
                values.inForce(ente, period.year(), period),
                quality.load(plan.get(), period, current.indicators()),
                row -> values.forEachInForce(ente, period.year(), period, row),
                values.history(ente, period.year()), earlierYears.load(plan.get())));
    }
}
