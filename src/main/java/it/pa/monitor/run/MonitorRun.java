package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.problem.FailureMessage;
import it.pa.monitor.results.QualityRepository;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/** Launches the run job for a period (or resumes one that failed) and reads back what it did. */
@Service
public class MonitorRun {

    private final JobOperator operator;
    private final JobRepository jobs;
    private final Job job;
    private final RunOutcomes outcomes;
    private final FileLedger ledger;
    private final PlanRepository plans;
    private final QualityRepository quality;

    public MonitorRun(JobOperator operator, JobRepository jobs, Job monitorRunJob, RunOutcomes outcomes,
                      FileLedger ledger, PlanRepository plans, QualityRepository quality) {
        this.operator = operator;
        this.jobs = jobs;
        this.job = monitorRunJob;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.plans = plans;
        this.quality = quality;
    }

    /** A new run over what is in the inbox now. */
    public RunReport run(RunParameters parameters) {
        if (!Files.isDirectory(parameters.inbox())) {
            return RunReport.failed(parameters, "cartella di arrivo non trovata: " + parameters.inbox());
        }
        try {
            return report(parameters, operator.start(job, parameters.toJobParameters(System.currentTimeMillis())));
        } catch (JobExecutionException e) {
            return RunReport.failed(parameters, e.getMessage());
        }
    }

    /**
     * Resumes the last run if it failed with these same period, inbox and output: the steps it completed
     * are not repeated (the files it read are not read again); otherwise a new run.
     */
    public RunReport resume(RunParameters parameters) {
        Optional<JobExecution> failed = lastFailed(parameters);
        if (failed.isEmpty()) {
            return run(parameters);
        }
        try {
            return report(parameters, operator.restart(failed.get()));
        } catch (JobExecutionException e) {
            return RunReport.failed(parameters, e.getMessage());
        }
    }

    private Optional<JobExecution> lastFailed(RunParameters parameters) {
        JobInstance last = jobs.getLastJobInstance(RunJobConfiguration.JOB_NAME);
        if (last == null) {
            return Optional.empty();
        }
        JobExecution execution = jobs.getLastJobExecution(last);
        if (execution == null || (execution.getStatus() != BatchStatus.FAILED
                && execution.getStatus() != BatchStatus.STOPPED)) {
            return Optional.empty();
        }
        return RunParameters.from(execution.getJobParameters()).equals(parameters.normalised())
                ? Optional.of(execution) : Optional.empty();
    }

    /** What the run (every execution of its job instance) did, read from the database. */
    private RunReport report(RunParameters parameters, JobExecution execution) {
        List<Long> executions = outcomes.executionsOf(execution);
        List<FileLedger.Entry> files = executions.stream().flatMap(id -> ledger.processedBy(id).stream())
                .filter(f -> f.kind() != WorkbookKind.PLAN).toList();
        int warnings = executions.stream().mapToInt(ledger::warningsOfAccepted).sum();
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        Throwable cause = completed ? null : firstFailure(execution);
        String failure = completed ? null : cause != null ? sentence(cause)
                : "elaborazione interrotta (stato " + execution.getStatus() + ")";
        return new RunReport(parameters, completed, failure, outcomes.plans(execution), files, warnings,
                outcomes.skipped(execution), completed ? unitsMissing(parameters) : List.of(),
                outcomes.scores(execution), outcomes.workbooks(execution), execution.getId(), cause);
    }

    /**
     * The failure of the earliest step in the job's order (the archive and the results run side by side, so
     * both may fail; Spring Batch gathers the failures in no particular order), else the job's own.
     */
    /**
     * What the user reads of a failure: the innermost message that says something, its first line (the class names
     * and the stack trace are in the log, where Spring Batch wrote them).
     */
    static String sentence(Throwable failure) {
        return FailureMessage.of(failure) + " (dettagli nel log)";
    }

    private static Throwable firstFailure(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .sorted(Comparator.comparingInt((StepExecution step) -> RunJobConfiguration.STEPS.indexOf(step.getStepName()))
                        .thenComparing(StepExecution::getId))
                .flatMap(step -> step.getFailureExceptions().stream()).findFirst()
                .orElse(execution.getFailureExceptions().stream().findFirst().orElse(null));
    }

    private List<String> unitsMissing(RunParameters parameters) {
        int year = parameters.period().year();
        return plans.entiWithPlan(year).stream().flatMap(ente -> plans.find(ente, year).stream())
                .flatMap(plan -> quality.unitsMissing(plan, parameters.period()).stream()).toList();
    }
}
