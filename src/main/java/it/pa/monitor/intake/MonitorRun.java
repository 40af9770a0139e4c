package it.pa.monitor.intake;

import it.pa.monitor.plan.PlanLoadOutcome;
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
            return new RunReport(parameters, false, "inbox folder not found: " + parameters.inbox(), List.of());
        }
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters.toJobParameters(System.currentTimeMillis()));
        } catch (JobExecutionException e) {
            return new RunReport(parameters, false, e.getMessage(), List.of());
        }
        List<PlanLoadOutcome> plans = planOutcomes(execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String failure = execution.getAllFailureExceptions().stream().map(Throwable::toString).findFirst()
                    .orElse("run ended with status " + execution.getStatus());
            return new RunReport(parameters, false, failure, plans);
        }
        return new RunReport(parameters, true, null, plans);
    }

    @SuppressWarnings("unchecked")
    private static List<PlanLoadOutcome> planOutcomes(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(RunJobConfiguration.PLAN_STEP))
                .map(StepExecution::getExecutionContext)
                .filter(context -> context.containsKey(PlanIntakeTasklet.OUTCOMES))
                .flatMap(context -> ((List<PlanLoadOutcome>) context.get(PlanIntakeTasklet.OUTCOMES)).stream())
                .toList();
    }
}
