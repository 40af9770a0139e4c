package it.pa.monitor.run;

import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each processed file (chunks of one file: each file is its own transaction). */
public class IntakeWriter implements ItemWriter<ProcessedFile> {

    private final IntakeStore store;
    private final StepExecution step;

    IntakeWriter(IntakeStore store, StepExecution step) {
        this.store = store;
        this.step = step;
    }

    @Override
    public void write(Chunk<? extends ProcessedFile> chunk) {
        String period = RunParameters.from(step.getJobParameters()).period().code();
        for (ProcessedFile file : chunk) {
            store.store(file, period, step.getJobExecutionId());
        }
    }
}
