package it.pa.monitor.intake;

import it.pa.monitor.plan.PlanLoadOutcome;
import it.pa.monitor.plan.PlanLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** First step of a run: loads every plan workbook found in the inbox, before any monitoring sheet. */
class PlanIntakeTasklet implements Tasklet {

    static final String OUTCOMES = "planOutcomes";

    private final WorkbookClassifier classifier;
    private final PlanLoader loader;

    PlanIntakeTasklet(WorkbookClassifier classifier, PlanLoader loader) {
        this.classifier = classifier;
        this.loader = loader;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        ArrayList<PlanLoadOutcome> outcomes = new ArrayList<>();
        for (Path file : new Inbox(run.inbox()).workbooks()) {
            if (classifier.classify(file) == WorkbookKind.PLAN) {
                contribution.incrementReadCount();
                PlanLoadOutcome outcome = loader.load(file, run.period());
                if (outcome.accepted()) {
                    contribution.incrementWriteCount(1);
                }
                outcomes.add(outcome);
            }
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext().put(OUTCOMES, outcomes);
        return RepeatStatus.FINISHED;
    }
}
