package it.pa.monitor.templates;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code templates} on the command line: choosing one unit, and bad input said in one sentence, exit 1. */
class TemplatesCommandTest {

    @TempDir
    static Path work;

    @BeforeAll
    static void loadTheBundledPlan() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        assertThat(CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db()).exitCode()).isZero();
    }

    @Test
    void oneUnitByCodeOrByName() {
        Path out = work.resolve("one");
        CommandRun byName = CommandRun.of("templates", "--period", "2022-T2", "--unit", "Servizio Promozione", "--output",
                out.toString(), "--db", db());
        assertThat(byName.exitCode()).as(byName.errors()).isZero();
        assertThat(byName.output()).contains("Modelli 2022-T2: 1 scritto").contains("scheda_S_PRO_2022-T2.xlsx");
        CommandRun cruscotto = CommandRun.of("templates", "--period", "2022-T2", "--unit", "cr02", "--output",
                out.toString(), "--db", db());
        assertThat(cruscotto.exitCode()).isZero();
        assertThat(TemplateSheet.list(out)).extracting(p -> p.getFileName().toString())
                .containsExactly("scheda_CR02_2022-T2.xlsx", "scheda_S_PRO_2022-T2.xlsx");
    }

    @Test
    void helpListsTheCommand() {
        CommandRun help = CommandRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("templates  Scrive le schede di monitoraggio da inviare agli uffici");
    }

    @Test
    void aYearWithoutAPlanSaysSoAndWritesNothing() {
        Path out = work.resolve("none");
        CommandRun result = CommandRun.of("templates", "--period", "2030-Q1", "--output", out.toString(), "--db", db());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors().strip()).isEqualTo("Nessun piano registrato per il 2030: caricare prima il piano"
                + " (depositare piano-2030.xlsx nella cartella di arrivo ed eseguire run --period 2030-Q1).");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownUnitSaysWhichOnesExist() {
        Path out = work.resolve("unknown");
        CommandRun result = CommandRun.of("templates", "--period", "2022", "--unit", "S_XYZ", "--output", out.toString(),
                "--db", db());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors().strip()).isEqualTo("L'unità «S_XYZ» non è nel piano 2022 di Camera di Commercio di"
                + " Massa-Carrara: indicarne una tra S_RI, S_RM, S_PRO, S_RF, S_AG, ISR, CR01, CR02, ENTE.");
        assertThat(out).doesNotExist();
        // An area answers for no indicator of this plan: nothing to write, and it says so.
        CommandRun area = CommandRun.of("templates", "--period", "2022", "--unit", "A_ARM", "--output", out.toString(),
                "--db", db());
        assertThat(area.exitCode()).isEqualTo(1);
        assertThat(area.errors().strip()).isEqualTo("L'unità A_ARM non risponde di alcun indicatore del piano 2022: non"
                + " c'è un modello da scrivere.");
    }

    @Test
    void aFolderThatCannotBeWrittenSaysSo() throws IOException {
        Path file = Files.writeString(work.resolve("a-file.txt"), "not a folder");
        Path out = file.resolve("templates");
        CommandRun result = CommandRun.of("templates", "--period", "2022", "--output", out.toString(), "--db", db());
        assertThat(result.exitCode()).isEqualTo(1);
        // A file in the path: the operating system's "Not a directory", said in Italian.
        assertThat(result.errors().strip()).isEqualTo("Impossibile creare la cartella " + out.toAbsolutePath().normalize()
                + ": un elemento del percorso è un file, non una cartella.")
                .doesNotContain("\n").doesNotContain("Exception:").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aYearWithoutAPlanInAFreshDatabase() {
        CommandRun result = CommandRun.of("templates", "--period", "2022", "--output", work.resolve("fresh").toString(),
                "--db", "jdbc:h2:mem:templates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errors()).contains("Nessun piano registrato per il 2022");
    }

    private static String db() {
        return CommandRun.fileDb(work.resolve("db"));
    }
}
