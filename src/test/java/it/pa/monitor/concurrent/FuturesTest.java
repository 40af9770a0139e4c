package it.pa.monitor.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theResultComesBack() {
        assertThat(Futures.await(CompletableFuture.completedFuture("fatto"), "interrotto")).isEqualTo("fatto");
    }

    @Test
    void anUncheckedFailureIsThrownAsItWas() {
        IllegalArgumentException failure = new IllegalArgumentException("cella non valida");
        FutureTask<String> task = failed(failure);
        assertThatThrownBy(() -> Futures.await(task, "interrotto")).isSameAs(failure);
    }

    @Test
    void anErrorIsThrownAsItWas() {
        OutOfMemoryError failure = new OutOfMemoryError("Java heap space");
        FutureTask<String> task = failed(failure);
        assertThatThrownBy(() -> Futures.await(task, "interrotto")).isSameAs(failure);
    }

    @Test
    void aCheckedFailureIsWrappedWithItsCause() {
        IOException failure = new IOException("disco pieno");
        FutureTask<String> task = failed(failure);
        assertThatThrownBy(() -> Futures.await(task, "interrotto"))
                .isInstanceOf(IllegalStateException.class).hasCause(failure);
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<String>(), "lettura interrotta"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("lettura interrotta")
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void startRunsTheWorkOnADaemonThreadOfItsName() {
        FutureTask<String> task = Futures.start("lettura-prova",
                () -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());
        assertThat(Futures.await(task, "interrotto")).isEqualTo("lettura-prova true");
    }

    @Test
    void aFailureOfStartedWorkIsThrownByAwaitAsItWas() {
        IllegalArgumentException failure = new IllegalArgumentException("riga illeggibile");
        FutureTask<String> task = Futures.start("lettura-prova", () -> {
            throw failure;
        });
        assertThatThrownBy(() -> Futures.await(task, "interrotto")).isSameAs(failure);
    }

    /** A task that has run and failed with {@code failure}. */
    private static FutureTask<String> failed(Throwable failure) {
        FutureTask<String> task = new FutureTask<>(() -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        });
        task.run();
        return task;
    }
}
