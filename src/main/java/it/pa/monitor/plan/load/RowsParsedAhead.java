package it.pa.monitor.plan.load;

import it.pa.monitor.concurrent.Futures;
import java.util.ArrayList;
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
import org.apache.poi.ss.usermodel.Row;

/**
 * The rows of a sheet parsed on another thread while the caller reads the ones already parsed: the plan step
 * otherwise runs on one core while the other is idle. They are handed over in blocks through a bounded queue
 * (memory holds at most {@value #BLOCKS_AHEAD} blocks ahead of the caller), in file order; a parse failure is
 * thrown to the caller where it asks for the first row the parser could not give, as the source would have
 * thrown it. {@link #close()} stops the parser and waits for it, so the sheet can be closed afterwards.
 */
final class RowsParsedAhead implements Iterator<Row>, AutoCloseable {

    /** Rows handed over at a time: what the source parses at a time ({@code XlsxSheets.ROWS_AHEAD}). */
    static final int BLOCK_ROWS = 100;
    /** Blocks the parser may be ahead of the caller. */
    static final int BLOCKS_AHEAD = 4;

    /** Some rows; the last block of the sheet says so, and carries the parse failure that ended it, if any. */
    private record Block(List<Row> rows, boolean last, Throwable failure) {
    }

    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Future<?> parser;
    private volatile boolean stopped;
    private Iterator<Row> current = List.<Row>of().iterator();
    private Block block;

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
                    if (!handOver(new Block(rows, false, null))) {
                        return;
                    }
                    rows = new ArrayList<>(BLOCK_ROWS);
                }
            }
            end = new Block(rows, true, null);
        } catch (RuntimeException | Error e) {
            end = new Block(rows, true, e); // the rows parsed before the failure first, as the source gives them
        }
        handOver(end);
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
        while (!current.hasNext()) {
            if (block != null && block.last()) {
                if (block.failure() != null) {
                    throw Futures.unchecked(block.failure());
                }
                return false;
            }
            block = take();
            current = block.rows().iterator();
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
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
