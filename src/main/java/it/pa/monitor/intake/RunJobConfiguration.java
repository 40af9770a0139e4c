package it.pa.monitor.intake;

import it.pa.monitor.plan.PlanLoader;
import it.pa.monitor.results.PeriodScoring;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The Spring Batch job behind {@code run}: one step per stage of the files' journey. */
@Configuration
class RunJobConfiguration {

    static final String JOB_NAME = "monitorRun";
    static final String PLAN_STEP = "plan";
    static final String SCORING_STEP = "scoring";

    @Bean
    Job monitorRunJob(JobRepository jobRepository, Step planStep, Step scoringStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(planStep).next(scoringStep).build();
    }

    @Bean
    Step scoringStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     PeriodScoring scoring) {
        return new StepBuilder(SCORING_STEP, jobRepository)
                .tasklet(new ScoringTasklet(scoring), transactionManager)
                .build();
    }

    @Bean
    Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                  WorkbookClassifier classifier, PlanLoader loader) {
        return new StepBuilder(PLAN_STEP, jobRepository)
                .tasklet(new PlanIntakeTasklet(classifier, loader), transactionManager)
                .build();
    }
}
