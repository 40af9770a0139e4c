package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import it.pa.monitor.intake.sheet.SheetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run whose report step fails (the output folder is a file, so the workbook cannot be written)
 * and the same {@code run} typed again: the job execution is restarted with the same identifying
 * parameters and resumes at the report step: the workbook is written, scan, plan, intake, archive
 * and scoring are not repeated, so no file is read twice; on H2 and on PostgreSQL. The archive runs beside
 * scoring and report: when it fails, the results are still written, and the same {@code run} typed again
 * finishes the archive alone.
 */
public class RestartRunTest {

    @TempDir
    private Path work;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRunThatFailedAtTheReportResumesThereWhenRunAgain(TestDatabase.Kind kind) throws Exception {
        Path inbox = inboxWithPlanAndSheet();
        Path output = work.resolve("output");
        Files.writeString(output, "a file where the output folder should be");
        TestDatabase db = TestDatabase.create(kind, work);

        CommandRun failed = run(db, inbox, output);
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("L'elaborazione non si è conclusa: ").doesNotContain("Relazione: ");
        assertThat(inbox.resolve("archivio/2022/scheda_S_PRO_2022.xlsx")).exists();
        long firstExecution;
        try (Connection connection = db.connect()) {
            List<String> steps = steps(connection, "SELECT s.STEP_NAME || ' ' || s.STATUS FROM BATCH_STEP_EXECUTION s"
                    + " ORDER BY s.STEP_EXECUTION_ID");
            // The archive runs beside scoring and report, so it may start before or after scoring.
            assertThat(steps).containsExactlyInAnyOrder("scan COMPLETED", "plan COMPLETED", "intake COMPLETED",
                    "archive COMPLETED", "scoring COMPLETED", "report FAILED");
            assertThat(steps.subList(0, 3)).containsExactly("scan COMPLETED", "plan COMPLETED", "intake COMPLETED");
            assertThat(steps.indexOf("scoring COMPLETED")).isLessThan(steps.indexOf("report FAILED"));
            firstExecution = count(connection, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
            assertThat(count(connection, "SELECT COUNT(*) FROM reported_value")).isEqualTo(2);
        }

        Files.delete(output);
        CommandRun resumed = run(db, inbox, output);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();

        Path workbook = output.resolve("2022/Relazione-2022.xlsx");
        try (XSSFWorkbook written = new XSSFWorkbook(workbook.toFile())) {
            assertThat(written.getSheet("Risultati")).isNotNull();
        }
        // The summary of the resumed run is the run's: the plan, the sheet and the scores of the first
        // execution, read back from the database, and the workbook of the second.
        assertThat(resumed.output())
                .contains("Piano piano-2022.xlsx: CARICATO - " + IntakeRunTest.ENTE + ", anno 2022")
                .contains("File: 1 accettato, 0 scartati, 0 saltati; 2 valori registrati")
                .contains("Risultati " + IntakeRunTest.ENTE + " 2022: ente ")
                .contains("Relazione: " + workbook.toAbsolutePath().normalize());
        try (Connection connection = db.connect()) {
            // One job instance, two executions; the second ran the report step alone.
            assertThat(count(connection, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
            assertThat(steps(connection, "SELECT s.STEP_NAME || ' ' || s.STATUS FROM BATCH_STEP_EXECUTION s"
                    + " WHERE s.JOB_EXECUTION_ID > " + firstExecution + " ORDER BY s.STEP_EXECUTION_ID"))
                    .containsExactly("report COMPLETED");
            // Each file read once, by the first execution; its values stored once.
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file")).isEqualTo(2);
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file WHERE job_execution_id = "
                    + firstExecution)).isEqualTo(2);
            assertThat(count(connection, "SELECT COUNT(*) FROM reported_value")).isEqualTo(2);
            assertThat(count(connection, "SELECT COUNT(*) FROM run_workbook WHERE job_execution_id > "
                    + firstExecution)).isEqualTo(1);
        }

        // The run after a completed one is a new run again: nothing left to read, the workbook rewritten.
        CommandRun next = run(db, inbox, output);
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.output()).contains("File: 0 accettati, 0 scartati, 0 saltati");
        try (Connection connection = db.connect()) {
            assertThat(count(connection, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void anArchiveThatFailedDoesNotStopTheResultsAndResumesAloneWhenRunAgain(TestDatabase.Kind kind) throws Exception {
        Path inbox = inboxWithPlanAndSheet();
        SheetFixture.forUnit(IntakeRunTest.ENTE, "Servizio Promozione", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "vedi allegato")
                .writeTo(inbox, "scheda_rifiutata_2022.xlsx");
        Path output = work.resolve("output");
        // A file where the folder of the error reports should be: the rejected file's report cannot be written.
        Path rejections = Files.createDirectories(output.resolve("2022")).resolve("scarti");
        Files.writeString(rejections, "a file where the folder of the error reports should be");
        TestDatabase db = TestDatabase.create(kind, work);

        CommandRun failed = run(db, inbox, output);
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("L'elaborazione non si è conclusa: ");
        // Scoring and the workbooks did not wait for the archive; the rejected file stays in the inbox.
        assertThat(output.resolve("2022/Relazione-2022.xlsx")).exists();
        assertThat(inbox.resolve("scheda_rifiutata_2022.xlsx")).exists();
        long firstExecution;
        try (Connection connection = db.connect()) {
            assertThat(steps(connection, "SELECT s.STEP_NAME || ' ' || s.STATUS FROM BATCH_STEP_EXECUTION s"
                    + " ORDER BY s.STEP_EXECUTION_ID")).containsExactlyInAnyOrder("scan COMPLETED", "plan COMPLETED",
                    "intake COMPLETED", "archive FAILED", "scoring COMPLETED", "report COMPLETED");
            firstExecution = count(connection, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        }

        Files.delete(rejections);
        CommandRun resumed = run(db, inbox, output);
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(inbox.resolve("scarti/2022/scheda_rifiutata_2022.xlsx")).exists();
        assertThat(output.resolve("2022/scarti/scheda_rifiutata_2022-errori.xlsx")).exists();
        try (Connection connection = db.connect()) {
            // The second execution ran the archive alone; every file was read once, by the first.
            assertThat(steps(connection, "SELECT s.STEP_NAME || ' ' || s.STATUS FROM BATCH_STEP_EXECUTION s"
                    + " WHERE s.JOB_EXECUTION_ID > " + firstExecution + " ORDER BY s.STEP_EXECUTION_ID"))
                    .containsExactly("archive COMPLETED");
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file WHERE job_execution_id = "
                    + firstExecution)).isEqualTo(3);
        }
    }

    /** The bundled plan and Servizio Promozione's two indicators of OO_3.1.1 (seed 000: 45 and 1.295). */
    private Path inboxWithPlanAndSheet() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        SheetFixture.forUnit(IntakeRunTest.ENTE, "Servizio Promozione", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "45,00 N.")
                .row("OO_3.1.1", "PartecAttivFormat", ">= 100,00 N.", 1295)
                .writeTo(inbox, "scheda_S_PRO_2022.xlsx");
        return inbox;
    }

    private static CommandRun run(TestDatabase db, Path inbox, Path output) {
        List<String> args = new ArrayList<>(List.of("run", "--period", "2022", "--inbox", inbox.toString(),
                "--output", output.toString()));
        args.addAll(db.args());
        return CommandRun.of(db.environment(), args.toArray(String[]::new));
    }

    private static List<String> steps(Connection connection, String sql) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                steps.add(rs.getString(1));
            }
        }
        return steps;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
