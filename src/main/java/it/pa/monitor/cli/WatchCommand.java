package it.pa.monitor.cli;

import it.pa.monitor.run.MonitorRun;
import it.pa.monitor.run.RunParameters;
import it.pa.monitor.run.RunReport;
import it.pa.monitor.results.PeriodScoring;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code watch}: processes the files dropped in the inbox as they arrive, one run of the same job
 * as {@code run} per batch, rewriting the period's workbook after each. Ctrl-C or SIGTERM lets the
 * batch in progress finish (its files are committed and moved) and exits 0.
 */
@Component
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Elabora i file depositati nella cartella di arrivo man mano che arrivano, finché non viene fermato"
                + " (Ctrl-C).")
public class WatchCommand implements Callable<Integer>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatchCommand.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Option(names = "--inbox", defaultValue = "inbox", description = "cartella di arrivo controllata (predefinita: ${DEFAULT-VALUE})")
    private Path inbox;

    @Option(names = "--period", converter = RunCommand.PeriodConverter.class,
            description = "periodo dei file (predefinito: l'ultimo trimestre concluso)")
    private Period period;

    @Option(names = "--output", defaultValue = "output", description = "cartella dei risultati (predefinita: ${DEFAULT-VALUE})")
    private Path output;

    private final MonitorRun monitorRun;
    private final Duration stable;
    private final Duration poll;

    private volatile boolean stopRequested;
    private volatile boolean stoppedByShutdown;
    private volatile boolean contextRunning;
    private volatile CountDownLatch ended = new CountDownLatch(0);

    public WatchCommand(MonitorRun monitorRun,
                        @Value("${monitor.intake.stable-seconds:2}") double stableSeconds,
                        @Value("${monitor.watch.poll-millis:1000}") long pollMillis) {
        this.monitorRun = monitorRun;
        this.stable = Duration.ofMillis((long) (stableSeconds * 1000));
        this.poll = Duration.ofMillis(pollMillis);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Period watched = period != null ? period : lastEndedQuarter(LocalDate.now());
        if (!Files.isDirectory(inbox)) {
            err.println("La cartella di arrivo " + inbox.toAbsolutePath().normalize() + " non esiste: crearla o"
                    + " indicarne un'altra con --inbox.");
            err.flush();
            return 1;
        }
        Optional<InboxLock> lock = InboxLock.tryAcquire(inbox);
        if (lock.isEmpty()) {
            err.println(InboxLock.refusal(inbox));
            err.flush();
            return 1;
        }
        stopRequested = false;
        stoppedByShutdown = false;
        ended = new CountDownLatch(1);
        // On Ctrl-C / SIGTERM the JVM would end with 130/143; once the context has closed cleanly
        // (the batch in progress finished, see stop()), the watch ends with 0 as a stopped watch should.
        Runnable exitZero = () -> Runtime.getRuntime().halt(0);
        SpringApplication.getShutdownHandlers().add(exitZero);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "watch-batch"));
        try (InboxLock held = lock.get(); InboxWatcher watcher = new InboxWatcher(inbox, stable, poll)) {
            out.printf("In attesa dei file in %s per %s (risultati in %s)%s; Ctrl-C per fermare.%n",
                    inbox.toAbsolutePath().normalize(), watched.code(), output.toAbsolutePath().normalize(),
                    watcher.usesEvents() ? "" : ", controllando la cartella ogni " + poll.toMillis() + " ms");
            out.flush();
            int batch = 0;
            while (!stopRequested) {
                List<Path> ready;
                try {
                    ready = watcher.awaitReady(() -> stopRequested);
                } catch (InterruptedException e) {
                    break; // interrupted while waiting: nothing in progress
                }
                if (ready.isEmpty()) {
                    break;
                }
                int number = ++batch;
                Future<String> running = worker.submit(() -> batch(watched, number, ready.size()));
                String line = finish(running);
                watcher.handedOver(ready);
                log.info(line);
                out.println(line);
                out.flush();
            }
        } finally {
            worker.shutdown();
            if (!stoppedByShutdown) {
                SpringApplication.getShutdownHandlers().remove(exitZero);
            }
            ended.countDown();
        }
        out.println("Attesa terminata; nessun file lasciato a metà.");
        out.flush();
        return 0;
    }

    /** Waits for the batch to end; an interrupt meanwhile only means "stop after it". */
    private String finish(Future<String> running) {
        while (true) {
            try {
                return running.get();
            } catch (InterruptedException e) {
                stopRequested = true; // the batch runs on; its files are committed and moved before we stop
            } catch (ExecutionException e) {
                log.error("watch batch failed", e.getCause());
                return "elaborazione non riuscita: " + Objects.toString(e.getCause().getMessage(),
                        e.getCause().toString()) + " (dettagli nel log); i file restano nella cartella di arrivo";
            }
        }
    }

    /** One run of the job over what is in the inbox (its last step rewrites the period's workbook); its one-line log. */
    private String batch(Period watched, int number, int files) {
        log.info("Batch {} started: {} file(s) ready in {}", number, files, inbox);
        RunReport report = monitorRun.run(new RunParameters(watched, inbox, output));
        StringBuilder line = new StringBuilder(LocalDateTime.now().format(TIME)).append(" elaborazione ")
                .append(number).append(" (").append(watched.code()).append(", ").append(files).append(" file): ");
        if (!report.completed()) {
            return line.append("non eseguita: ").append(report.failure()).toString();
        }
        report.plans().forEach(p -> line.append("piano ").append(p.fileName())
                .append(p.accepted() ? " caricato; " : " SCARTATO; "));
        line.append(RunSummary.count(report.accepted(), "accettato", "accettati")).append(", ")
                .append(RunSummary.count(report.rejected(), "scartato", "scartati")).append(", ")
                .append(RunSummary.count(report.skipped().size(), "saltato", "saltati"));
        BigDecimal ente = report.scores().stream().map(PeriodScoring.Outcome::enteResult).filter(Objects::nonNull)
                .findFirst().orElse(null);
        line.append("; ente ").append(ente == null ? "non ancora calcolabile" : RunSummary.percent(ente));
        report.workbooks().forEach(w -> line.append("; ").append(w.toAbsolutePath().normalize()));
        return line.toString();
    }

    /** The default period: the quarter that last ended (offices send a quarter's sheets after it ends). */
    static Period lastEndedQuarter(LocalDate today) {
        int current = (today.getMonthValue() - 1) / 3 + 1;
        return current == 1 ? Period.parse((today.getYear() - 1) + "-Q4")
                : Period.parse(today.getYear() + "-Q" + (current - 1));
    }

    // SmartLifecycle: when the context closes under a running watch (Ctrl-C, SIGTERM), let the
    // batch in progress finish before the database goes away.

    @Override
    public void start() {
        contextRunning = true;
    }

    @Override
    public void stop() {
        contextRunning = false;
        if (ended.getCount() > 0) {
            stoppedByShutdown = true;
            stopRequested = true;
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return contextRunning;
    }
}
