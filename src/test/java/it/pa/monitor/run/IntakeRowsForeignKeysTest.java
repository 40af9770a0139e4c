package it.pa.monitor.run;

import static it.pa.monitor.run.SchemaLookups.dataSource;
import static it.pa.monitor.run.SchemaLookups.foreignKeys;
import static it.pa.monitor.run.SchemaLookups.indexColumns;
import static it.pa.monitor.run.SchemaLookups.withEnteAndFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V16: on H2, reported_value and value_in_force, written for every value of every file, keep no foreign key
 * (each was an index of its own, rewritten at every file's commit, that no query reads) and only the indexes
 * queries use; PostgreSQL, which builds no index for a foreign key, keeps them. The foreign keys of the other
 * tables stay on both.
 */
class IntakeRowsForeignKeysTest {

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onH2TheTablesWrittenPerValueKeepNoForeignKeyElsewhereAllKeepTheirs(TestDatabase.Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.create(kind, work);
        Flyway.configure().dataSource(dataSource(db)).load().migrate();
        try (Connection connection = db.connect()) {
            if (kind == TestDatabase.Kind.H2) {
                assertThat(foreignKeys(connection, "reported_value")).isEmpty();
                assertThat(foreignKeys(connection, "value_in_force")).isEmpty();
            } else {
                assertThat(foreignKeys(connection, "reported_value"))
                        .containsExactlyInAnyOrder("ente_id > ente", "file_id > submitted_file");
                assertThat(foreignKeys(connection, "value_in_force"))
                        .containsExactlyInAnyOrder("ente_id > ente", "value_id > reported_value");
            }
            assertThat(foreignKeys(connection, "value_conflict"))
                    .containsExactlyInAnyOrder("loser_id > reported_value", "winner_id > reported_value");
            assertThat(foreignKeys(connection, "submitted_file")).containsExactly("ente_id > ente");
            assertThat(foreignKeys(connection, "oiv_override"))
                    .containsExactlyInAnyOrder("ente_id > ente", "file_id > submitted_file");
            assertThat(foreignKeys(connection, "file_problem")).containsExactly("file_id > submitted_file");
        }
    }

    @Test
    void onH2TheTwoTablesKeepOnlyTheIndexesQueriesRead() {
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2, work);
        DriverManagerDataSource dataSource = dataSource(db);
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The primary key only: values are read by id (V20 dropped the period index, which nothing needed).
        assertThat(indexColumns(jdbc, "REPORTED_VALUE")).singleElement()
                .satisfies(i -> assertThat(i).endsWith(":ID"));
        // The primary key only: every reader and intake's own lookup go by it.
        assertThat(indexColumns(jdbc, "VALUE_IN_FORCE")).singleElement()
                .satisfies(i -> assertThat(i).endsWith(
                        ":ENTE_ID,PLAN_YEAR,PERIOD,OBJECTIVE_CODE,INDICATOR_CODE,OCCURRENCE"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDatabaseHoldingValuesKeepsThemThroughV16(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = withEnteAndFile(kind, work, "15");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO reported_value (id, ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, raw_value, received_at, file_id) VALUES (21, 7, 2022, '2022-Q1', 'OO1', 'I1', 1,"
                + " '12,5 %', CURRENT_TIMESTAMP, 11)");
        jdbc.update("INSERT INTO value_in_force (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, value_id, normalised, received_at) VALUES (7, 2022, '2022-Q1', 'OO1', 'I1', 1, 21,"
                + " '12.5', CURRENT_TIMESTAMP)");

        Flyway flyway = Flyway.configure().dataSource(dataSource).load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();

        assertThat(jdbc.queryForObject("SELECT raw_value FROM reported_value WHERE id = 21 AND file_id = 11",
                String.class)).isEqualTo("12,5 %");
        assertThat(jdbc.queryForObject("SELECT value_id FROM value_in_force WHERE ente_id = 7", Long.class))
                .isEqualTo(21L);
        // Without the keys on H2 a value naming a file that does not exist is taken; PostgreSQL still refuses it.
        String orphan = "INSERT INTO reported_value (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, received_at, file_id) VALUES (7, 2022, '2022-Q1', 'OO1', 'I2', 1, CURRENT_TIMESTAMP, 999)";
        if (kind == TestDatabase.Kind.H2) {
            assertThat(jdbc.update(orphan)).isEqualTo(1);
        } else {
            assertThatThrownBy(() -> jdbc.update(orphan)).isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
