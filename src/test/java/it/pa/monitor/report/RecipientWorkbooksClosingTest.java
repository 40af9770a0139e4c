package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the writing of the units' workbooks after a failure (the Relazione's, or one workbook's) stops those not
 * begun and waits for the running ones without interrupting them: a running one may be reading its unit's problems
 * from H2, which closes its file when a thread is interrupted inside it, failing every connection.
 */
class RecipientWorkbooksClosingTest {

    @TempDir
    Path output;

    @Test
    void closingWaitsForTheRunningWorkbookWithoutInterruptingItAndBeginsNoOther() throws Exception {
        ReportData data = ReportFixtures.massaCarrara();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();

        RecipientWorkbooks.Writing writing = new RecipientWorkbooks().start(data, unit -> {
            if (asked.incrementAndGet() == 1) {
                reading.countDown();
                try {
                    // As a query in progress: the close must let it end.
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            return List.<Problem>of();
        }, output);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closing = new Thread(writing::close);
        closing.start();
        closing.join(300); // close is waiting for the running workbook now
        assertThat(closing.isAlive()).isTrue();
        release.countDown();
        closing.join(10_000);

        assertThat(closing.isAlive()).isFalse();
        assertThat(interrupted).isFalse();
        // One core until the Relazione is written: the first unit's workbook only; nothing begun after the close.
        assertThat(asked).hasValue(1);
        assertThat(data.plan().units()).hasSizeGreaterThan(1);
    }
}
