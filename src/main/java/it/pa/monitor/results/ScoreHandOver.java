package it.pa.monitor.results;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.PeriodScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Computes a plan's scores on a second thread while the calling thread, which holds the transaction, stores the
 * indicator results a block at a time as they come: storing takes longer than computing, so on two cores the
 * computing no longer adds to the scoring step. The results are stored in the order they are computed, the
 * order of computing everything first and storing it afterwards.
 */
final class ScoreHandOver {

    /** Indicator results per hand-over: one JDBC batch. */
    static final int BLOCK = 1_000;

    private record Scored(IndicatorResult result, Forecast.Projection projection) {
    }

    private ScoreHandOver() {
    }

    /**
     * Runs {@code compute} on a second thread with a listener that hands each result over to {@code store}, called
     * on this thread in the order the results were computed; returns what {@code compute} returned, once every result
     * has been stored. What {@code compute} throws is thrown here, after the results handed over before it.
     */
    static <T> T computeWhileStoring(Function<PeriodScorer.Listener, T> compute, PeriodScorer.Listener store) {
        BlockingQueue<List<Scored>> queue = new LinkedBlockingQueue<>();
        List<Scored> end = new ArrayList<>(0);
        AtomicBoolean cancelled = new AtomicBoolean();
        FutureTask<T> task = Futures.start("punteggi", () -> {
            Blocks blocks = new Blocks(queue, cancelled);
            try {
                T computed = compute.apply(blocks);
                blocks.flush();
                return computed;
            } finally {
                queue.add(end);
            }
        });
        boolean stored = false;
        try {
            for (List<Scored> block = next(queue, task); block != end; block = next(queue, task)) {
                for (Scored scored : block) {
                    store.scored(scored.result(), scored.projection());
                }
            }
            stored = true;
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calcolo dei punteggi interrotto", e);
        } catch (ExecutionException e) {
            throw Futures.unwrapped(e);
        } finally {
            if (!stored) {
                cancelled.set(true); // the computing thread stops at its next result
                task.cancel(true);
            }
        }
    }

    /**
     * The next block; if the computing thread has ended without handing over its end (it can fail while queuing
     * it, say out of memory), its failure is thrown here rather than waiting for ever.
     */
    private static <T> List<Scored> next(BlockingQueue<List<Scored>> queue, FutureTask<T> task)
            throws InterruptedException, ExecutionException {
        while (true) {
            List<Scored> block = queue.poll(100, TimeUnit.MILLISECONDS);
            if (block != null) {
                return block;
            }
            if (task.isDone()) {
                block = queue.poll(); // queued just before it ended
                if (block != null) {
                    return block;
                }
                task.get();
                throw new IllegalStateException("il calcolo dei punteggi è finito senza consegnarli tutti");
            }
        }
    }

    /** Collects the results on the computing thread and queues them a block at a time. */
    private static final class Blocks implements PeriodScorer.Listener {

        private final BlockingQueue<List<Scored>> queue;
        private final AtomicBoolean cancelled;
        private List<Scored> block = new ArrayList<>(BLOCK);

        Blocks(BlockingQueue<List<Scored>> queue, AtomicBoolean cancelled) {
            this.queue = queue;
            this.cancelled = cancelled;
        }

        @Override
        public void scored(IndicatorResult result, Forecast.Projection projection) {
            if (cancelled.get()) {
                throw new CancellationException("storing the scores failed");
            }
            block.add(new Scored(result, projection));
            if (block.size() == BLOCK) {
                flush();
            }
        }

        void flush() {
            if (!block.isEmpty()) {
                queue.add(block);
                block = new ArrayList<>(BLOCK);
            }
        }
    }
}
