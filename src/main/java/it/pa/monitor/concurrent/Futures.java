package it.pa.monitor.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Waiting for work handed to another thread, its failure thrown as if it had happened on the waiting one. */
public final class Futures {

    private Futures() {
    }

    /**
     * Starts {@code work} on a new thread named {@code name}, a daemon so that it never holds the program open, and
     * returns its future: its result, or its failure, for {@link #await}.
     */
    public static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /**
     * The result of {@code future}. Its failure is thrown as it was (an unchecked exception or an error) or
     * wrapped (a checked one); an interrupt ends the wait, keeps the thread's interrupt flag and is reported
     * with {@code interrupted} as message.
     */
    public static <T> T await(Future<T> future, String interrupted) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted, e);
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    /** The failure behind {@code e} to throw: see {@link #unchecked}. */
    public static RuntimeException unwrapped(ExecutionException e) {
        return unchecked(e.getCause());
    }

    /**
     * A failure caught on another thread, to throw on this one: itself when unchecked, wrapped when checked; an
     * {@link Error} (out of memory, say) is thrown from here as it was.
     */
    public static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
