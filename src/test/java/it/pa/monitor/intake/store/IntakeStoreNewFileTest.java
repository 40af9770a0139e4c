package it.pa.monitor.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.intake.inbox.FileLedger;
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
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link IntakeStore#storeNew}, what intake's writer calls for a content its processor just found new: the same
 * rows as {@link IntakeStore#store}, without looking the content up again; a content already in the ledger is
 * refused by the ledger's unique key, never stored twice.
 */
class IntakeStoreNewFileTest {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final Period PERIOD = Period.parse("2025-Q2");
    private static final IndicatorKey KEY = new IndicatorKey("OO_01", "IND_01", 1);
    private static final Instant RECEIVED = Instant.parse("2025-07-01T08:00:00Z");

    private JdbcTemplate jdbc;
    private IntakeStore store;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:store-new-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        store = new IntakeStore(jdbc, new RunLocks(jdbc, jdbc.getDataSource()), new ValuesInForce(jdbc));
    }

    @Test
    void aNewFileIsStoredAsStoreStoresIt() {
        long byStore = store.store(sheet("a", "6"), PERIOD.code(), 7L);
        long byStoreNew = store.storeNew(sheet("b", "10"), PERIOD.code(), 7L, store.enteId(ENTE));

        FileLedger ledger = new FileLedger(jdbc);
        assertThat(ledger.processedBy(7L)).extracting(FileLedger.Entry::id).containsExactly(byStore, byStoreNew);
        FileLedger.Entry entry = ledger.find("b".repeat(64)).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(entry.valuesStored()).isEqualTo(1);
        assertThat(entry.unitCode()).isEqualTo("S_PRO");
        // Its value went through the values in force like any other: received at the same instant and stored
        // later, it wins, and the different value is a conflict.
        assertThat(new ReportedValues(jdbc).inForce(ENTE, 2025, PERIOD).get(KEY).raw()).isEqualTo("10");
        assertThat(jdbc.queryForList("SELECT w.raw_value || ' > ' || l.raw_value FROM value_conflict c"
                + " JOIN reported_value w ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id",
                String.class)).containsExactly("10 > 6");
        assertThat(jdbc.queryForObject("SELECT ente_id FROM submitted_file WHERE id = ?", Long.class, byStoreNew))
                .isEqualTo(store.enteId(ENTE));
    }

    @Test
    void aContentAlreadyInTheLedgerIsRefusedNotStoredTwice() {
        store.storeNew(sheet("a", "6"), PERIOD.code(), null, store.enteId(ENTE));

        assertThatThrownBy(() -> store.storeNew(sheet("a", "6"), PERIOD.code(), null, store.enteId(ENTE)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_file", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reported_value", Integer.class)).isEqualTo(1);
    }

    @Test
    void anEnteTheDatabaseDoesNotHoldHasNoId() {
        assertThat(store.enteId("Camera di Commercio Sconosciuta")).isNull();
        assertThat(store.enteId(ENTE)).isNotNull();
    }

    private static ProcessedFile sheet(String letter, String raw) {
        ProcessedFile.Value value = new ProcessedFile.Value(KEY, new ActualValueParser().parse(CellValue.text(raw), 2025),
                "D8", null);
        InboxFile file = new InboxFile("/tmp/" + letter + ".xlsx", letter + ".xlsx", letter.repeat(64),
                WorkbookKind.MONITORING_SHEET, 1000, RECEIVED);
        return new ProcessedFile(file, FileOutcome.ACCEPTED, ENTE, 2025, "S_PRO", "Rilevazione", null, List.of(value),
                List.of(), List.of(), null);
    }
}
