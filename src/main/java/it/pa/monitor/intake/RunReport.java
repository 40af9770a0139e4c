package it.pa.monitor.intake;

import it.pa.monitor.plan.PlanLoadOutcome;
import it.pa.monitor.results.PeriodScoring;
import java.util.List;

/** What a run did, for the summary printed at its end. */
public record RunReport(RunParameters parameters, boolean completed, String failure, List<PlanLoadOutcome> plans,
                        List<PeriodScoring.Outcome> scores) {

    public RunReport {
        plans = List.copyOf(plans);
        scores = List.copyOf(scores);
    }
}
