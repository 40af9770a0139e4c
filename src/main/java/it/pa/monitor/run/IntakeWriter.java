package it.pa.monitor.run;

import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each processed file (chunks of one file: each file is its own transaction). */
public class IntakeWriter implements ItemWriter<ProcessedFile> {

    private final IntakeStore store;
    private final StepExecution step;
    /**
     * The ente ids found so far in this step, by name: only the plan step writes enti, so they do not change
     * while files are stored, and one look-up per ente serves every file.
     */
    private final Map<String, Long> enteIds = new HashMap<>();

    IntakeWriter(IntakeStore store, StepExecution step) {
        this.store = store;
        this.step = step;
    }

    @Override
    public void write(Chunk<? extends ProcessedFile> chunk) {
        String period = RunParameters.from(step.getJobParameters()).period().code();
        for (ProcessedFile file : chunk) {
            // The processor found the content absent from the ledger in this chunk's transaction, under the
            // file's lock (IntakeProcessor.process): not asked again.
            store.storeAbsent(file, period, step.getJobExecutionId(), enteId(file.ente()));
        }
    }

    private Long enteId(String name) {
        if (name == null) {
            return null;
        }
        Long id = enteIds.get(name);
        if (id == null) {
            id = store.enteId(name);
            if (id != null) {
                enteIds.put(name, id);
            }
        }
        return id;
    }
}
