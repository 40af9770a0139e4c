package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.FileArchiver;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves every file of the scan whose outcome is committed. It also finishes the work of a run
 * that stopped between committing a file and moving it: the ledger knows the content, so the
 * file is moved now and never processed twice.
 */
public class ArchiveTasklet implements Tasklet {

    private final FileArchiver archiver;
    private final RunOutcomes outcomes;

    ArchiveTasklet(FileArchiver archiver, RunOutcomes outcomes) {
        this.archiver = archiver;
        this.outcomes = outcomes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        contribution.incrementWriteCount(archiver.archiveAll(outcomes.files(step.getJobExecution()), run.inbox(),
                run.output()));
        return RepeatStatus.FINISHED;
    }
}
