package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.intake.inbox.FileArchiver;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.InboxScanner;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.MonitoringSheetReader;
import it.pa.monitor.intake.store.IntakeStore;

import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.report.ReportService;
import it.pa.monitor.results.PeriodScoring;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Spring Batch job behind {@code run}, one step per stage of the files' journey:
 * scan (list and recognise) → plan → intake (read, validate, store; one file per transaction)
 * → archive (move what is committed), and beside it scoring → report (the consolidated workbook). What each step
 * finds and does is stored ({@link RunOutcomes}), so a failed execution restarted with the same
 * parameters resumes at the steps that failed or did not run.
 */
@Configuration
public class RunJobConfiguration {

    static final String JOB_NAME = "monitorRun";
    static final String SCAN_STEP = "scan";
    static final String PLAN_STEP = "plan";
    static final String INTAKE_STEP = "intake";
    static final String ARCHIVE_STEP = "archive";
    static final String SCORING_STEP = "scoring";
    static final String REPORT_STEP = "report";
    /** The steps in the job's order (archive beside scoring and report). */
    static final List<String> STEPS = List.of(SCAN_STEP, PLAN_STEP, INTAKE_STEP, ARCHIVE_STEP, SCORING_STEP, REPORT_STEP);

    @Bean
    Job monitorRunJob(JobRepository jobRepository, Step scanStep, Step planStep, Step intakeStep, Step archiveStep,
                      Step scoringStep, Step reportStep) {
        // Moving the files and writing the rejected ones' error reports needs nothing the scoring or the report
        // reads, and scoring runs on one core: the archive runs beside them, on its own thread.
        Flow archive = new FlowBuilder<Flow>(ARCHIVE_STEP).start(archiveStep).build();
        Flow results = new FlowBuilder<Flow>("results").start(scoringStep).next(reportStep).build();
        Flow sideBySide = new FlowBuilder<Flow>("archive+results").split(splitExecutor()).add(archive, results).build();
        Flow run = new FlowBuilder<Flow>(JOB_NAME).start(scanStep).next(planStep).next(intakeStep).next(sideBySide)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository).start(run).end().build();
    }

    /** One new thread per flow of the split; the job's thread waits for both. */
    private static TaskExecutor splitExecutor() {
        return new SimpleAsyncTaskExecutor("fase-");
    }

    @Bean
    Step scanStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, InboxScanner scanner,
                  RunOutcomes outcomes) {
        return new StepBuilder(SCAN_STEP, jobRepository).tasklet(new ScanTasklet(scanner, outcomes), transactionManager)
                .build();
    }

    @Bean
    Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlanLoader loader,
                  FileLedger ledger, IntakeStore store, RunLocks locks, RunOutcomes outcomes) {
        return new StepBuilder(PLAN_STEP, jobRepository)
                .tasklet(new PlanIntakeTasklet(loader, ledger, store, locks, outcomes), transactionManager)
                .build();
    }

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    IntakeTasklet intakeTasklet, IntakeProgress progress) {
        return new StepBuilder(INTAKE_STEP, jobRepository)
                .tasklet(intakeTasklet, transactionManager)
                .transactionAttribute(IntakeTasklet.STEP_TRANSACTION)
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    IntakeTasklet intakeTasklet(@Value("#{stepExecution}") StepExecution step, RunOutcomes outcomes,
                                IntakeProcessor intakeProcessor, IntakeWriter intakeWriter, IntakeProgress progress,
                                PlatformTransactionManager transactionManager) {
        // One transaction per file: IntakeWriter's storeNew relies on the processor having asked the ledger in that
        // same transaction (two files stored together could share a content).
        return new IntakeTasklet(() -> outcomes.files(step.getJobExecution()).stream()
                .filter(f -> f.kind() != WorkbookKind.PLAN).toList(), intakeProcessor, intakeWriter, progress,
                transactionManager);
    }

    @Bean
    @StepScope
    IntakeProcessor intakeProcessor(MonitoringSheetReader reader, FileLedger ledger, PlanRepository plans,
                                    RunLocks locks, @Value("#{stepExecution}") StepExecution step,
                                    RunOutcomes outcomes) {
        return new IntakeProcessor(reader, ledger, plans, locks, step, outcomes);
    }

    @Bean
    @StepScope
    IntakeWriter intakeWriter(IntakeStore store, @Value("#{stepExecution}") StepExecution step) {
        return new IntakeWriter(store, step);
    }

    @Bean
    Step archiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     FileArchiver archiver, RunOutcomes outcomes) {
        return new StepBuilder(ARCHIVE_STEP, jobRepository)
                .tasklet(new ArchiveTasklet(archiver, outcomes), transactionManager)
                .build();
    }

    @Bean
    Step scoringStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     PeriodScoring scoring, RunLocks locks, RunOutcomes outcomes, ReportService reports) {
        return new StepBuilder(SCORING_STEP, jobRepository)
                .tasklet(new ScoringTasklet(scoring, locks, outcomes, reports), transactionManager)
                .build();
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    ReportService reports, RunOutcomes outcomes) {
        return new StepBuilder(REPORT_STEP, jobRepository)
                .tasklet(new ReportTasklet(reports, outcomes), transactionManager)
                .build();
    }
}
