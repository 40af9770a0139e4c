package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Loads the plan workbooks of the inbox, before any monitoring sheet, and records them in the ledger. */
public class PlanIntakeTasklet implements Tasklet {

    private final PlanLoader loader;
    private final FileLedger ledger;
    private final IntakeStore store;
    private final RunLocks locks;
    private final RunOutcomes outcomes;

    PlanIntakeTasklet(PlanLoader loader, FileLedger ledger, IntakeStore store, RunLocks locks, RunOutcomes outcomes) {
        this.loader = loader;
        this.ledger = ledger;
        this.store = store;
        this.locks = locks;
        this.outcomes = outcomes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        for (InboxFile file : outcomes.files(step.getJobExecution())) {
            if (file.kind() != WorkbookKind.PLAN) {
                continue;
            }
            locks.lockFile(file.sha256());
            if (ledger.find(file.sha256()).isPresent()) {
                outcomes.addDuplicate(step.getJobExecutionId(), file, "piano già elaborato");
                continue;
            }
            contribution.incrementReadCount();
            PlanLoadOutcome outcome = loader.load(file.file(), run.period(), file.sha256());
            long fileId = store.store(asProcessed(file, outcome), run.period().code(), step.getJobExecutionId());
            outcomes.savePlan(step.getJobExecutionId(), fileId, outcome);
            if (outcome.accepted()) {
                contribution.incrementWriteCount(1);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static ProcessedFile asProcessed(InboxFile file, PlanLoadOutcome outcome) {
        return new ProcessedFile(file, outcome.accepted() ? FileOutcome.ACCEPTED : FileOutcome.REJECTED,
                outcome.accepted() ? outcome.ente() : null, outcome.year(), null, null, null, List.of(), List.of(),
                outcome.problems(), outcome.accepted() ? null
                        : outcome.errors().size() + (outcome.errors().size() == 1 ? " errore" : " errori") + " nel piano");
    }
}
