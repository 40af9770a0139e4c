package it.pa.monitor.intake.sheet;

import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the next few monitoring sheets of a run on a small thread pool while the caller (the one
 * intake writer) validates and stores the current one: parsing uses every core, the database
 * still sees one file per transaction, in order. Reading touches only the file, never the
 * database, so a file read ahead and then skipped (already in the ledger, taken by another run)
 * costs only the parse. Not thread-safe: one caller asks for the files in their order.
 */
public final class SheetReadAhead implements AutoCloseable {

    private static final long IDLE_SECONDS = 5;

    private final MonitoringSheetReader reader;
    private final List<Path> order;
    private final Map<Path, Integer> position = new HashMap<>();
    /** Files handed to the pool and not yet taken, in their order. */
    private final LinkedHashMap<Path, Future<ReadOutcome>> inFlight = new LinkedHashMap<>();
    private final int window;
    private final ExecutorService pool;
    private int next;

    SheetReadAhead(MonitoringSheetReader reader, List<Path> files, int threads) {
        this.reader = reader;
        this.order = List.copyOf(files);
        for (int i = 0; i < order.size(); i++) {
            position.putIfAbsent(order.get(i), i);
        }
        // Two files per thread in flight: a thread never waits for the writer, and memory holds
        // at most this many parsed sheets (each bounded by the row limit).
        this.window = Math.max(1, threads) * 2;
        AtomicInteger count = new AtomicInteger();
        if (threads < 1) {
            this.pool = null;
        } else {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "lettura-schede-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            // Idle threads end by themselves, should a failed step never close this.
            executor.allowCoreThreadTimeOut(true);
            this.pool = executor;
        }
    }

    /** The sheet in {@code file}: read ahead when it was among the next files, else read now. */
    public ReadOutcome read(Path file) {
        Integer at = position.get(file);
        if (pool == null || at == null) {
            return reader.read(file);
        }
        // Files before this one were skipped by the caller: their parse is not wanted any more.
        for (Iterator<Map.Entry<Path, Future<ReadOutcome>>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Future<ReadOutcome>> entry = it.next();
            if (position.get(entry.getKey()) < at) {
                entry.getValue().cancel(false);
                it.remove();
            }
        }
        next = Math.max(next, at);
        fill();
        Future<ReadOutcome> ahead = inFlight.remove(file);
        fill();
        if (ahead == null) {
            return reader.read(file);
        }
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("intake interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            // The reader turns every bad file into a failure: what is left is thrown as if read here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void fill() {
        while (inFlight.size() < window && next < order.size()) {
            Path file = order.get(next++);
            if (!inFlight.containsKey(file)) {
                inFlight.put(file, pool.submit(() -> reader.read(file)));
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            inFlight.values().forEach(f -> f.cancel(true));
            inFlight.clear();
            pool.shutdownNow();
        }
    }
}
