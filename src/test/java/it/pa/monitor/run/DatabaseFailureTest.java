package it.pa.monitor.run;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared database that cannot be opened (wrong URL, user or password, a database or server that is
 * not there) is one sentence on standard error and exit code 1, and nothing leaves the inbox.
 */
public class DatabaseFailureTest {

    @TempDir
    private Path work;
    private Path inbox;

    @BeforeEach
    void inboxWithAPlan() throws IOException {
        inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
    }

    @Test
    void aWrongPasswordIsOneSentenceAndExitCodeOne() throws IOException {
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, work);
        assertFailsWith(run(db.url(), TestDatabase.USER, "sbagliata"), "ha rifiutato utente e password: controllare"
                + " --db-user e la password nella variabile d'ambiente MONITOR_DB_PASSWORD.");
    }

    @Test
    void anUnknownUserIsOneSentenceAndExitCodeOne() throws IOException {
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, work);
        assertFailsWith(run(db.url(), "nessuno", TestDatabase.PASSWORD), "ha rifiutato utente e password");
    }

    @Test
    void aMissingPasswordIsOneSentenceAndExitCodeOne() throws IOException {
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, work);
        assertFailsWith(run(db.url(), TestDatabase.USER, null), "ha rifiutato utente e password");
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneSentenceAndExitCodeOne() throws IOException {
        String url = TestDatabase.Postgres.url("non_esiste");
        assertFailsWith(run(url, TestDatabase.USER, TestDatabase.PASSWORD), "Il database indicato in «" + url
                + "» non esiste su quel server");
    }

    @Test
    void aServerThatCannotBeReachedIsOneSentenceAndExitCodeOne() throws IOException {
        // Port 1 on this machine: nothing listens there.
        assertFailsWith(run("jdbc:postgresql://127.0.0.1:1/monitor", TestDatabase.USER, TestDatabase.PASSWORD),
                "Il database «jdbc:postgresql://127.0.0.1:1/monitor» non è raggiungibile: controllare host e porta");
    }

    @Test
    void aMistypedUrlIsOneSentenceAndExitCodeOne() throws IOException {
        assertFailsWith(run("jdbc:postgres://127.0.0.1/monitor", TestDatabase.USER, TestDatabase.PASSWORD),
                "L'URL del database «jdbc:postgres://127.0.0.1/monitor» non è utilizzabile dal programma");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() throws IOException {
        CommandRun run = run(TestDatabase.Postgres.url("monitor") + "?password=" + TestDatabase.PASSWORD,
                TestDatabase.USER, null);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors().strip()).isEqualTo("Non scrivere la password in --db: impostarla nella variabile"
                + " d'ambiente MONITOR_DB_PASSWORD.");
        assertInboxUntouched();
    }

    private CommandRun run(String url, String user, String password) {
        Map<String, String> environment = password == null ? Map.of() : Map.of("MONITOR_DB_PASSWORD", password);
        return CommandRun.of(environment, "run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", url, "--db-user", user);
    }

    private void assertFailsWith(CommandRun run, String sentence) throws IOException {
        assertThat(run.exitCode()).as(run.output() + run.errors()).isEqualTo(1);
        List<String> lines = run.errors().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(sentence).endsWith(".").doesNotContain(TestDatabase.PASSWORD);
        assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
        assertInboxUntouched();
    }

    private void assertInboxUntouched() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("piano-2022.xlsx");
        }
        assertThat(work.resolve("output")).doesNotExist();
    }
}
