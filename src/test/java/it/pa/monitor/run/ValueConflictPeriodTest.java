package it.pa.monitor.run;

import static it.pa.monitor.run.SchemaLookups.withEnteAndFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V21: a conflict recorded before it gets the ente, year and period of its values (its winner's), so the Qualità
 * dati of an earlier period still lists it. On H2 and PostgreSQL.
 */
class ValueConflictPeriodTest {

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aConflictRecordedBeforeV21GetsItsValuesPeriod(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = withEnteAndFile(kind, work, "20");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long id : new long[] {21, 22}) {
            jdbc.update("INSERT INTO reported_value (id, ente_id, plan_year, period, objective_code, indicator_code,"
                    + " occurrence, raw_value, received_at, file_id) VALUES (?, 7, 2022, '2022-Q1', 'OO1', 'I1', 1,"
                    + " ?, CURRENT_TIMESTAMP, 11)", id, id + " %");
        }
        jdbc.update("INSERT INTO value_conflict (id, winner_id, loser_id, detected_at) VALUES (5, 22, 21,"
                + " CURRENT_TIMESTAMP)");

        assertThat(Flyway.configure().dataSource(dataSource).load().migrate().migrationsExecuted).isPositive();

        Map<String, Object> conflict = jdbc.queryForMap("SELECT ente_id, plan_year, period, winner_id, loser_id"
                + " FROM value_conflict WHERE id = 5");
        assertThat(((Number) conflict.get("ente_id")).longValue()).isEqualTo(7L);
        assertThat(((Number) conflict.get("plan_year")).intValue()).isEqualTo(2022);
        assertThat(conflict.get("period")).isEqualTo("2022-Q1");
        assertThat(((Number) conflict.get("winner_id")).longValue()).isEqualTo(22L);
    }
}
