package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.inbox.WorkbookKind;

import it.pa.monitor.plan.PlanLoadOutcome;
import it.pa.monitor.plan.PlanRepository;
import it.pa.monitor.results.PeriodScoring;
import it.pa.monitor.results.QualityRepository;
import java.nio.file.Files;
import java.util.ArrayList;
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
    private final FileLedger ledger;
    private final PlanRepository plans;
    private final QualityRepository quality;

    public MonitorRun(JobLauncher launcher, Job monitorRunJob, FileLedger ledger, PlanRepository plans,
                      QualityRepository quality) {
        this.launcher = launcher;
        this.job = monitorRunJob;
        this.ledger = ledger;
        this.plans = plans;
        this.quality = quality;
    }

    public RunReport run(RunParameters parameters) {
        if (!Files.isDirectory(parameters.inbox())) {
            return RunReport.failed(parameters, "inbox folder not found: " + parameters.inbox());
        }
        JobExecution execution;
        try {
            execution = launcher.run(job, parameters.toJobParameters(System.currentTimeMillis()));
        } catch (JobExecutionException e) {
            return RunReport.failed(parameters, e.getMessage());
        }
        List<PlanLoadOutcome> planOutcomes = MonitorRun.<PlanIntakeTasklet.LoadedPlan>stepOutcomes(execution,
                RunJobConfiguration.PLAN_STEP, PlanIntakeTasklet.OUTCOMES).stream()
                .map(plan -> plan.withProblems(ledger)).toList();
        List<PeriodScoring.Outcome> scores = stepOutcomes(execution, RunJobConfiguration.SCORING_STEP,
                ScoringTasklet.OUTCOMES);
        List<FileLedger.Entry> files = ledger.processedBy(execution.getId()).stream()
                .filter(f -> f.kind() != WorkbookKind.PLAN).toList();
        int warnings = ledger.warningsOfAccepted(execution.getId());
        List<SkippedFile> skipped = new ArrayList<>(RunManifest.skipped(execution.getExecutionContext()));
        skipped.addAll(RunManifest.duplicates(execution.getExecutionContext()));
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        String failure = completed ? null : execution.getAllFailureExceptions().stream().map(Throwable::toString)
                .findFirst().orElse("run ended with status " + execution.getStatus());
        return new RunReport(parameters, completed, failure, planOutcomes, files, warnings, skipped,
                completed ? unitsMissing(parameters) : List.of(), scores);
    }

    private List<String> unitsMissing(RunParameters parameters) {
        int year = parameters.period().year();
        return plans.entiWithPlan(year).stream().flatMap(ente -> plans.find(ente, year).stream())
                .flatMap(plan -> quality.unitsMissing(plan, parameters.period()).stream()).toList();
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
