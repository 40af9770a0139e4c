package it.pa.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.MonitorApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: {@code --help}, {@code run} on an inbox, exit codes. */
class RunCommandTest {

    @TempDir
    private Path inbox;

    @Test
    void helpListsTheRunCommand() {
        Result result = monitor("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run").contains("Uso: monitor");
    }

    @Test
    void runLoadsTheBundledSamplePlanAndPrintsItsCounts() throws Exception {
        BundledSamples.copy("piano-2022.xlsx", inbox);
        Result result = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Piano piano-2022.xlsx: CARICATO - Camera di Commercio di Massa-Carrara, anno 2022")
                .contains("Risultati Camera di Commercio di Massa-Carrara 2022: ente non ancora calcolabile,"
                        + " 0 indicatori misurati su 50");
    }

    @Test
    void theReadmeRunOnTheBundledSamplesGivesThePublishedEnteResult() throws Exception {
        // What the README's first command does: the sample plan and the seven sample sheets.
        for (String name : List.of("piano-2022.xlsx", "scheda_A_SG_2022.xlsx", "scheda_ISR_2022.xlsx",
                "scheda_S_AG_2022.xlsx", "scheda_S_PRO_2022.xlsx", "scheda_S_RF_2022.xlsx", "scheda_S_RI_2022.xlsx",
                "scheda_S_RM_2022.xlsx")) {
            BundledSamples.copy(name, inbox);
        }
        Result result = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isZero();
        // Seed 000, line 1982: "una ottima performance di Ente pari al 99,89%".
        assertThat(result.out()).contains("File: 7 accettati, 0 scartati, 0 saltati; 50 valori registrati, 0 avvisi")
                .contains("Risultati Camera di Commercio di Massa-Carrara 2022: ente 99,89 %, 50 indicatori misurati su 50")
                .contains("Relazione: " + inbox.resolve("output/2022/Relazione-2022.xlsx").toAbsolutePath().normalize());
    }

    @Test
    void runReportsARejectedPlanAndStillCompletes() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(inbox.resolve("piano.xlsx"))) {
            workbook.createSheet("Indicatori").createRow(0).createCell(0).setCellValue("Obiettivo");
            workbook.write(out);
        }
        Result result = monitor("run", "--period", "2025", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Piano piano.xlsx: SCARTATO")
                .contains("ERRORE - foglio Ente: manca il foglio obbligatorio «Ente»")
                .contains("manca la colonna obbligatoria «Target» nella riga di intestazione");
    }

    /** No plan in the inbox nor in the database: the run says how to load one; with the plan given, it does not. */
    @Test
    void aRunWithNoPlanForItsYearSaysHowToLoadOne() throws Exception {
        BundledSamples.copy("scheda_S_AG_2022.xlsx", inbox);
        Result result = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Nessun piano caricato per il 2022: depositare il piano nella cartella di"
                + " arrivo (una cartella di lavoro con il foglio «Indicatori»).");

        BundledSamples.copy("piano-2022.xlsx", inbox);
        Result withPlan = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(withPlan.out()).contains("Piano piano-2022.xlsx: CARICATO").doesNotContain("Nessun piano");
    }

    @Test
    void runWithoutAnInboxCannotRun() {
        Result result = monitor("run", "--period", "2025", "--inbox", inbox.resolve("missing").toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("L'elaborazione non si è conclusa: cartella di arrivo non trovata");
    }

    @Test
    void invalidPeriodIsAUsageError() {
        Result result = monitor("run", "--period", "2025-Q5", "--inbox", inbox.toString(), "--output",
                inbox.resolve("output").toString());
        assertThat(result.exitCode()).isEqualTo(2);
    }

    private record Result(int exitCode, String out) {
    }

    /** Runs the application in-process with its own in-memory database, capturing standard output. */
    private static Result monitor(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            String[] withDb = Arrays.copyOf(args, args.length + 2);
            withDb[args.length] = "--db";
            withDb[args.length + 1] = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            exitCode = MonitorApplication.run(withDb);
        } finally {
            System.setOut(original);
        }
        return new Result(exitCode, captured.toString(StandardCharsets.UTF_8));
    }
}
