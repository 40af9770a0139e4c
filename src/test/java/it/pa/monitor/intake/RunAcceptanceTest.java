package it.pa.monitor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.MonitorApplication;
import it.pa.monitor.plan.TranscribedPlans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run, as a user starts it: the bundled plan, 20 filled sheets carrying
 * the 50 values published by Massa-Carrara, and 5 bad files. Exit 0, a correct summary, H2
 * counts matching the accepted rows, and the published ente result.
 */
class RunAcceptanceTest {

    @TempDir
    private Path work;

    @Test
    void bundledPlanTwentySheetsAndFiveBadFiles() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (InputStream sample = MonitorApplication.class.getResourceAsStream("/samples/piano-2022.xlsx")) {
            Files.copy(sample, inbox.resolve("piano-2022.xlsx"));
        }
        List<TranscribedPlans.Published> values = TranscribedPlans.published("massa-carrara-2022");
        assertThat(values).hasSize(50);
        for (int sheet = 0; sheet < 20; sheet++) {
            SheetFixture fixture = SheetFixture.forUnit(IntakeRunTest.ENTE, "Servizio AA.GG. e Risorse umane", "2022");
            for (int i = sheet; i < values.size(); i += 20) {
                TranscribedPlans.Published v = values.get(i);
                fixture.row(v.key().objectiveCode(), v.key().code(), null, v.actual());
            }
            fixture.writeTo(inbox, String.format("rilevazione-%02d.xlsx", sheet + 1));
        }
        Path good = inbox.resolve("rilevazione-01.xlsx");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(inbox.resolve("troncato.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(inbox.resolve("testo.xlsx"), "Codice indicatore;Consuntivo\nStudi_ISR;10\n");
        Files.write(inbox.resolve("vuoto.xlsx"), new byte[0]);
        SheetFixture.forUnit(IntakeRunTest.ENTE, "ISR", "2022").row("OS_1.1", "Studi_ISR", null, "dieci")
                .writeTo(inbox, "valore-errato.xlsx");
        SheetFixture.forUnit(IntakeRunTest.ENTE, "ISR", "2022-Q2").row("OS_1.1", "Studi_ISR", null, "5")
                .writeTo(inbox, "altro-periodo.xlsx");

        String db = "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath();
        String out = monitor("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db);

        assertThat(out).contains("Files: 20 accepted, 5 rejected, 0 skipped; 50 values stored")
                .contains("REJECTED valore-errato.xlsx: 1 errore da correggere: cella ")
                .contains("REJECTED altro-periodo.xlsx: il file è per il periodo 2022-Q2")
                .contains("Results Camera di Commercio di Massa-Carrara 2022: ente 99,89 %, 50 of 50 indicators"
                        + " scored");
        try (Connection connection = DriverManager.getConnection(db, "sa", "")) {
            assertThat(count(connection, "SELECT COUNT(*) FROM reported_value")).isEqualTo(50);
            assertThat(count(connection, "SELECT SUM(values_stored) FROM submitted_file WHERE status = 'ACCEPTED'"
                    + " AND kind = 'MONITORING_SHEET'")).isEqualTo(50);
            assertThat(count(connection, "SELECT COUNT(*) FROM submitted_file WHERE status = 'REJECTED'")).isEqualTo(5);
            assertThat(count(connection, "SELECT COUNT(DISTINCT file_id || '/' || cell) FROM reported_value"))
                    .isEqualTo(50);
        }
        assertThat(IntakeRunTest.filesIn(inbox.resolve("archivio/2022"))).isEqualTo(21);
        assertThat(IntakeRunTest.filesIn(inbox.resolve("scarti/2022"))).isEqualTo(5);
        assertThat(IntakeRunTest.filesIn(work.resolve("output/2022/scarti"))).isEqualTo(5);
        try (var left = Files.list(inbox)) {
            // Only the hidden lock file of run/watch stays (.monitor.lock): no submission is left behind.
            assertThat(left.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
        // The consolidated workbook: the ente's row of Risultati holds the published 99,89 % as a number.
        Path report = work.resolve("output/2022/Relazione-2022.xlsx");
        assertThat(out).contains("Report: " + report.toAbsolutePath().normalize());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(report.toFile())) {
            var risultati = workbook.getSheet("Risultati");
            var enteRow = java.util.stream.StreamSupport.stream(risultati.spliterator(), false)
                    .filter(r -> r.getCell(1) != null && "Ente".equals(r.getCell(1).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertThat(enteRow.getCell(6).getNumericCellValue()).isCloseTo(0.9989,
                    org.assertj.core.data.Offset.offset(0.00005));
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs the command in-process, as {@code java -jar monitor.jar ...} would, and returns what it printed. */
    private static String monitor(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("monitor.intake.stable-seconds", "0");
            System.setProperty("monitor.progress", "false");
            assertThat(MonitorApplication.run(args)).isZero();
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
