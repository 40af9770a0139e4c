package it.pa.monitor.intake.sheet;

import it.pa.monitor.concurrent.Futures;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Does the work on the next few files of a run (reading, and what needs no database) on a small
 * thread pool while the caller (the one intake writer) stores the current one: the work uses every
 * core, the database still sees one file per transaction, in order. The work touches only the file,
 * never the database, so a file worked ahead and then skipped (already in the ledger, taken by
 * another run) costs only the work. Not thread-safe: one caller asks for the files in their order.
 *
 * @param <T> what the work gives for a file
 */
public final class ReadAhead<T> implements AutoCloseable {

    private static final long IDLE_SECONDS = 5;

    private final Function<Path, T> work;
    private final List<Path> order;
    private final Map<Path, Integer> position = new HashMap<>();
    /** Files handed to the pool and not yet taken, in their order. */
    private final LinkedHashMap<Path, Future<T>> inFlight = new LinkedHashMap<>();
    private final int window;
    private final ExecutorService pool;
    private int next;

    ReadAhead(Function<Path, T> work, List<Path> files, int threads) {
        this.work = work;
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

    /** The work's result for {@code file}: done ahead when it was among the next files, else done now. */
    public T read(Path file) {
        Integer at = position.get(file);
        if (pool == null || at == null) {
            return work.apply(file);
        }
        // Files before this one were skipped by the caller: their parse is not wanted any more.
        for (Iterator<Map.Entry<Path, Future<T>>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Future<T>> entry = it.next();
            if (position.get(entry.getKey()) < at) {
                entry.getValue().cancel(false);
                it.remove();
            }
        }
        next = Math.max(next, at);
        if (!inFlight.containsKey(file)) {
            fill();
        }
        Future<T> ahead = inFlight.remove(file);
        // Topped up once half the window is taken, several files at a time: each file handed to an idle reading
        // thread wakes it, a cost paid by this thread (the run's one writer), and a wake-up per file was 5 % of it.
        if (inFlight.size() <= window / 2) {
            fill();
        }
        if (ahead == null) {
            return work.apply(file);
        }
        // The reader turns every bad file into a failure: what is left is thrown as if done here.
        return Futures.await(ahead, "intake interrupted while reading " + file);
    }

    private void fill() {
        while (inFlight.size() < window && next < order.size()) {
            Path file = order.get(next++);
            if (!inFlight.containsKey(file)) {
                inFlight.put(file, pool.submit(() -> work.apply(file)));
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
