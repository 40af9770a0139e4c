package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.WorkbookKind;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.stereotype.Component;

/** A progress bar on the terminal while the intake step reads more than a few files (none when not a terminal). */
@Component
@StepScope
public class IntakeProgress implements StepExecutionListener {

    private static final int SHOW_FROM = 5;

    private final boolean enabled;
    private final RunOutcomes outcomes;
    private ProgressBar bar;

    IntakeProgress(@Value("${monitor.progress:true}") boolean enabled, RunOutcomes outcomes) {
        this.outcomes = outcomes;
        // A progress bar redraws its line: only on a terminal, never into a log, a pipe or CI.
        this.enabled = enabled && System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long files = outcomes.files(stepExecution.getJobExecution()).stream().filter(f -> f.kind() != WorkbookKind.PLAN).count();
        if (enabled && files > SHOW_FROM) {
            bar = new ProgressBarBuilder().setTaskName("Schede").setInitialMax(files)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
        }
    }

    /** One more file stored. */
    public void stored() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
        }
        return null;
    }
}
