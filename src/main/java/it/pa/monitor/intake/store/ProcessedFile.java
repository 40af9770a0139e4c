package it.pa.monitor.intake.store;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.problem.Problems;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.values.ActualValue;
import java.util.List;

/**
 * A file after reading and validation, ready to be stored in one transaction: the values (or
 * overrides) it brings when accepted, and every problem found, located by sheet and cell.
 */
public record ProcessedFile(InboxFile file, FileOutcome outcome, String ente, Integer planYear, String unitCode,
                            String sheetName, String compiledBy, List<Value> values, List<Override> overrides,
                            List<Problem> problems, String reason) {

    public ProcessedFile {
        values = List.copyOf(values);
        overrides = List.copyOf(overrides);
        // A file's problems are kept until the run's workbooks are written: bounded, however bad the file.
        problems = List.copyOf(Problems.capped(problems, file != null && file.kind() == WorkbookKind.PLAN
                ? Problems.MAX_PER_PLAN : Problems.MAX_PER_SHEET));
    }

    /** A value for one indicator, with the cell it came from. */
    public record Value(IndicatorKey key, ActualValue value, String cell, String note) {
    }

    /** An OIV override, with the cell it came from. */
    public record Override(OverrideDecision decision, String period, String cell, java.time.LocalDate decidedOn) {
    }

    public static ProcessedFile rejected(InboxFile file, String reason, List<Problem> problems) {
        return new ProcessedFile(file, FileOutcome.REJECTED, null, null, null, null, null, List.of(), List.of(),
                problems, reason);
    }
}
