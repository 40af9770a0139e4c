package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.results.PeriodScoring;
import java.util.ArrayList;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** The scoring step: every plan of the period's year scored with the values stored so far. */
public class ScoringTasklet implements Tasklet {

    static final String OUTCOMES = "scoringOutcomes";

    private final PeriodScoring scoring;
    private final RunLocks locks;

    ScoringTasklet(PeriodScoring scoring, RunLocks locks) {
        this.scoring = scoring;
        this.locks = locks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        // A period's scores are replaced whole: one run at a time (the tasklet's transaction holds the lock).
        locks.lockPeriod(run.period().code());
        ArrayList<PeriodScoring.Outcome> outcomes = new ArrayList<>(scoring.scoreAll(run.period()));
        contribution.incrementWriteCount(outcomes.size());
        chunkContext.getStepContext().getStepExecution().getExecutionContext().put(OUTCOMES, outcomes);
        return RepeatStatus.FINISHED;
    }
}
