package it.pa.monitor.run;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.sheet.SheetFixture;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.Launcher;
import it.pa.monitor.MonitorApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the JVM in the middle of a run over many files and runs again: every file ends up
 * processed exactly once, no value is stored twice, no file is lost; on H2 and on PostgreSQL (where
 * the killed run's connections, and the locks they held, are dropped by the server).
 */
public class CrashRecoveryTest {

    private static final int SHEETS = 150;

    @TempDir
    private Path work;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRunKilledHalfwayIsCompletedByTheNextOneWithoutDuplicates(TestDatabase.Kind kind) throws Exception {
        Path inbox = fillInbox();
        Path logs = work.resolve("logs");
        TestDatabase db = TestDatabase.create(kind, work);

        Process first = start(MonitorApplication.class, inbox, logs, db);
        boolean killedMidway = waitForStoredFiles(logs.resolve("monitor.log"), 10, first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(killedMidway).as("the first run was still storing files when killed").isTrue();

        runAgainAndCheckEveryFileOnce(MonitorApplication.class, inbox, logs, db);
    }

    /**
     * The jar's way: the launcher runs the command in a worker JVM. Killed outright, the launcher cannot stop its
     * worker; the worker notices and halts as if killed with it, so the database is left as by a crash, and the
     * next run completes it.
     */
    @Test
    void aWorkerWhoseLauncherIsKilledHaltsAndTheNextRunCompletesItsWork() throws Exception {
        Path inbox = fillInbox();
        Path logs = work.resolve("logs");
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2, work);

        Process launcher = start(Launcher.class, inbox, logs, db);
        boolean killedMidway = waitForStoredFiles(logs.resolve("monitor.log"), 10, launcher);
        Optional<ProcessHandle> worker = launcher.children().findFirst();
        assertThat(worker).as("the launcher runs the command in a worker JVM").isPresent();
        launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(killedMidway).as("the run was still storing files when its launcher was killed").isTrue();
        CompletableFuture<ProcessHandle> workerEnd = worker.get().onExit();
        // The worker looks for its launcher every 100 ms; the JDK notices a non-child's end by polling too.
        assertThat(workerEnd.get(10, TimeUnit.SECONDS).isAlive()).as("the worker halted").isFalse();
        try (Connection connection = db.connect()) {
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file")).isBetween(2, SHEETS);
        }

        runAgainAndCheckEveryFileOnce(Launcher.class, inbox, logs, db);
    }

    private Path fillInbox() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        for (int i = 0; i < SHEETS; i++) {
            SheetFixture.forUnit(IntakeRunTest.ENTE, "ISR", "2022")
                    .row("OS_1.1", "Studi_ISR", null, Integer.toString(i))
                    .row("OO_1.1.1", "Nquest_customer", null, Integer.toString(1000 + i))
                    .writeTo(inbox, String.format("scheda-%03d.xlsx", i));
        }
        return inbox;
    }

    private static void runAgainAndCheckEveryFileOnce(Class<?> main, Path inbox, Path logs, TestDatabase db)
            throws Exception {
        Process second = start(main, inbox, logs, db);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();

        try (Connection connection = db.connect()) {
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file")).isEqualTo(SHEETS + 1);
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file WHERE status = 'ACCEPTED'"))
                    .isEqualTo(SHEETS + 1);
            assertThat(count(connection, "SELECT COUNT(*) FROM reported_value")).isEqualTo(2 * SHEETS);
            assertThat(count(connection, "SELECT COUNT(*) FROM (SELECT file_id, cell FROM reported_value"
                    + " GROUP BY file_id, cell HAVING COUNT(*) > 1) AS repeated")).isZero();
        }
        try (var left = Files.list(inbox)) {
            // Only the hidden lock file of run/watch stays (.monitor.lock): no submission is left behind.
            assertThat(left.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
        List<String> archived = new ArrayList<>();
        try (var files = Files.list(inbox.resolve("archivio/2022"))) {
            files.forEach(f -> archived.add(f.getFileName().toString()));
        }
        assertThat(archived).hasSize(SHEETS + 1).doesNotHaveDuplicates().noneMatch(name -> name.contains("(2)"));
    }

    private static Process start(Class<?> main, Path inbox, Path logs, TestDatabase db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dmonitor.log-dir=" + logs, "-Dmonitor.intake.stable-seconds=0", "-Dmonitor.progress=false",
                main.getName(), "run", "--period", "2022", "--inbox", inbox.toString(),
                "--output", inbox.getParent().resolve("output").toString()));
        command.addAll(db.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The password reaches the run as it would in production: in the environment.
        builder.environment().putAll(db.environment());
        // An agent in the environment (coverage, say) would keep the launcher from starting its worker.
        List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
        builder.redirectErrorStream(true).redirectOutput(inbox.getParent().resolve("child.out").toFile());
        return builder.start();
    }

    /** Waits until the log shows {@code files} stored files; false if the process ended first. */
    private static boolean waitForStoredFiles(Path log, int files, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Stored monitoring sheet")).count() >= files) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
