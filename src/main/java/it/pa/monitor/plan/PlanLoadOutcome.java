package it.pa.monitor.plan;

import java.util.List;

/** What became of one plan workbook: loaded (with its counts) or rejected, and every problem found. */
public record PlanLoadOutcome(String fileName, boolean accepted, String ente, Integer year, PlanCounts counts,
                              List<PlanProblem> problems) {

    public PlanLoadOutcome {
        problems = List.copyOf(problems);
    }

    public List<PlanProblem> errors() {
        return problems.stream().filter(PlanProblem::isError).toList();
    }

    public List<PlanProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
