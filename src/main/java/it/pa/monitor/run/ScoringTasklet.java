package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.report.ReportService;
import it.pa.monitor.results.PeriodScoring;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The scoring step: every plan of the period's year scored with the values stored so far. */
public class ScoringTasklet implements Tasklet {

    private final PeriodScoring scoring;
    private final RunLocks locks;
    private final RunOutcomes outcomes;
    private final ReportService reports;

    ScoringTasklet(PeriodScoring scoring, RunLocks locks, RunOutcomes outcomes, ReportService reports) {
        this.scoring = scoring;
        this.locks = locks;
        this.outcomes = outcomes;
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.from(step.getJobParameters());
        // A period's scores are replaced whole: one run at a time (the tasklet's transaction holds the lock).
        locks.lockPeriod(run.period().code());
        List<PeriodScoring.Outcome> scores = scoring.scoreAll(run.period());
        // In the same transaction as the scores: the summary reads what this step stored.
        outcomes.saveScores(step.getJobExecutionId(), scores);
        contribution.incrementWriteCount(scores.size());
        // The report step's values in force, read while this step's transaction commits (the other core is idle).
        reports.readAhead(run.period(), step.getJobExecutionId());
        return RepeatStatus.FINISHED;
    }
}
