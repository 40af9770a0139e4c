package it.pa.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.MonitorApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line a user expects: help, version, no terminal codes in a pipe, errors as one sentence. */
class CommandLineTest {

    @TempDir
    private Path temp;

    @Test
    void helpListsTheFourCommandsWithADescriptionEach() {
        Output result = monitor("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).containsPattern("(?m)^\\s+run\\s+Acquisisce ogni file della cartella di arrivo")
                .containsPattern("(?m)^\\s+templates\\s+Scrive le schede di monitoraggio da inviare agli uffici")
                .containsPattern("(?m)^\\s+watch\\s+Elabora i file depositati nella cartella di arrivo")
                .containsPattern("(?m)^\\s+demo\\s+Esegue un anno di monitoraggio trimestrale")
                .contains("Comandi:");
    }

    /** picocli's own words in the help are Italian too: the usage heading, the sub-command label, -h and -V. */
    @Test
    void theHelpIsInItalian() {
        Output result = monitor("--help");
        assertThat(result.out()).startsWith("Uso: monitor [-hV]").contains("[COMANDO]").contains("Comandi:")
                .contains("-h, --help            Mostra questo aiuto ed esce.")
                .contains("-V, --version         Mostra la versione del programma ed esce.")
                .doesNotContain("Usage").doesNotContain("Show this help");
        assertThat(monitor("templates", "--help").out()).startsWith("Uso: monitor templates [-hV]")
                .contains("Mostra questo aiuto ed esce.");
    }

    /**
     * A mistyped command line is one Italian sentence, then the command's usage (or the commands it resembles),
     * exit code 2.
     */
    @Test
    void aMistypedCommandLineIsToldInItalian() {
        Output missing = monitor("run");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Manca l'opzione obbligatoria --period." + System.lineSeparator()
                + "Uso: monitor run ");

        Output period = monitor("run", "--period", "2025-Q7");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err().lines().findFirst()).contains("Opzione --period: periodo «2025-Q7» non valido: Q va"
                + " da 1 a 4.");

        Output year = monitor("run", "--period", "1800-Q1");
        assertThat(year.err().lines().findFirst()).contains("Opzione --period: periodo «1800-Q1» non valido: l'anno va"
                + " da 1900 a 2999.");

        Output format = monitor("templates", "--period", "2025", "--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err().lines().findFirst()).contains("Opzione --format: «pdf» non è un formato di modello:"
                + " scrivere xlsx o ods.");

        Output command = monitor("rum");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err().lines().toList()).containsExactly("Comando o argomento non riconosciuto: «rum».",
                "Forse si intendeva: monitor run?");

        Output option = monitor("run", "--period", "2025", "--perido", "2026");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err().lines().toList()).startsWith("Opzione sconosciuta: «--perido».",
                "Forse si intendeva: --period?");

        Output twice = monitor("run", "--period", "2025", "--period", "2026");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err().lines().findFirst()).contains("L'opzione --period è indicata più di una volta.");
    }

    @Test
    void versionIsTheMavenProjectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        // The project's own version: the first <version> after its artifactId.
        Matcher m = Pattern.compile("<artifactId>monitor</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        Output result = monitor("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("monitor " + m.group(1));
    }

    @Test
    void noTerminalCodesWhenTheOutputIsNotATerminal() throws IOException {
        // Under the test runner standard output is a pipe, as in a log or CI.
        assertThat(System.console()).isNull();
        assertThat(CommandLineApp.ansi()).isEqualTo(picocli.CommandLine.Help.Ansi.OFF);
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        for (String name : new String[] {"piano-2022.xlsx", "scheda_A_SG_2022.xlsx", "scheda_ISR_2022.xlsx",
            "scheda_S_AG_2022.xlsx", "scheda_S_PRO_2022.xlsx", "scheda_S_RF_2022.xlsx", "scheda_S_RI_2022.xlsx"}) {
            BundledSamples.copy(name, inbox);
        }
        Output help = monitor("run", "--help");
        // Six sheets: more than the progress bar's threshold, so on a terminal it would redraw its line.
        Output run = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                temp.resolve("output").toString());
        assertThat(run.exitCode()).isZero();
        for (Output output : new Output[] {help, run}) {
            assertThat(output.out() + output.err()).doesNotContain("\u001b[").doesNotContain("\r");
        }
        assertThat(run.out() + run.err()).doesNotContain("Schede");
    }

    @Test
    void aFailingCommandPrintsOneSentenceNotAStackTrace() throws IOException {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        // The output "folder" is a file: the workbook cannot be written.
        Path notAFolder = Files.writeString(temp.resolve("output"), "un file, non una cartella");
        Output result = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                notAFolder.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("Errore: ").contains("(dettagli nel log)").doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsOneSentence() {
        java.sql.SQLException locked = new java.sql.SQLException("Database may be already in use: \"/x/monitor.mv.db\"",
                "90020", 90020);
        assertThat(it.pa.monitor.StartupFailure.sentence(new IllegalStateException("Failed to start",
                new RuntimeException("pool", locked))))
                .isEqualTo("Il database è usato da un altro processo del monitoraggio (un comando run o watch in corso):"
                        + " attendere che finisca, o fermarlo, e riprovare.");
    }

    private record Output(int exitCode, String out, String err) {
    }

    private static Output monitor(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            String[] withDb = java.util.Arrays.copyOf(args, args.length + 2);
            withDb[args.length] = "--db";
            withDb[args.length + 1] = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            exitCode = MonitorApplication.run(withDb);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(exitCode, capturedOut.toString(StandardCharsets.UTF_8),
                capturedErr.toString(StandardCharsets.UTF_8));
    }
}
