package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;
import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.results.ValuesInForce;
import it.pa.monitor.problem.Severity;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One problem type in the ledger, on H2 and PostgreSQL: a plan's problems (placed by row and column)
 * and a sheet's (placed by cell, with the value) come back exactly as stored, severity as the enum's
 * text; and V13 moves the row and column of plan problems stored before it out of the raw value.
 */
class ProblemStorageTest {

    private static final Instant RECEIVED = Instant.parse("2025-07-01T08:00:00Z");

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void planAndFileProblemsComeBackAsStoredWithTheSeverityAsItsEnumText(TestDatabase.Kind kind) {
        JdbcTemplate jdbc = migrated(kind, null);
        IntakeStore store = new IntakeStore(jdbc, new RunLocks(jdbc, jdbc.getDataSource()), new ValuesInForce(jdbc));
        FileLedger ledger = new FileLedger(jdbc);
        List<Problem> plan = List.of(
                Problem.error("Indicatori", 12, "Target", "target «circa 10» non leggibile"),
                Problem.warning("Storico", 3, null, "riga senza anno: ignorata"),
                Problem.warning(null, null, "Peso", "i pesi non sommano a 100"));
        List<Problem> sheet = List.of(
                Problem.cellError("Rilevazione", "D9", "circa 1300", "valore non riconosciuto"),
                Problem.cellWarning("Rilevazione", "C8", ">= 12", "target diverso dal piano"),
                Problem.fileError("il file non è una cartella di lavoro"));

        // In a transaction, as the run stores a file: PostgreSQL's run locks last until it ends.
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
                jdbc.getDataSource()));
        long planId = transaction.execute(t -> store.store(file("a", WorkbookKind.PLAN, plan), "2025-Q2", null));
        long sheetId = transaction.execute(t -> store.store(file("b", WorkbookKind.MONITORING_SHEET, sheet),
                "2025-Q2", null));

        assertThat(ledger.problems(planId)).containsExactlyElementsOf(plan);
        assertThat(ledger.problems(sheetId)).containsExactlyElementsOf(sheet);
        assertThat(jdbc.queryForList("SELECT severity FROM file_problem ORDER BY file_id, seq", String.class))
                .containsExactly("ERRORE", "AVVISO", "AVVISO", "ERRORE", "AVVISO", "ERRORE")
                .containsExactly(Severity.ERRORE.name(), Severity.AVVISO.name(), Severity.AVVISO.name(),
                        Severity.ERRORE.name(), Severity.AVVISO.name(), Severity.ERRORE.name());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void planProblemsStoredBeforeV13GetTheirRowAndColumnBack(TestDatabase.Kind kind) {
        JdbcTemplate jdbc = migrated(kind, "11");
        // What the plan step wrote before: the place in the raw value, no cell.
        long planId = ledgerRow(jdbc, "a", "PLAN");
        long sheetId = ledgerRow(jdbc, "b", "MONITORING_SHEET");
        oldProblem(jdbc, planId, 1, "ERRORE", "Indicatori", null, "riga 12, colonna Target", "target non leggibile");
        oldProblem(jdbc, planId, 2, "AVVISO", "Storico", null, "riga 3", "riga senza anno");
        oldProblem(jdbc, planId, 3, "AVVISO", "Ambiti", null, "colonna Peso", "i pesi non sommano a 100");
        oldProblem(jdbc, planId, 4, "ERRORE", null, null, null, "il file non è una cartella di lavoro");
        // A value an office typed that happens to read like a place is a value, not a place.
        oldProblem(jdbc, sheetId, 1, "ERRORE", "Rilevazione", "D9", "riga 5", "valore non riconosciuto");

        Flyway.configure().dataSource(jdbc.getDataSource()).load().migrate();

        FileLedger ledger = new FileLedger(jdbc);
        assertThat(ledger.problems(planId)).containsExactly(
                Problem.error("Indicatori", 12, "Target", "target non leggibile"),
                Problem.warning("Storico", 3, null, "riga senza anno"),
                Problem.warning("Ambiti", null, "Peso", "i pesi non sommano a 100"),
                Problem.fileError("il file non è una cartella di lavoro"));
        assertThat(ledger.problems(sheetId)).containsExactly(
                Problem.cellError("Rilevazione", "D9", "riga 5", "valore non riconosciuto"));
        // Shown in Qualità dati as before the migration.
        assertThat(ledger.problems(planId)).extracting(Problem::position)
                .containsExactly("riga 12, colonna Target", "riga 3", "colonna Peso", null);
    }

    private JdbcTemplate migrated(TestDatabase.Kind kind, String target) {
        TestDatabase db = TestDatabase.create(kind, work);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(),
                db.user() == null ? "sa" : db.user(), db.password() == null ? "" : db.password());
        var flyway = Flyway.configure().dataSource(dataSource);
        (target == null ? flyway : flyway.target(target)).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static ProcessedFile file(String shaLetter, WorkbookKind kind, List<Problem> problems) {
        InboxFile inbox = new InboxFile("/tmp/file-" + shaLetter + ".xlsx", "file-" + shaLetter + ".xlsx",
                shaLetter.repeat(64), kind, 1000, RECEIVED);
        return ProcessedFile.rejected(inbox, "errori", problems);
    }

    private static long ledgerRow(JdbcTemplate jdbc, String shaLetter, String kind) {
        jdbc.update("INSERT INTO submitted_file (sha256, file_name, period, kind, status, received_at, processed_at,"
                        + " size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", shaLetter.repeat(64), "file-" + shaLetter,
                "2025-Q2", kind, FileOutcome.REJECTED.name(), Timestamp.from(RECEIVED), Timestamp.from(RECEIVED), 1000);
        return jdbc.queryForObject("SELECT id FROM submitted_file WHERE sha256 = ?", Long.class,
                shaLetter.repeat(64));
    }

    private static void oldProblem(JdbcTemplate jdbc, long fileId, int seq, String severity, String sheet,
                                   String cell, String raw, String message) {
        jdbc.update("INSERT INTO file_problem (file_id, seq, severity, sheet, cell, raw, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", fileId, seq, severity, sheet, cell, raw, message);
    }
}
