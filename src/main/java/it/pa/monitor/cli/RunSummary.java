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

/** The summary printed at the end of a run, in Italian as all the user reads: what was loaded, or why not. */
final class RunSummary {

    private final RunReport report;
    private final List<Path> workbooks;

    RunSummary(RunReport report, List<Path> workbooks) {
        this.report = report;
        this.workbooks = List.copyOf(workbooks);
    }

    void print(PrintWriter out) {
        out.printf("Elaborazione %s - cartella di arrivo %s%n", report.parameters().period().code(),
                report.parameters().inbox().toAbsolutePath().normalize());
        if (!report.completed()) {
            out.printf("L'elaborazione non si è conclusa: %s%n", report.failure());
        }
        // Said only when no plan is stored for the year either (nothing scored): a quarter's run with the plan
        // loaded earlier has no plan file in its inbox, and needs none.
        if (report.completed() && report.plans().isEmpty() && report.scores().isEmpty()) {
            out.printf("Nessun piano caricato per il %d: depositare il piano nella cartella di arrivo (una cartella di"
                    + " lavoro con il foglio «Indicatori»).%n", report.parameters().period().year());
        }
        for (PlanLoadOutcome plan : report.plans()) {
            printPlan(out, plan);
        }
        if (report.completed()) {
            printFiles(out);
        }
        for (PeriodScoring.Outcome score : report.scores()) {
            out.printf("Risultati %s %s: ente %s, %s su %d%n", score.ente(), score.period(),
                    score.enteResult() == null ? "non ancora calcolabile" : percent(score.enteResult()),
                    count(score.scored(), "indicatore misurato", "indicatori misurati"), score.indicators());
            if (score.judgement() != null) {
                out.printf("  giudizio: %s%n", score.judgement());
            }
            score.valueWarnings().forEach(w -> out.println("    AVVISO - " + w));
        }
        workbooks.forEach(w -> out.printf("Relazione: %s%n", w.toAbsolutePath().normalize()));
        out.flush();
    }

    private void printFiles(PrintWriter out) {
        out.printf("File: %s, %s, %s; %s, %s%n", count(report.accepted(), "accettato", "accettati"),
                count(report.rejected(), "scartato", "scartati"), count(report.skipped().size(), "saltato", "saltati"),
                count(report.valuesStored(), "valore registrato", "valori registrati"),
                count(report.warnings(), "avviso", "avvisi"));
        report.files().stream().filter(f -> f.outcome() == FileOutcome.REJECTED).forEach(f ->
                out.printf("  SCARTATO %s: %s%n", f.fileName(), f.reason()));
        report.skipped().forEach(s -> out.printf("  SALTATO %s: %s%n", s.fileName(), s.reason()));
        if (!report.unitsMissing().isEmpty()) {
            out.printf("Unità senza una scheda accettata per %s: %s%n", report.parameters().period().code(),
                    String.join("; ", report.unitsMissing()));
        }
    }

    private static void printPlan(PrintWriter out, PlanLoadOutcome plan) {
        if (plan.accepted()) {
            PlanCounts c = plan.counts();
            out.printf("Piano %s: CARICATO - %s, anno %d%n", plan.fileName(), plan.ente(), plan.year());
            out.printf("  unità: %s, %s, %s, %s%n", count(c.areas(), "area", "aree"),
                    count(c.servizi(), "servizio", "servizi"), count(c.uffici(), "ufficio", "uffici"),
                    count(c.esterni(), "esterno", "esterni"));
            out.printf("  ambiti: %d, obiettivi strategici: %d, obiettivi operativi: %d, indicatori: %d%n",
                    c.ambiti(), c.strategicObjectives(), c.operationalObjectives(), c.indicators());
            out.printf("  cruscotti: %d (%s), righe PIRA: %d%n", c.scorecards(), count(c.scorecardRows(), "riga", "righe"),
                    c.piraLinks());
        } else {
            out.printf("Piano %s: SCARTATO per %s; il piano già registrato, se c'è, resta invariato%n",
                    plan.fileName(), count(plan.errors().size(), "errore", "errori"));
            printProblems(out, plan.errors());
        }
        if (!plan.warnings().isEmpty()) {
            out.printf("  %s:%n", count(plan.warnings().size(), "avviso", "avvisi"));
            printProblems(out, plan.warnings());
        }
    }

    /** "1 errore", "3 errori". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String percent(java.math.BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
    }

    private static void printProblems(PrintWriter out, List<Problem> problems) {
        problems.forEach(p -> out.println("    " + p.describe()));
    }
}
