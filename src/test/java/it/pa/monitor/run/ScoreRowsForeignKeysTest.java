package it.pa.monitor.run;

import static it.pa.monitor.run.SchemaLookups.dataSource;
import static it.pa.monitor.run.SchemaLookups.foreignKeys;
import static it.pa.monitor.run.SchemaLookups.indexColumns;
import static it.pa.monitor.run.SchemaLookups.migrated;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V17: on H2 the scores (indicator_score, item_score) keep no foreign key on score_run, so no index of run_id
 * beside their primary keys; replacing a period's scores still leaves none of the earlier run's rows behind,
 * and the other periods' scores stay. PostgreSQL keeps the keys.
 */
class ScoreRowsForeignKeysTest {

    private static final String ENTE = "Camera di Commercio di Prova";

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onH2TheScoresKeepNoForeignKeyOnPostgreSqlTheyDo(TestDatabase.Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.create(kind, work);
        Flyway.configure().dataSource(dataSource(db)).load().migrate();
        try (Connection connection = db.connect()) {
            List<String> expected = kind == TestDatabase.Kind.H2 ? List.of() : List.of("run_id > score_run");
            assertThat(foreignKeys(connection, "indicator_score")).isEqualTo(expected);
            assertThat(foreignKeys(connection, "item_score")).isEqualTo(expected);
            // The other keys of the results stay on both.
            assertThat(foreignKeys(connection, "score_run")).containsExactly("ente_id > ente");
        }
    }

    @Test
    void onH2EachScoreTableKeepsOnlyItsPrimaryKeyWhichDeletesGoBy() {
        DriverManagerDataSource dataSource = migrated(TestDatabase.Kind.H2, work);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(indexColumns(jdbc, "INDICATOR_SCORE")).singleElement()
                .satisfies(i -> assertThat(i).endsWith(":RUN_ID,OBJECTIVE_CODE,INDICATOR_CODE,OCCURRENCE"));
        assertThat(indexColumns(jdbc, "ITEM_SCORE")).singleElement()
                .satisfies(i -> assertThat(i).endsWith(":RUN_ID,ITEM_LEVEL,CODE"));
        assertThat(jdbc.queryForObject("EXPLAIN DELETE FROM indicator_score WHERE run_id = 1", String.class))
                .containsIgnoringCase("PRIMARY_KEY");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void replacingAPeriodLeavesNoneOfItsEarlierScoresAndKeepsTheOtherPeriods(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = migrated(kind, work);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        ScoreRepository scores = new ScoreRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Period first = Period.parse("2025-Q1");
        Period second = Period.parse("2025-Q2");

        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, first, results(3), items(2), Map.of()));
        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, second, results(5), items(4), Map.of()));
        // Scored again with fewer indicators: 5 + 4 rows out, 2 + 1 in.
        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, second, results(2), items(1), Map.of()));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score_run", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_score", Integer.class)).isEqualTo(3 + 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_score", Integer.class)).isEqualTo(2 + 1);
        // No row names a run that is not there any more.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_score s WHERE NOT EXISTS"
                + " (SELECT 1 FROM score_run r WHERE r.id = s.run_id)", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_score s WHERE NOT EXISTS"
                + " (SELECT 1 FROM score_run r WHERE r.id = s.run_id)", Integer.class)).isZero();
        assertThat(scores.indicators(ENTE, 2025, first)).isEqualTo(results(3));
        assertThat(scores.indicators(ENTE, 2025, second)).isEqualTo(results(2));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDatabaseHoldingScoresKeepsThemThroughV17(TestDatabase.Kind kind) {
        TestDatabase db = TestDatabase.create(kind, work);
        DriverManagerDataSource dataSource = dataSource(db);
        Flyway.configure().dataSource(dataSource).target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (id, name) VALUES (7, ?)", ENTE);
        jdbc.update("INSERT INTO score_run (id, ente_id, plan_year, period, ref_date, computed_at) VALUES"
                + " (3, 7, 2025, '2025-Q1', DATE '2025-03-31', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO indicator_score (run_id, objective_code, indicator_code, occurrence, seq, status,"
                + " achievement) VALUES (3, 'OO_1', 'I0', 1, 0, 'SCORED', 90)");
        jdbc.update("INSERT INTO item_score (run_id, item_level, code, seq, achievement) VALUES"
                + " (3, 'ENTE', ?, 0, 90)", ENTE);

        Flyway flyway = Flyway.configure().dataSource(dataSource).load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();

        ScoreRepository scores = new ScoreRepository(jdbc);
        assertThat(scores.indicators(ENTE, 2025, Period.parse("2025-Q1"))).singleElement()
                .satisfies(r -> assertThat(r.achievement()).isEqualByComparingTo("90"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_score WHERE run_id = 3", Integer.class))
                .isEqualTo(1);
        // Scored again after the upgrade: the scores stored before it go as well.
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(t ->
                scores.replace(ENTE, 2025, Period.parse("2025-Q1"), results(2), items(1), Map.of()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_score", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_score", Integer.class)).isEqualTo(1);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    /** {@code n} scored indicators of one objective, 10 % each, achieved 90, 91, ... */
    private static List<IndicatorResult> results(int n) {
        List<IndicatorResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new IndicatorResult(new IndicatorKey("OO_1", "I" + i, 1), new BigDecimal("10.0000"),
                    IndicatorStatus.SCORED, new BigDecimal(90 + i + ".000000000000"), null, "r", null, null));
        }
        return results;
    }

    /** {@code n} operational objectives' aggregates. */
    private static List<ItemResult> items(int n) {
        List<ItemResult> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new ItemResult(Level.OBIETTIVO_OPERATIVO, "OO_" + i, null, null,
                    new BigDecimal("95.000000000000"), "media"));
        }
        return items;
    }

}
