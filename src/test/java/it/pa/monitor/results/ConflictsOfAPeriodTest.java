package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.jdbc.TestDataSources;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.ActualValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The Qualità dati conflicts of a period are the conflicts intake recorded for that ente, year and period (V21), found
 * through their own index, not by reading the values: reported_value has only its primary key since V20. On H2 and
 * PostgreSQL.
 */
class ConflictsOfAPeriodTest {

    private static final TestDataSources DATABASES = new TestDataSources();
    private static final IndicatorKey KEY = new IndicatorKey("OO_1", "IND_1", 1);

    private JdbcTemplate jdbc;
    private long ids;

    @AfterAll
    static void stopPostgres() throws IOException {
        DATABASES.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void onlyTheConflictsOfTheEnteYearAndPeriodAreListedWinnerFirst(String kind) throws IOException {
        database(kind);
        ValuesInForce values = new ValuesInForce(jdbc);
        // The same indicator reported twice with different values in 2025-Q2, in 2025-Q1 and by another ente.
        conflict(values, 1, "2025-Q2", "12", "15");
        conflict(values, 1, "2025-Q1", "3", "4");
        conflict(values, 2, "2025-Q2", "7", "8");

        List<String> listed = new NamedParameterJdbcTemplate(jdbc).query(QualityRepository.CONFLICTS,
                new MapSqlParameterSource("ente", "Camera").addValue("year", 2025).addValue("period", "2025-Q2"),
                (rs, n) -> rs.getString("wv") + " > " + rs.getString("lv") + " (" + rs.getString("wf") + ")");

        // The later file wins (ValuesInForce.replaces).
        assertThat(listed).containsExactly("15 > 12 (scheda_2.xlsx)");
        assertThat(jdbc.queryForList("SELECT period FROM value_conflict WHERE ente_id = 1 ORDER BY id", String.class))
                .containsExactly("2025-Q2", "2025-Q1");
    }

    @Test
    void onH2TheyAreFoundThroughTheConflictsPeriodIndex() throws IOException {
        database("h2");
        conflict(new ValuesInForce(jdbc), 1, "2025-Q2", "12", "15");
        jdbc.execute("ANALYZE");
        String plan = new NamedParameterJdbcTemplate(jdbc).queryForObject("EXPLAIN " + QualityRepository.CONFLICTS,
                new MapSqlParameterSource("ente", "Camera").addValue("year", 2025).addValue("period", "2025-Q2"),
                String.class);
        assertThat(plan).containsIgnoringCase("VALUE_CONFLICT_PERIOD_IX").doesNotContainIgnoringCase("tableScan");
    }

    private void database(String kind) throws IOException {
        DataSource dataSource = DATABASES.fresh(kind, "conflicts");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("value_conflict", "value_in_force", "reported_value", "file_problem",
                "oiv_override", "submitted_file", "ente")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("INSERT INTO ente (id, name) VALUES (1, 'Camera'), (2, 'Altra camera')");
        ids = 0;
    }

    /** Two files of {@code ente} reporting different values for the same indicator, the second received later. */
    private void conflict(ValuesInForce values, long ente, String period, String first, String second) {
        admit(values, ente, period, first, Instant.parse("2025-07-01T10:00:00Z"));
        admit(values, ente, period, second, Instant.parse("2025-07-02T10:00:00Z"));
    }

    private void admit(ValuesInForce values, long ente, String period, String raw, Instant receivedAt) {
        long file = ++ids;
        jdbc.update("INSERT INTO submitted_file (id, sha256, file_name, period, kind, status, ente_id, unit_code,"
                + " received_at, processed_at, size_bytes) VALUES (?, ?, ?, ?, 'MONITORING_SHEET', 'ACCEPTED', ?, 'U1',"
                + " ?, ?, 1)", file, String.format("%064d", file), "scheda_" + file + ".xlsx", period, ente,
                Timestamp.from(receivedAt), Timestamp.from(receivedAt));
        long value = 1000 + file;
        jdbc.update("INSERT INTO reported_value (id, ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, raw_value, received_at, file_id) VALUES (?, ?, 2025, ?, ?, ?, ?, ?, ?, ?)", value, ente,
                period, KEY.objectiveCode(), KEY.code(), KEY.occurrence(), raw, Timestamp.from(receivedAt), file);
        values.admit(ente, 2025, period, receivedAt, List.of(new ValuesInForce.Candidate(KEY, value,
                ActualValue.ofNumber(raw, new BigDecimal(raw), null))));
    }
}
