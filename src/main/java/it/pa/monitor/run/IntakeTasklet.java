package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.store.ProcessedFile;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake step: every file of the run read, checked and stored in a transaction of its own, in the scan's
 * order, by {@link IntakeProcessor} (the ledger asked, under the file's lock, in that same transaction) and
 * {@link IntakeWriter}. One transaction per file, as a chunk of one file did, but without a chunk's bookkeeping:
 * Spring Batch rewrote the step's row and its context in every file's transaction, two more tables in each
 * commit of the run's one writer, the step's critical path. The step itself holds no transaction while the
 * files are stored ({@link #STEP_TRANSACTION}: on PostgreSQL a session would sit idle in a transaction for the
 * whole step); its counts (read, written, filtered) are counted per file and recorded once, at its end. A failure
 * in a file rolls that file back and fails the step, as before; a stop ({@link #stop}, an interrupt) ends it
 * between two files.
 */
class IntakeTasklet implements StoppableTasklet {

    /** How the step runs this task: outside any transaction, each file then in its own. */
    static final TransactionAttribute STEP_TRANSACTION =
            new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);

    private final Supplier<List<InboxFile>> files;
    private final IntakeProcessor processor;
    private final IntakeWriter writer;
    private final IntakeProgress progress;
    private final TransactionTemplate perFile;
    private volatile boolean stopped;

    IntakeTasklet(Supplier<List<InboxFile>> files, IntakeProcessor processor, IntakeWriter writer,
                  IntakeProgress progress, PlatformTransactionManager transactionManager) {
        this.files = files;
        this.processor = processor;
        this.writer = writer;
        this.progress = progress;
        this.perFile = new TransactionTemplate(transactionManager);
        this.perFile.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("intake step run inside a transaction: run it with STEP_TRANSACTION");
        }
        for (InboxFile file : files.get()) {
            if (stopped || Thread.currentThread().isInterrupted()) {
                // Spring Batch ends the step as stopped once this returns; the files left stay in the inbox.
                contribution.getStepExecution().setTerminateOnly();
                return RepeatStatus.FINISHED;
            }
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

    @Override
    public void stop() {
        stopped = true;
    }
}
