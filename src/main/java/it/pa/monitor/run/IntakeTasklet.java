package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.store.ProcessedFile;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake step: every file of the run read, checked and stored in a transaction of its own, in the scan's
 * order, by {@link IntakeProcessor} (the ledger asked, under the file's lock, in that same transaction) and
 * {@link IntakeWriter}. One transaction per file, as a chunk of one file did, but without a chunk's bookkeeping:
 * Spring Batch rewrote the step's row and its context in every file's transaction, two more tables in each
 * commit of the run's one writer, the step's critical path. The step's counts (read, written, filtered) are kept
 * as the chunks kept them; a failure in a file rolls that file back and fails the step, as before.
 */
class IntakeTasklet implements Tasklet {

    private final List<InboxFile> files;
    private final IntakeProcessor processor;
    private final IntakeWriter writer;
    private final IntakeProgress progress;
    /** Each file's own transaction, beside the step's (which only records the step at its end). */
    private final TransactionTemplate perFile;

    IntakeTasklet(List<InboxFile> files, IntakeProcessor processor, IntakeWriter writer, IntakeProgress progress,
                  PlatformTransactionManager transactionManager) {
        this.files = List.copyOf(files);
        this.processor = processor;
        this.writer = writer;
        this.progress = progress;
        this.perFile = new TransactionTemplate(transactionManager);
        this.perFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        for (InboxFile file : files) {
            contribution.incrementReadCount();
            boolean stored = Boolean.TRUE.equals(perFile.execute(status -> {
                ProcessedFile processed = processor.process(file);
                if (processed == null) {
                    return false;
                }
                writer.write(Chunk.of(processed));
                return true;
            }));
            if (stored) {
                contribution.incrementWriteCount(1);
                progress.stored();
            } else {
                contribution.incrementFilterCount();
            }
        }
        return RepeatStatus.FINISHED;
    }
}
