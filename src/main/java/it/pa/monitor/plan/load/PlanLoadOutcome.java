package it.pa.monitor.plan.load;

import it.pa.monitor.plan.PlanCounts;

import it.pa.monitor.problem.Problem;
import java.util.List;

/** What became of one plan workbook: loaded (with its counts) or rejected, and every problem found. */
public record PlanLoadOutcome(String fileName, boolean accepted, String ente, Integer year, PlanCounts counts,
                              List<Problem> problems) {

    public PlanLoadOutcome {
        problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
