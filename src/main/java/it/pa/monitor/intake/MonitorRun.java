package it.pa.monitor.intake;

import it.pa.monitor.plan.PlanLoadOutcome;
import it.pa.monitor.results.PeriodScoring;
import java.nio.file.Files;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.stereotype.Service;

/** Launches the run job for a period and collects what it did. */
@Service
public class MonitorRun {

    private final JobLauncher launcher;
    private final Job job;

    public MonitorRun(JobLauncher launcher, Job monitorRunJob) {
        this.launcher = launcher;
        this.job = monitorRunJob;
    }

    public RunReport run(RunParameters parameters) {
        if (!Files.isDirectory(parameters.inbox())) {
            return new RunReport(parameters, false, "inbox folder not found: " + parameters.inbox(), List.of(), List.of());
        }
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters.toJobParameters(System.currentTimeMillis()));
        } catch (JobExecutionException e) {
            return new RunReport(parameters, false, e.getMessage(), List.of(), List.of());
        }
        List<PlanLoadOutcome> plans = stepOutcomes(execution, RunJobConfiguration.PLAN_STEP, PlanIntakeTasklet.OUTCOMES);
        List<PeriodScoring.Outcome> scores = stepOutcomes(execution, RunJobConfiguration.SCORING_STEP,
                ScoringTasklet.OUTCOMES);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String failure = execution.getAllFailureExceptions().stream().map(Throwable::toString).findFirst()
                    .orElse("run ended with status " + execution.getStatus());
            return new RunReport(parameters, false, failure, plans, scores);
        }
        return new RunReport(parameters, true, null, plans, scores);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> stepOutcomes(JobExecution execution, String step, String key) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals(step))
                .map(StepExecution::getExecutionContext)
                .filter(context -> context.containsKey(key))
                .flatMap(context -> ((List<T>) context.get(key)).stream())
                .toList();
    }
}
