package it.pa.monitor.run;

import it.pa.monitor.report.ReportService;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: the consolidated workbook of the period (and the workbooks for each unit and
 * dirigente beside it), from what the earlier steps stored. If it fails (an output folder that
 * cannot be written), the run restarted resumes here.
 */
public class ReportTasklet implements Tasklet {

    private final ReportService reports;
    private final RunOutcomes outcomes;

    ReportTasklet(ReportService reports, RunOutcomes outcomes) {
        this.reports = reports;
        this.outcomes = outcomes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        List<Path> written = reports.write(run.period(), run.output(), step.getJobExecutionId());
        outcomes.saveWorkbooks(step.getJobExecutionId(), written);
        contribution.incrementWriteCount(written.size());
        return RepeatStatus.FINISHED;
    }
}
