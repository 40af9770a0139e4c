package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.SkippedFile;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.results.PeriodScoring;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run did, for the summary printed at its end: read back from the database by the job
 * execution id ({@code jobExecutionId}, null when the job could not start); {@code cause} is what
 * made the job fail, if it did.
 */
public record RunReport(RunParameters parameters, boolean completed, String failure, List<PlanLoadOutcome> plans,
                        List<FileLedger.Entry> files, int warnings, List<SkippedFile> skipped,
                        List<String> unitsMissing, List<PeriodScoring.Outcome> scores, List<Path> workbooks,
                        Long jobExecutionId, Throwable cause) {

    public RunReport {
        plans = List.copyOf(plans);
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        unitsMissing = List.copyOf(unitsMissing);
        scores = List.copyOf(scores);
        workbooks = List.copyOf(workbooks);
    }

    static RunReport failed(RunParameters parameters, String failure) {
        return new RunReport(parameters, false, failure, List.of(), List.of(), 0, List.of(), List.of(), List.of(), List.of(),
                null, null);
    }

    public long accepted() {
        return files.stream().filter(f -> f.outcome() == FileOutcome.ACCEPTED).count();
    }

    public long rejected() {
        return files.stream().filter(f -> f.outcome() == FileOutcome.REJECTED).count();
    }

    public int valuesStored() {
        return files.stream().mapToInt(FileLedger.Entry::valuesStored).sum();
    }
}
