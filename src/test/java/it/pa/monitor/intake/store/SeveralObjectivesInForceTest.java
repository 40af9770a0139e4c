package it.pa.monitor.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.results.ValuesInForce;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A file that answers indicators of several objectives (one of them sharing its code with another
 * objective's) replaces, keeps and conflicts with the values in force objective by objective, and
 * leaves the objectives it does not answer alone.
 */
class SeveralObjectivesInForceTest {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final Period PERIOD = Period.parse("2025-Q2");
    private static final IndicatorKey FIRST = new IndicatorKey("OO_01", "IND_01", 1);
    private static final IndicatorKey SAME_CODE = new IndicatorKey("OO_02", "IND_01", 1);
    private static final IndicatorKey NEW_IN_SECOND = new IndicatorKey("OO_02", "IND_05", 1);
    private static final IndicatorKey UNTOUCHED = new IndicatorKey("OO_03", "IND_02", 1);

    private JdbcTemplate jdbc;
    private IntakeStore store;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:objectives-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        store = new IntakeStore(jdbc, new RunLocks(jdbc, jdbc.getDataSource()), new ValuesInForce(jdbc));
    }

    @Test
    void aLaterFileReplacesEachObjectivesValuesAndConflictsOnlyWhereTheyDiffer() {
        Map<IndicatorKey, String> earlier = new LinkedHashMap<>();
        earlier.put(FIRST, "6");
        earlier.put(SAME_CODE, "40 %");
        earlier.put(UNTOUCHED, "3");
        Map<IndicatorKey, String> later = new LinkedHashMap<>();
        later.put(FIRST, "10");
        later.put(SAME_CODE, "40,0 %");
        later.put(NEW_IN_SECOND, "7");
        store.store(sheet("a", Instant.parse("2025-07-01T08:00:00Z"), earlier), PERIOD.code(), null);
        store.store(sheet("b", Instant.parse("2025-07-02T08:00:00Z"), later), PERIOD.code(), null);

        var inForce = new ReportedValues(jdbc).inForce(ENTE, 2025, PERIOD);
        assertThat(inForce.get(FIRST).raw()).isEqualTo("10");
        assertThat(inForce.get(FIRST).fileName()).isEqualTo("b.xlsx");
        // The same percentage written another way: the later file's cell is in force, with no conflict.
        assertThat(inForce.get(SAME_CODE).fileName()).isEqualTo("b.xlsx");
        assertThat(inForce.get(NEW_IN_SECOND).raw()).isEqualTo("7");
        assertThat(inForce.get(UNTOUCHED).fileName()).isEqualTo("a.xlsx");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM value_in_force", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT w.objective_code || ' ' || w.raw_value || ' > ' || l.raw_value"
                + " FROM value_conflict c JOIN reported_value w ON w.id = c.winner_id"
                + " JOIN reported_value l ON l.id = c.loser_id", String.class)).containsExactly("OO_01 10 > 6");
    }

    private static ProcessedFile sheet(String letter, Instant receivedAt, Map<IndicatorKey, String> raw) {
        ActualValueParser parser = new ActualValueParser();
        List<ProcessedFile.Value> values = raw.entrySet().stream().map(e -> new ProcessedFile.Value(e.getKey(),
                parser.parse(CellValue.text(e.getValue()), 2025), "D8", null)).toList();
        InboxFile file = new InboxFile("/tmp/" + letter + ".xlsx", letter + ".xlsx", letter.repeat(64),
                WorkbookKind.MONITORING_SHEET, 1000, receivedAt);
        return new ProcessedFile(file, FileOutcome.ACCEPTED, ENTE, 2025, "S_PRO", "Rilevazione", null, values,
                List.of(), List.of(), null);
    }
}
