package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.store.IntakeStore;
import it.pa.monitor.intake.store.ProcessedFile;
import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.results.ValuesInForce;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
 * A database filled under V4 (values stored before the value_in_force table existed) and migrated
 * to the latest version: sending the same values again records no conflict, as it would not have
 * under V4; a really different value still does.
 */
public class MigrationFromV4Test {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final String PERIOD = "2025-Q2";
    private static final Instant RECEIVED_UNDER_V4 = Instant.parse("2025-07-01T08:00:00Z");

    /** Raw values as offices type them: integers, decimals, percentages, dates, yes/no. */
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("IND_INTERO", "45");
        VALUES.put("IND_ZERO", "0");
        VALUES.put("IND_DECIMALE", "1.635,50");
        VALUES.put("IND_PERCENTUALE", "95,83 %");
        VALUES.put("IND_CENTO", "100,00 %");
        VALUES.put("IND_DATA", "18/12/2025");
        VALUES.put("IND_SINO", "Sì");
        VALUES.put("IND_NC", "N.C.");
    }

    private final ActualValueParser parser = new ActualValueParser();
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void fillUnderV4ThenMigrate() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:v4-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).target("4").load().migrate();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_NAME) = 'value_in_force'", Integer.class)).as("still at V4").isZero();

        // What intake wrote under V4: the ledger row and each value with its parsed form.
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        long enteId = jdbc.queryForObject("SELECT id FROM ente WHERE name = ?", Long.class, ENTE);
        jdbc.update("INSERT INTO submitted_file (sha256, file_name, period, kind, status, ente_id, unit_code,"
                        + " received_at, processed_at, size_bytes, values_stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "a".repeat(64), "scheda_V4.xlsx", PERIOD, "MONITORING_SHEET", "ACCEPTED", enteId, "S_PRO",
                Timestamp.from(RECEIVED_UNDER_V4), Timestamp.from(RECEIVED_UNDER_V4), 1000, VALUES.size());
        long fileId = jdbc.queryForObject("SELECT id FROM submitted_file WHERE file_name = 'scheda_V4.xlsx'", Long.class);
        VALUES.forEach((code, raw) -> {
            ActualValue a = parser.parse(CellValue.text(raw), 2025);
            jdbc.update("INSERT INTO reported_value (ente_id, plan_year, period, objective_code, indicator_code,"
                            + " occurrence, raw_value, received_at, file_id, sheet, cell, unit_code, value_kind,"
                            + " value_number, value_unit, value_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    enteId, 2025, PERIOD, "OO_01", code, 1, a.raw(), Timestamp.from(RECEIVED_UNDER_V4), fileId,
                    "Rilevazione", "D8", "S_PRO", a.kind().name(), a.number(),
                    a.unit() == null ? null : a.unit().name(), a.date() == null ? null : Date.valueOf(a.date()));
        });

        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @Test
    void theSameValuesSentAgainAfterTheMigrationRecordNoConflict() {
        store().store(file("b", VALUES), PERIOD, null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reported_value", Integer.class))
                .isEqualTo(2 * VALUES.size());
        assertThat(jdbc.queryForList("SELECT l.indicator_code FROM value_conflict c JOIN reported_value l"
                + " ON l.id = c.loser_id", String.class)).as("spurious conflicts").isEmpty();
    }

    @Test
    void aDifferentValueSentAfterTheMigrationIsStillAConflictThatTheLaterWins() {
        Map<String, String> changed = new LinkedHashMap<>(VALUES);
        changed.put("IND_INTERO", "46");
        changed.put("IND_PERCENTUALE", "95,84 %");
        store().store(file("c", changed), PERIOD, null);

        assertThat(jdbc.queryForList("SELECT w.raw_value || ' > ' || l.raw_value FROM value_conflict c"
                + " JOIN reported_value w ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id"
                + " ORDER BY w.indicator_code", String.class)).containsExactly("46 > 45", "95,84 % > 95,83 %");
    }

    private IntakeStore store() {
        return new IntakeStore(jdbc, new RunLocks(jdbc, jdbc.getDataSource()), new ValuesInForce(jdbc));
    }

    private ProcessedFile file(String shaLetter, Map<String, String> values) {
        InboxFile inbox = new InboxFile("/tmp/scheda.xlsx", "scheda_" + shaLetter + ".xlsx", shaLetter.repeat(64),
                WorkbookKind.MONITORING_SHEET, 1000, RECEIVED_UNDER_V4.plusSeconds(86_400));
        List<ProcessedFile.Value> parsed = new ArrayList<>();
        values.forEach((code, raw) -> parsed.add(new ProcessedFile.Value(new IndicatorKey("OO_01", code, 1),
                parser.parse(CellValue.text(raw), 2025), "D8", null)));
        return new ProcessedFile(inbox, FileOutcome.ACCEPTED, ENTE, 2025, "S_PRO", "Rilevazione", null, parsed,
                List.of(), List.of(), null);
    }
}
