package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;

import it.pa.monitor.plan.PlanCounts;
import it.pa.monitor.plan.PlanLoadOutcome;
import it.pa.monitor.plan.PlanLoader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Loads the plan workbooks of the inbox, before any monitoring sheet, and records them in the ledger. */
public class PlanIntakeTasklet implements Tasklet {

    static final String OUTCOMES = "planOutcomes";

    /** A loaded or rejected plan as the run summary needs it; its problems are read back from the ledger. */
    record LoadedPlan(long fileId, String fileName, boolean accepted, String ente, Integer year, PlanCounts counts)
            implements Serializable {

        PlanLoadOutcome withProblems(FileLedger ledger) {
            return new PlanLoadOutcome(fileName, accepted, ente, year, counts, ledger.problems(fileId));
        }
    }

    private final PlanLoader loader;
    private final FileLedger ledger;
    private final IntakeStore store;
    private final RunLocks locks;

    PlanIntakeTasklet(PlanLoader loader, FileLedger ledger, IntakeStore store, RunLocks locks) {
        this.loader = loader;
        this.ledger = ledger;
        this.store = store;
        this.locks = locks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        ArrayList<LoadedPlan> outcomes = new ArrayList<>();
        for (InboxFile file : RunManifest.files(step)) {
            if (file.kind() != WorkbookKind.PLAN) {
                continue;
            }
            locks.lockFile(file.sha256());
            if (ledger.find(file.sha256()).isPresent()) {
                RunManifest.addDuplicate(step, new SkippedFile(file.fileName(), "piano già elaborato"));
                continue;
            }
            contribution.incrementReadCount();
            PlanLoadOutcome outcome = loader.load(file.file(), run.period(), file.sha256());
            long fileId = store.store(asProcessed(file, outcome), run.period().code(), step.getJobExecutionId());
            if (outcome.accepted()) {
                contribution.incrementWriteCount(1);
            }
            outcomes.add(new LoadedPlan(fileId, outcome.fileName(), outcome.accepted(), outcome.ente(),
                    outcome.year(), outcome.counts()));
        }
        step.getExecutionContext().put(OUTCOMES, outcomes);
        return RepeatStatus.FINISHED;
    }

    private static ProcessedFile asProcessed(InboxFile file, PlanLoadOutcome outcome) {
        return new ProcessedFile(file, outcome.accepted() ? FileOutcome.ACCEPTED : FileOutcome.REJECTED,
                outcome.accepted() ? outcome.ente() : null, outcome.year(), null, null, null, List.of(), List.of(),
                outcome.problems(), outcome.accepted() ? null : outcome.errors().size() + " errori nel piano");
    }
}
