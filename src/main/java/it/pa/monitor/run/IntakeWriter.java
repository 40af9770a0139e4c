package it.pa.monitor.run;

import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores each processed file, in the file's own transaction ({@link IntakeTasklet}). The processor looked
 * the file up in the ledger in the same transaction, holding its lock, and passed on only new contents: the
 * writer does not look again.
 */
public class IntakeWriter implements ItemWriter<ProcessedFile> {

    private final IntakeStore store;
    private final StepExecution step;
    /** Ente ids by name, for the step (an ente's row and id never change; unknown names are looked up again). */
    private final Map<String, Long> enteIds = new HashMap<>();
    /** The run's period code, read from the job parameters once per step. */
    private final String period;

    IntakeWriter(IntakeStore store, StepExecution step) {
        this.store = store;
        this.step = step;
        this.period = RunParameters.from(step.getJobParameters()).period().code();
    }

    @Override
    public void write(Chunk<? extends ProcessedFile> chunk) {
        for (ProcessedFile file : chunk) {
            Long enteId = file.ente() == null ? null : enteIds.computeIfAbsent(file.ente(), store::enteId);
            store.storeNew(file, period, step.getJobExecutionId(), enteId);
        }
    }
}
