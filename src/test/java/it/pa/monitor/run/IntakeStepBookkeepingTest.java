package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The intake step counts every file (read, stored, left out as already processed) but records itself in the job
 * repository as a step of one task does, not once a file: a chunk per file rewrote the step's row and its context
 * in every file's transaction, the work of the run's one writer. Each file keeps its own transaction
 * ({@code CrashRecoveryTest}).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:intake-step-${random.uuid};DB_CLOSE_DELAY=-1",
        "monitor.intake.stable-seconds=0", "monitor.progress=false"})
@ActiveProfiles("test")
class IntakeStepBookkeepingTest {

    private static final String LAST_OF = "SELECT READ_COUNT, WRITE_COUNT, FILTER_COUNT, COMMIT_COUNT, VERSION"
            + " FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1";

    @Autowired
    private MonitorRun monitorRun;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path inbox;
    @TempDir
    private Path output;

    @Test
    void theStepCountsEveryFileAndRecordsItselfOnce() throws IOException {
        BundledSamples.copy("piano-2022.xlsx", inbox);
        Path first = SheetFixture.forUnit(IntakeRunTest.ENTE, "S_RF", "2022")
                .row("OO_2.1.2", "Sollecit_DA", ">= 2,00 N.", "3")
                .writeTo(inbox, "scheda_S_RF_2022.xlsx");
        SheetFixture.forUnit(IntakeRunTest.ENTE, "Servizio Promozione", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "41,00 N.")
                .writeTo(inbox, "scheda_S_PRO_2022.xlsx");
        // The same content again, arriving later: left out by the ledger, in the step.
        Path copy = Files.copy(first, inbox.resolve("scheda_S_RF_2022 bis.xlsx"));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(first).toMillis() + 1000));

        RunReport report = monitorRun.run(new RunParameters(Period.parse("2022"), inbox, output));

        assertThat(report.accepted()).isEqualTo(2);
        Map<String, Object> intake = jdbc.queryForMap(LAST_OF, "intake");
        assertThat(count(intake, "READ_COUNT")).isEqualTo(3);
        assertThat(count(intake, "WRITE_COUNT")).isEqualTo(2);
        assertThat(count(intake, "FILTER_COUNT")).isEqualTo(1);
        assertThat(count(intake, "COMMIT_COUNT")).isEqualTo(1);
        assertThat(count(intake, "VERSION")).as("updates of the intake step's row, as many as the scan step's")
                .isEqualTo(count(jdbc.queryForMap(LAST_OF, "scan"), "VERSION"));
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
