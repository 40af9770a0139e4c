package it.pa.monitor.cli;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.run.RunReport;
import it.pa.monitor.plan.PlanCounts;
import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.results.PeriodScoring;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The summary printed at the end of a run: what was loaded, or why not. */
final class RunSummary {

    private final RunReport report;
    private final List<Path> workbooks;

    RunSummary(RunReport report, List<Path> workbooks) {
        this.report = report;
        this.workbooks = List.copyOf(workbooks);
    }

    void print(PrintWriter out) {
        out.printf("Run %s - inbox %s%n", report.parameters().period().code(),
                report.parameters().inbox().toAbsolutePath().normalize());
        if (!report.completed()) {
            out.printf("The run could not complete: %s%n", report.failure());
        }
        if (report.completed() && report.plans().isEmpty()) {
            out.println("No plan workbook in the inbox (a plan is a workbook with an 'Indicatori' sheet).");
        }
        for (PlanLoadOutcome plan : report.plans()) {
            printPlan(out, plan);
        }
        if (report.completed()) {
            printFiles(out);
        }
        for (PeriodScoring.Outcome score : report.scores()) {
            out.printf("Results %s %s: ente %s, %d of %d indicators scored%n", score.ente(), score.period(),
                    score.enteResult() == null ? "not computable yet" : percent(score.enteResult()), score.scored(),
                    score.indicators());
            if (score.judgement() != null) {
                out.printf("  giudizio: %s%n", score.judgement());
            }
            score.valueWarnings().forEach(w -> out.println("    AVVISO - " + w));
        }
        workbooks.forEach(w -> out.printf("Report: %s%n", w.toAbsolutePath().normalize()));
        out.flush();
    }

    private void printFiles(PrintWriter out) {
        out.printf("Files: %d accepted, %d rejected, %d skipped; %d values stored, %d warnings%n",
                report.accepted(), report.rejected(), report.skipped().size(), report.valuesStored(),
                report.warnings());
        report.files().stream().filter(f -> f.outcome() == FileOutcome.REJECTED).forEach(f ->
                out.printf("  REJECTED %s: %s%n", f.fileName(), f.reason()));
        report.skipped().forEach(s -> out.printf("  SKIPPED %s: %s%n", s.fileName(), s.reason()));
        if (!report.unitsMissing().isEmpty()) {
            out.printf("Units without an accepted sheet for %s: %s%n", report.parameters().period().code(),
                    String.join("; ", report.unitsMissing()));
        }
    }

    private static void printPlan(PrintWriter out, PlanLoadOutcome plan) {
        if (plan.accepted()) {
            PlanCounts c = plan.counts();
            out.printf("Plan %s: LOADED - %s, year %d%n", plan.fileName(), plan.ente(), plan.year());
            out.printf("  units: %d aree, %d servizi, %d uffici, %d esterni%n", c.areas(), c.servizi(), c.uffici(),
                    c.esterni());
            out.printf("  ambiti: %d, obiettivi strategici: %d, obiettivi operativi: %d, indicatori: %d%n",
                    c.ambiti(), c.strategicObjectives(), c.operationalObjectives(), c.indicators());
            out.printf("  cruscotti: %d (%d righe), righe PIRA: %d%n", c.scorecards(), c.scorecardRows(),
                    c.piraLinks());
        } else {
            out.printf("Plan %s: REJECTED with %d error(s); the previously stored plan is unchanged%n",
                    plan.fileName(), plan.errors().size());
            printProblems(out, plan.errors());
        }
        if (!plan.warnings().isEmpty()) {
            out.printf("  %d warning(s):%n", plan.warnings().size());
            printProblems(out, plan.warnings());
        }
    }

    static String percent(java.math.BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
    }

    private static void printProblems(PrintWriter out, List<Problem> problems) {
        problems.forEach(p -> out.println("    " + p.describe()));
    }
}
