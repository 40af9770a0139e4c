package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import it.pa.monitor.intake.sheet.SheetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * README: "the later received wins" — received, not processed. A corrected sheet is received and
 * processed in one run; the sheet it corrects, received a day earlier, turns up in the inbox only
 * for the next run (e.g. restored from a mail with its original date). The value in force stays
 * the corrected one for the writer (value_in_force, the conflict's winner) and for every reader
 * (the score, the Fonti sheet): "the file processed last wins" would fail here, on H2 and on
 * PostgreSQL alike.
 */
public class LateArrivalRunTest {

    private static final String INDICATOR = "N_ImpPesatInd";

    @TempDir
    private Path work;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aSheetReceivedEarlierButProcessedInALaterRunDoesNotReplaceTheValueInForce(TestDatabase.Kind kind)
            throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        TestDatabase db = TestDatabase.create(kind, work);
        Instant corrected = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // Run 1: the corrected sheet, 10 against the plan's ">= 10,00 N." of OO_3.2.2: 10 / 10 = 100 %.
        Path later = SheetFixture.forUnit(IntakeRunTest.ENTE, "S_RM", "2022")
                .row("OO_3.2.2", INDICATOR, ">= 10,00 N.", "10").writeTo(inbox, "scheda_S_RM_2022 corretta.xlsx");
        Files.setLastModifiedTime(later, FileTime.from(corrected));
        CommandRun first = run(db, inbox);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("File: 1 accettato, 0 scartati");

        // Run 2: the sheet it corrected, received a day before it: 6 would score 6 / 10 = 60 %.
        Path earlier = SheetFixture.forUnit(IntakeRunTest.ENTE, "S_RM", "2022")
                .row("OO_3.2.2", INDICATOR, ">= 10,00 N.", "6").writeTo(inbox, "scheda_S_RM_2022.xlsx");
        Files.setLastModifiedTime(earlier, FileTime.from(corrected.minus(1, ChronoUnit.DAYS)));
        CommandRun second = run(db, inbox);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("File: 1 accettato, 0 scartati");

        try (Connection connection = db.connect()) {
            // Both values are kept; the writer keeps the later received in force and says it won.
            assertThat(strings(connection, "SELECT raw_value FROM reported_value WHERE indicator_code = '"
                    + INDICATOR + "' ORDER BY id")).containsExactly("10", "6");
            assertThat(strings(connection, "SELECT r.raw_value FROM value_in_force f JOIN reported_value r"
                    + " ON r.id = f.value_id WHERE f.indicator_code = '" + INDICATOR + "'")).containsExactly("10");
            assertThat(strings(connection, "SELECT w.raw_value || ' > ' || l.raw_value FROM value_conflict c"
                    + " JOIN reported_value w ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id"))
                    .containsExactly("10 > 6");
            // The readers: scoring of run 2 still finds 10 (100 %, not 60 %).
            assertThat(strings(connection, "SELECT CAST(CAST(s.achievement AS DECIMAL(9, 2)) AS VARCHAR(20))"
                    + " FROM indicator_score s JOIN score_run r ON r.id = s.run_id WHERE r.period = '2022'"
                    + " AND s.indicator_code = '" + INDICATOR + "'")).containsExactly("100.00");
        }
        // ... and the report's Fonti sheet traces 10 to the corrected file.
        try (XSSFWorkbook workbook = new XSSFWorkbook(work.resolve("output/2022/Relazione-2022.xlsx").toFile())) {
            List<String> sources = StreamSupport.stream(workbook.getSheet("Fonti").spliterator(), false)
                    .filter(r -> r.getCell(0) != null && r.getCell(0).getStringCellValue().contains(INDICATOR))
                    .map(LateArrivalRunTest::valueAndFile).toList();
            assertThat(sources).containsExactly("10 | scheda_S_RM_2022 corretta.xlsx");
        }
    }

    private CommandRun run(TestDatabase db, Path inbox) {
        List<String> args = new ArrayList<>(List.of("run", "--period", "2022", "--inbox", inbox.toString(),
                "--output", work.resolve("output").toString()));
        args.addAll(db.args());
        return CommandRun.of(db.environment(), args.toArray(String[]::new));
    }

    private static String valueAndFile(Row row) {
        return row.getCell(2).getStringCellValue() + " | " + row.getCell(3).getStringCellValue();
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
