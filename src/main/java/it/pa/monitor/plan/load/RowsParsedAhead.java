package it.pa.monitor.plan.load;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.plan.load.SheetTable.DataRow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;

/**
 * The rows of a sheet parsed on another thread while the caller reads the ones already parsed: the plan step
 * otherwise runs on one core while the other is idle. They are handed over in blocks through a bounded queue
 * (memory holds at most {@value #BLOCKS_AHEAD} blocks ahead of the caller), in file order; a parse failure is
 * thrown to the caller where it asks for the first row the parser could not give, as the source would have
 * thrown it. {@link #close()} stops the parser and waits for it, so the sheet can be closed afterwards.
 * <p>
 * Once the caller says how a data row is read ({@link #readAhead}), the parser also reads the rows of the block
 * it has just parsed into their values, as long as the caller has earlier rows waiting in the queue (it would
 * otherwise wait for them): each thread reads what the other leaves, so the one that is behind gets help, and
 * {@link #nextRead()} gives each row read once, by the same function, whichever thread read it.
 */
final class RowsParsedAhead implements Iterator<Row>, AutoCloseable {

    /** Rows handed over at a time: what the source parses at a time ({@code XlsxSheets.ROWS_AHEAD}). */
    static final int BLOCK_ROWS = 100;
    /** Blocks the parser may be ahead of the caller. */
    static final int BLOCKS_AHEAD = 4;

    /**
     * Some rows, and those of them the parser read ahead (null where it did not, or no array when it read none);
     * the last block of the sheet says so, and carries the parse failure that ended it, if any.
     */
    private record Block(List<Row> rows, DataRow[] read, boolean last, Throwable failure) {
    }

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Future<?> parser;
    private volatile boolean stopped;
    /** How the caller reads a data row, once it has said so; null before (its header rows are its own). */
    private volatile Function<Row, DataRow> reading;
    /** The row numbers of the rows the parser read ahead (a bit per row: 31 KB for the largest plan). */
    private final BitSet rowsRead = new BitSet();
    private Block block;
    /** The position in {@link #block} of the next row to give. */
    private int next;

    /** Starts parsing {@code source} on {@code executor}; the source is not touched by the caller any more. */
    RowsParsedAhead(Iterator<Row> source, ExecutorService executor) {
        this.parser = executor.submit(() -> parse(source));
    }

    private void parse(Iterator<Row> source) {
        Block end;
        List<Row> rows = new ArrayList<>(BLOCK_ROWS);
        try {
            while (!stopped && source.hasNext()) {
                rows.add(source.next());
                if (rows.size() == BLOCK_ROWS) {
                    if (!handOver(new Block(rows, readWhileAhead(rows), false, null))) {
                        return;
                    }
                    rows = new ArrayList<>(BLOCK_ROWS);
                }
            }
            end = new Block(rows, readWhileAhead(rows), true, null);
        } catch (RuntimeException | Error e) {
            // The rows parsed before the failure first, as the source gives them (the caller reads them).
            end = new Block(rows, null, true, e);
        }
        handOver(end);
    }

    /**
     * The block's rows read into their values, in order, for as long as the caller has blocks waiting in the queue:
     * once it has none, the block goes as it is (the caller reads the rest) rather than keep the caller waiting.
     * Null when nothing was read. A row whose reading fails is left to the caller, who meets the failure there.
     */
    private DataRow[] readWhileAhead(List<Row> rows) {
        Function<Row, DataRow> dataRow = reading;
        if (dataRow == null || queue.isEmpty()) {
            return null;
        }
        DataRow[] read = new DataRow[rows.size()];
        int count = 0;
        try {
            while (count < read.length && !stopped && !queue.isEmpty()) {
                read[count] = dataRow.apply(rows.get(count));
                synchronized (rowsRead) {
                    rowsRead.set(rows.get(count).getRowNum());
                }
                count++;
            }
        } catch (RuntimeException e) {
            // left unread: the caller reads it and the failure is thrown on its thread, in its place
        }
        return count == 0 ? null : read;
    }

    /** Puts a block in the queue, waiting for room; false once the caller has stopped reading. */
    private boolean handOver(Block next) {
        try {
            while (!stopped) {
                if (queue.offer(next, 20, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        while (block == null || next == block.rows().size()) {
            if (block != null && block.last()) {
                if (block.failure() != null) {
                    throw Futures.unchecked(block.failure());
                }
                return false;
            }
            block = take();
            next = 0;
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return block.rows().get(next++);
    }

    /**
     * From the next block the parser hands over on, it may read data rows ahead with {@code dataRow}, which
     * {@link #nextRead()} then uses for the rows it did not read: a function of the row alone, safe to run on either
     * thread. Said once, after the rows that are not data rows (the header) have been taken with {@link #next()}.
     */
    void readAhead(Function<Row, DataRow> dataRow) {
        if (reading != null) {
            throw new IllegalStateException("how data rows are read is said once");
        }
        reading = dataRow;
    }

    /** The next row read into its values (see {@link #readAhead}): read by the parser if it was, else here. */
    DataRow nextRead() {
        Function<Row, DataRow> dataRow = reading;
        if (dataRow == null) {
            throw new IllegalStateException("readAhead first");
        }
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int at = next++;
        DataRow read = block.read() == null ? null : block.read()[at];
        if (read != null) {
            block.read()[at] = null; // free as soon as given
            return read;
        }
        return dataRow.apply(block.rows().get(at));
    }

    /** Whether the parser read the row numbered {@code rowNum} (0-based) ahead (for tests). */
    boolean wasReadAhead(int rowNum) {
        synchronized (rowsRead) {
            return rowsRead.get(rowNum);
        }
    }

    /** How many rows the parser read ahead so far (for tests and the log). */
    int rowsReadAhead() {
        synchronized (rowsRead) {
            return rowsRead.cardinality();
        }
    }

    /**
     * The next block; if the parser has ended without handing over its last block (it can fail while building
     * it, say out of memory), its failure is thrown here rather than waiting for ever.
     */
    private Block take() {
        try {
            while (true) {
                Block next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                if (parser.isDone()) {
                    next = queue.poll(); // handed over just before it ended
                    if (next != null) {
                        return next;
                    }
                    parser.get();
                    throw new IllegalStateException("the parser of a plan sheet ended without its last rows");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the rows of a plan sheet", e);
        } catch (ExecutionException e) {
            throw Futures.unwrapped(e);
        }
    }

    /** Stops the parser, if the caller stopped before the end, and waits until it no longer reads the sheet. */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        while (true) {
            queue.clear();
            try {
                parser.get(20, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                // still parsing its current row or block: it stops at the next one
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // parse() catches what the source throws: nothing else can end up here
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
