package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.InboxScanner;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** First step: lists, identifies and recognises the files of the inbox (scan and classify). */
public class ScanTasklet implements Tasklet {

    private final InboxScanner scanner;
    private final RunOutcomes outcomes;

    ScanTasklet(InboxScanner scanner, RunOutcomes outcomes) {
        this.scanner = scanner;
        this.outcomes = outcomes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        InboxScanner.Scan scan = scanner.scan(run.inbox());
        contribution.incrementReadCount();
        outcomes.saveScan(step.getJobExecutionId(), scan);
        return RepeatStatus.FINISHED;
    }
}
