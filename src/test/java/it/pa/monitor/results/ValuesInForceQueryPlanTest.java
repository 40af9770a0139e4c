package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The values in force a file can replace are looked up through the primary key, down to the
 * objective: a scan of the whole period for every file would make intake grow with the square of
 * the files (H2 did so when one query listed several objectives).
 */
class ValuesInForceQueryPlanTest {

    @Test
    void theLookupOfAnObjectivesValuesUsesThePrimaryKeyDownToTheObjective() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        // A period of 20 uffici' objectives with 60 values each, as intake leaves it (the plan of an empty
        // table is meaningless); the values need no reported rows for the planner.
        jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
        jdbc.update("INSERT INTO ente (name) VALUES ('Camera')");
        for (int objective = 0; objective < 20; objective++) {
            for (int code = 0; code < 60; code++) {
                jdbc.update("INSERT INTO value_in_force (ente_id, plan_year, period, objective_code, indicator_code,"
                        + " occurrence, value_id, normalised, received_at) VALUES (1, 2025, '2025-Q2', ?, ?, 1, ?, '1',"
                        + " CURRENT_TIMESTAMP)", "OO_" + objective, "IND_" + code, objective * 100L + code);
            }
        }

        // H2 analyzes a table by itself after its first 2 000 changed rows; a big period has gone past that.
        jdbc.execute("ANALYZE");
        String plan = named.queryForObject("EXPLAIN " + ValuesInForce.IN_FORCE_OF_OBJECTIVE,
                new MapSqlParameterSource().addValue("ente", 1L).addValue("year", 2025).addValue("period", "2025-Q2")
                        .addValue("objective", "OO_01"), String.class);

        assertThat(plan).containsIgnoringCase("PRIMARY_KEY").doesNotContainIgnoringCase("tableScan");
        String indexCondition = plan.substring(plan.indexOf("PRIMARY_KEY"), plan.indexOf("*/", plan.indexOf("PRIMARY_KEY")));
        assertThat(indexCondition).containsIgnoringCase("OBJECTIVE_CODE =");
    }
}
