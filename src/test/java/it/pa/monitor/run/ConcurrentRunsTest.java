package it.pa.monitor.run;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.sheet.SheetFixture;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.MonitorApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs started at the same time on one PostgreSQL database, each with its own inbox holding the
 * same files: the database lock lets each file (by content) be processed by one run only; the other
 * waits for it, then skips the file as already processed. Without the lock both would read the same
 * files and the second to commit would fail on the ledger's unique sha256.
 */
public class ConcurrentRunsTest {

    private static final int SHEETS = 40;
    private static final Pattern FILES = Pattern.compile(
            "File: (\\d+) accettat[oi], (\\d+) scartat[oi], (\\d+) saltat[oi]");

    @TempDir
    private Path work;

    @Test
    void twoRunsOnOneDatabaseNeverProcessTheSameFile() throws Exception {
        Path first = Files.createDirectories(work.resolve("a/inbox"));
        Path second = Files.createDirectories(work.resolve("b/inbox"));
        BundledSamples.copy("piano-2022.xlsx", first);
        for (int i = 0; i < SHEETS; i++) {
            SheetFixture.forUnit(IntakeRunTest.ENTE, "ISR", "2022")
                    .row("OS_1.1", "Studi_ISR", null, Integer.toString(i))
                    .row("OO_1.1.1", "Nquest_customer", null, Integer.toString(1000 + i))
                    .writeTo(first, String.format("scheda-%03d.xlsx", i));
        }
        try (Stream<Path> files = Files.list(first)) {
            for (Path file : files.toList()) {
                Files.copy(file, second.resolve(file.getFileName()));
            }
        }
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, work);

        Process a = start(first, db);
        Process b = start(second, db);
        assertThat(a.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String outA = Files.readString(first.resolveSibling("child.out"));
        String outB = Files.readString(second.resolveSibling("child.out"));
        assertThat(a.exitValue()).as(outA).isZero();
        assertThat(b.exitValue()).as(outB).isZero();

        int[] filesA = files(outA);
        int[] filesB = files(outB);
        // Every sheet accepted exactly once, by one run or the other; the other skipped it.
        assertThat(filesA[0] + filesB[0]).isEqualTo(SHEETS);
        assertThat(filesA[1] + filesB[1]).isZero();
        try (Connection connection = db.connect()) {
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file")).isEqualTo(SHEETS + 1);
            assertThat(count(connection, "SELECT COUNT(*) FROM reported_value")).isEqualTo(2 * SHEETS);
            assertThat(count(connection, "SELECT COUNT(DISTINCT job_execution_id) FROM submitted_file"
                    + " WHERE kind = 'MONITORING_SHEET'")).isBetween(1, 2);
        }
        for (Path inbox : List.of(first, second)) {
            try (Stream<Path> left = Files.list(inbox)) {
                // Only the hidden lock file of run/watch stays (.monitor.lock): no submission is left behind.
                assertThat(left.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                        .isEmpty();
            }
        }
    }

    private static int[] files(String output) {
        Matcher matcher = FILES.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))};
    }

    private static Process start(Path inbox, TestDatabase db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dmonitor.log-dir=" + inbox.resolveSibling("logs"), "-Dmonitor.intake.stable-seconds=0",
                "-Dmonitor.progress=false", MonitorApplication.class.getName(), "run", "--period", "2022",
                "--inbox", inbox.toString(), "--output", inbox.resolveSibling("output").toString()));
        command.addAll(db.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(db.environment());
        builder.redirectErrorStream(true).redirectOutput(inbox.resolveSibling("child.out").toFile());
        return builder.start();
    }

    private static int count(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
