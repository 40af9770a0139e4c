package it.pa.monitor.run;

import java.sql.Connection;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Has an H2 file database write intake's commits to disk every {@link #FILES_PER_WRITE} files instead of at
 * every file's commit, and all of them when the step ends, before the archive moves any file.
 *
 * <p>Each file is still its own transaction; only when H2 writes the committed pages changes. With
 * {@code WRITE_DELAY 0} (set on every connection, {@code DatabaseOption}) H2 rewrites the pages a commit
 * touched, and the paths to them, at every commit: the leaf that {@code reported_value} and its indexes grow
 * at and the store's own metadata were written again for every file. Files leave the inbox only in the
 * archive step, after this step's end has written everything; a crash during intake loses at most the last
 * few commits, whose files are still in the inbox, and the ledger, the values and Spring Batch's tables share
 * the one store, so they go back together: the next run processes those files, nothing twice.
 *
 * <p>{@code SET WRITE_DELAY 0} itself is the write: the setting is stored in the database, and that commit,
 * with no delay any more, writes every change not yet on disk. Outside the chunks' transactions only (a
 * {@code SET} would commit the file's transaction half-way). Any other database: nothing to do.
 */
final class IntakeDiskWrites implements StepExecutionListener, ChunkListener<Object, Object> {

    /** Commits written together: a crash loses at most this many files' commits, to be read again. */
    static final int FILES_PER_WRITE = 8;
    /** Long enough that H2's background writer never writes (or compacts) during the step by itself. */
    private static final int DELAY_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private boolean h2File;
    private int committed;

    IntakeDiskWrites(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        // The same test as the one that sets WRITE_DELAY 0 on the connections.
        String url = jdbc.execute((Connection c) -> c.getMetaData().getURL());
        h2File = url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:");
        committed = 0;
        delay(DELAY_MILLIS);
    }

    @Override
    public void afterChunk(ChunkContext context) {
        if (++committed % FILES_PER_WRITE == 0) {
            delay(0); // writes this group's commits
            delay(DELAY_MILLIS);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        delay(0); // everything on disk before the archive moves a file
        return null;
    }

    private void delay(int millis) {
        if (h2File) {
            jdbc.execute("SET WRITE_DELAY " + millis);
        }
    }
}
