package it.pa.monitor.intake.store;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.results.ValuesInForce;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Which value and which override are in force when files are stored out of the order they were
 * received in (README: "the later received wins", "the latest per indicator and period applies"):
 * the file received last wins, not the file processed last.
 */
public class IntakeStoreTest {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final Period PERIOD = Period.parse("2025-Q2");
    private static final IndicatorKey KEY = new IndicatorKey("OO_01", "IND_01", 1);
    private static final Instant EARLIER = Instant.parse("2025-07-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-07-02T08:00:00Z");

    private JdbcTemplate jdbc;
    private IntakeStore store;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        store = new IntakeStore(jdbc, new RunLocks(jdbc, jdbc.getDataSource()), new ValuesInForce(jdbc));
    }

    @Test
    void aFileReceivedEarlierButStoredLaterLosesTheConflict() {
        store.store(sheet("b", LATER, "10"), PERIOD.code(), null);
        store.store(sheet("a", EARLIER, "6"), PERIOD.code(), null);

        assertThat(winnerOverLoser()).containsExactly("10 > 6");
        assertThat(jdbc.queryForObject("SELECT r.raw_value FROM value_in_force f JOIN reported_value r"
                + " ON r.id = f.value_id", String.class)).isEqualTo("10");
        assertThat(new ReportedValues(jdbc).inForce(ENTE, 2025, PERIOD).get(KEY).raw()).isEqualTo("10");
    }

    @Test
    void aFileReceivedLaterAndStoredLaterWinsTheConflict() {
        store.store(sheet("a", EARLIER, "6"), PERIOD.code(), null);
        store.store(sheet("b", LATER, "10"), PERIOD.code(), null);

        assertThat(winnerOverLoser()).containsExactly("10 > 6");
        assertThat(new ReportedValues(jdbc).inForce(ENTE, 2025, PERIOD).get(KEY).raw()).isEqualTo("10");
    }

    @Test
    void ofTwoFilesReceivedAtTheSameInstantTheOneStoredLaterWinsForValuesAndOverrides() {
        store.store(sheet("a", EARLIER, "6"), PERIOD.code(), null);
        store.store(sheet("b", EARLIER, "10"), PERIOD.code(), null);
        store.store(overrides("c", EARLIER, new BigDecimal("50")), PERIOD.code(), null);
        store.store(overrides("d", EARLIER, new BigDecimal("70")), PERIOD.code(), null);

        assertThat(winnerOverLoser()).containsExactly("10 > 6");
        ReportedValues reader = new ReportedValues(jdbc);
        assertThat(reader.inForce(ENTE, 2025, PERIOD).get(KEY).raw()).isEqualTo("10");
        assertThat(reader.history(ENTE, 2025).get(KEY)).singleElement()
                .satisfies(r -> assertThat(r.value().raw()).isEqualTo("10"));
        assertThat(reader.overrides(ENTE, 2025, PERIOD).get(KEY).level()).isEqualByComparingTo("70");
    }

    @Test
    void theOverrideReceivedLastAppliesWhateverTheOrderTheFilesAreStoredIn() {
        store.store(overrides("b", LATER, new BigDecimal("70")), PERIOD.code(), null);
        store.store(overrides("a", EARLIER, new BigDecimal("50")), PERIOD.code(), null);

        assertThat(new ReportedValues(jdbc).overrides(ENTE, 2025, PERIOD).get(KEY).level())
                .isEqualByComparingTo("70");

        // A third one, received after both: it applies, and "Non valutabile" (no level) is kept as such.
        store.store(overrides("c", LATER.plusSeconds(60), null), PERIOD.code(), null);
        OverrideDecision latest = new ReportedValues(jdbc).overrides(ENTE, 2025, PERIOD).get(KEY);
        assertThat(latest.notAssessable()).isTrue();
        assertThat(latest.motivation()).isEqualTo("motivo c");
    }

    private List<String> winnerOverLoser() {
        return jdbc.queryForList("SELECT w.raw_value || ' > ' || l.raw_value FROM value_conflict c"
                + " JOIN reported_value w ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id", String.class);
    }

    private static ProcessedFile sheet(String letter, Instant receivedAt, String raw) {
        ProcessedFile.Value value = new ProcessedFile.Value(KEY, new ActualValueParser().parse(CellValue.text(raw), 2025),
                "D8", null);
        return new ProcessedFile(file(letter, receivedAt, WorkbookKind.MONITORING_SHEET), FileOutcome.ACCEPTED, ENTE,
                2025, "S_PRO", "Rilevazione", null, List.of(value), List.of(), List.of(), null);
    }

    private static ProcessedFile overrides(String letter, Instant receivedAt, BigDecimal level) {
        ProcessedFile.Override override = new ProcessedFile.Override(new OverrideDecision(KEY, level,
                "motivo " + letter, "OIV"), PERIOD.code(), "D2", null);
        return new ProcessedFile(file(letter, receivedAt, WorkbookKind.OVERRIDES), FileOutcome.ACCEPTED, ENTE, 2025,
                null, "Rettifiche", null, List.of(), List.of(override), List.of(), null);
    }

    private static InboxFile file(String letter, Instant receivedAt, WorkbookKind kind) {
        return new InboxFile("/tmp/" + letter + ".xlsx", letter + ".xlsx", letter.repeat(64), kind, 1000, receivedAt);
    }
}
