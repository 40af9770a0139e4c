package it.pa.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.MonitorApplication;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch}: takes files dropped while it runs, runs the job per batch and rewrites the
 * workbook, refuses a second watch on the same inbox, and stops cleanly (exit 0) on an interrupt
 * and on SIGTERM, as Ctrl-C or a service manager sends it.
 */
class WatchCommandTest {

    private static final String SHEET = "scheda_S_RI_2022.xlsx";

    @TempDir
    private Path temp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void takesAFileDroppedWhileItRunsRefusesASecondWatchAndStopsOnInterrupt() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Path output = temp.resolve("output");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        PrintStream original = System.out;
        System.setOut(new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8));
        try {
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread watch = new Thread(() -> exitCode.set(MonitorApplication.run("watch", "--inbox", inbox.toString(),
                    "--period", "2022", "--output", output.toString(), "--db", memoryDb())));
            watch.start();
            await(() -> contains(lines, "In attesa dei file in " + inbox.toAbsolutePath().normalize()), Duration.ofSeconds(90));

            drop("piano-2022.xlsx", inbox);
            drop(SHEET, inbox);
            await(() -> Files.exists(inbox.resolve("archivio/2022").resolve(SHEET)), Duration.ofSeconds(60));
            await(() -> contains(lines, "ente "), Duration.ofSeconds(30));
            // One line per batch: what was taken and the workbook rewritten.
            assertThat(String.join("\n", lines)).contains(" elaborazione 1 (2022, ").contains("piano piano-2022.xlsx caricato")
                    .contains(output.resolve("2022/Relazione-2022.xlsx").toAbsolutePath().normalize().toString());
            assertThat(output.resolve("2022/Relazione-2022.xlsx")).isRegularFile();
            assertThat(inbox.resolve("archivio/2022/piano-2022.xlsx")).isRegularFile();

            // A second watch on the same inbox is refused, with a sentence and a non-zero exit code.
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int second;
            try {
                second = MonitorApplication.run("watch", "--inbox", inbox.toString(), "--period", "2022", "--output",
                        output.toString(), "--db", memoryDb());
            } finally {
                System.setErr(originalErr);
            }
            assertThat(second).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("Un altro processo del monitoraggio sta già lavorando sulla cartella di arrivo");

            watch.interrupt();
            watch.join(Duration.ofSeconds(30).toMillis());
            assertThat(watch.isAlive()).isFalse();
            assertThat(exitCode.get()).isZero();
            assertThat(String.join("\n", lines)).contains("Attesa terminata; nessun file lasciato a metà.");
        } finally {
            System.setOut(original);
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void sigtermLetsTheBatchFinishAndExitsZero() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Path output = temp.resolve("output");
        // The real process, as a user starts it; its working folder (logs) is the temporary one.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MonitorApplication.class.getName(), "watch",
                "--inbox", inbox.toString(), "--period", "2022", "--output", output.toString(),
                "--db", "jdbc:h2:file:" + temp.resolve("data/monitor").toAbsolutePath())
                .directory(temp.toFile()).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> readLines(process.getInputStream(), lines));
        reader.start();
        try {
            await(() -> contains(lines, "In attesa dei file in "), Duration.ofSeconds(150));
            drop("piano-2022.xlsx", inbox);
            await(() -> contains(lines, " elaborazione 1 "), Duration.ofSeconds(60));
            drop(SHEET, inbox);
            // SIGTERM while the second batch is running: it finishes, its file is archived, exit 0.
            Path log = temp.resolve("data/logs/monitor.log");
            await(() -> Files.exists(log) && read(log).contains("Batch 2 started"), Duration.ofSeconds(60));
            process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(String.join("\n", lines)).contains("piano piano-2022.xlsx caricato")
                    .contains(" elaborazione 2 (2022, 1 file): 1 accettato, 0 scartati, 0 saltati")
                    .contains("Attesa terminata; nessun file lasciato a met")
                    .doesNotContain("\u001b[");
            assertThat(inbox.resolve("archivio/2022").resolve(SHEET)).isRegularFile();
            try (var left = Files.list(inbox)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .allMatch(n -> n.equals("archivio") || n.startsWith("."));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void defaultPeriodIsTheLastQuarterThatEnded() {
        assertThat(WatchCommand.lastEndedQuarter(LocalDate.of(2025, 7, 10)).code()).isEqualTo("2025-Q2");
        assertThat(WatchCommand.lastEndedQuarter(LocalDate.of(2026, 1, 15)).code()).isEqualTo("2025-Q4");
        assertThat(WatchCommand.lastEndedQuarter(LocalDate.of(2025, 12, 31)).code()).isEqualTo("2025-Q3");
    }

    /** Copies a bundled sample through a temporary name, so it appears in the inbox whole. */
    private void drop(String sample, Path inbox) throws IOException {
        Path staging = Files.createDirectories(temp.resolve("staging")).resolve(sample);
        try (InputStream in = MonitorApplication.class.getResourceAsStream("/samples/" + sample)) {
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staging, inbox.resolve(sample), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String memoryDb() {
        return "jdbc:h2:mem:watch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static boolean contains(List<String> lines, String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static void readLines(InputStream in, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("reader: " + e);
        }
    }

    /** Collects what is printed, line by line, from any thread. */
    private static final class LineSink extends java.io.OutputStream {
        private final List<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineSink(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
