package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The report reads the results and values in force in the order it shows them, whatever order the
 * database keeps them in: indicator scores in the order they were computed (sorted after reading), values
 * in force by indicator key (read down the primary key of value_in_force, not sorted in a temporary file).
 */
class ResultsReadOrderTest {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final Period PERIOD = Period.parse("2025-Q2");

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:order-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", "Altro ente");
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
    }

    @Test
    void indicatorScoresComeBackInComputingOrderWithTheirProjections() {
        // Computed (seq) in an order unlike the key's: Z before A, occurrence 2 before 1.
        List<IndicatorKey> keys = List.of(new IndicatorKey("OO_9", "Z", 1), new IndicatorKey("OO_1", "A", 2),
                new IndicatorKey("OO_1", "A", 1), new IndicatorKey("OO_5", "M", 1));
        List<IndicatorResult> results = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            results.add(new IndicatorResult(keys.get(i), new BigDecimal("25.0000"), i == 3 ? IndicatorStatus.NOT_REPORTED
                    : IndicatorStatus.SCORED, i == 3 ? null : new BigDecimal(90 + i + ".000000000000"), null, "r" + i,
                    null, i == 1 ? "nota" : null));
        }
        Forecast.Projection projection = new Forecast.Projection(new BigDecimal("12.500000000000"),
                new BigDecimal("80.000000000000"), true, "lineare");
        ScoreRepository scores = new ScoreRepository(jdbc);
        scores.replace(ENTE, 2025, PERIOD, results, List.of(new ItemResult(Level.ENTE, ENTE, null, null,
                new BigDecimal("91.000000000000"), "media")), Map.of(keys.get(2), projection));

        assertThat(scores.indicators(ENTE, 2025, PERIOD)).containsExactlyElementsOf(results);
        PeriodResults loaded = scores.load(ENTE, 2025, PERIOD);
        assertThat(loaded.indicators()).containsExactlyElementsOf(results);
        assertThat(loaded.projections()).containsExactly(Map.entry(keys.get(2), projection));
        assertThat(loaded.items()).hasSize(1);
        assertThat(scores.indicators("Altro ente", 2025, PERIOD)).isEmpty();
    }

    @Test
    void valuesInForceComeBackByKeyAndAreReadDownThePrimaryKey() {
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        // Stored out of key order, with another ente's and another period's values beside them.
        String[][] stored = {{"OO_2", "B", "1"}, {"OO_1", "Z", "1"}, {"OO_1", "A", "2"}, {"OO_1", "A", "1"},
                {"OO_10", "A", "1"}};
        long id = 1;
        for (String[] key : stored) {
            value(id++, 2, PERIOD.code(), key);
            value(id++, 1, PERIOD.code(), key);
            value(id++, 2, "2025-Q1", key);
        }

        List<String> order = new ArrayList<>();
        new ReportedValues(jdbc).forEachInForce(ENTE, 2025, PERIOD, v -> order.add(v.key().reference() + " "
                + v.raw()));

        assertThat(order).containsExactly("OO_1/A 10", "OO_1/A#2 7", "OO_1/Z 4", "OO_10/A 13", "OO_2/B 1");
        assertThat(new ReportedValues(jdbc).inForce("Nessuno", 2025, PERIOD)).isEmpty();

        // A big period, as intake leaves it (H2 analyzes a table after 2 000 changed rows): read in key order.
        for (int i = 0; i < 3_000; i++) {
            value(id++, 2, PERIOD.code(), new String[] {"OO_" + (i % 40), "IND_" + i, "1"});
        }
        jdbc.execute("ANALYZE");
        String plan = new NamedParameterJdbcTemplate(jdbc).queryForObject("EXPLAIN " + ReportedValues.IN_FORCE,
                new MapSqlParameterSource().addValue("ente", 2L).addValue("year", 2025).addValue("period",
                        PERIOD.code()), String.class);
        assertThat(plan).containsIgnoringCase("index sorted");
    }

    private void value(long id, long ente, String period, String[] key) {
        jdbc.update("INSERT INTO reported_value (id, ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, raw_value, received_at) VALUES (?, ?, 2025, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", id, ente,
                period, key[0], key[1], Integer.parseInt(key[2]), String.valueOf(id));
        jdbc.update("INSERT INTO value_in_force (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, value_id, normalised, received_at) VALUES (?, 2025, ?, ?, ?, ?, ?, '1',"
                + " CURRENT_TIMESTAMP)", ente, period, key[0], key[1], Integer.parseInt(key[2]), id);
    }
}
