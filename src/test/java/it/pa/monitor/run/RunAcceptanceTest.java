package it.pa.monitor.run;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.sheet.SheetFixture;

import it.pa.monitor.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.TranscribedPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The acceptance run, as a user starts it: the bundled plan, 20 filled sheets carrying
 * the 50 values published by Massa-Carrara, and 5 bad files. Exit 0, a correct summary, H2
 * counts matching the accepted rows, and the published ente result; on the embedded H2 database
 * and on PostgreSQL alike.
 */
public class RunAcceptanceTest {

    @TempDir
    private Path work;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void bundledPlanTwentySheetsAndFiveBadFiles(TestDatabase.Kind kind) throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
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

        TestDatabase db = TestDatabase.create(kind, work);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--period", "2022", "--inbox", inbox.toString(),
                "--output", work.resolve("output").toString()));
        args.addAll(db.args());
        CommandRun run = CommandRun.of(db.environment(), args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        String out = run.output();

        assertThat(out).contains("File: 20 accettati, 5 scartati, 0 saltati; 50 valori registrati")
                .contains("SCARTATO valore-errato.xlsx: 1 errore da correggere: cella ")
                .contains("SCARTATO altro-periodo.xlsx: il file è per il periodo 2022-Q2")
                .contains("Risultati Camera di Commercio di Massa-Carrara 2022: ente 99,89 %, 50 indicatori"
                        + " misurati su 50");
        try (Connection connection = db.connect()) {
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
        assertThat(out).contains("Relazione: " + report.toAbsolutePath().normalize());
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
}
