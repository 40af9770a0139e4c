package it.pa.monitor.run;

import static it.pa.monitor.run.SchemaLookups.dataSource;
import static it.pa.monitor.run.SchemaLookups.foreignKeys;
import static it.pa.monitor.run.SchemaLookups.indexColumns;
import static it.pa.monitor.run.SchemaLookups.migrated;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.problem.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * V18: on H2 the plan's tables keep no foreign key on plan, so no index of plan_id beside their primary keys;
 * replacing a plan still leaves none of the replaced plan's rows behind, and the other plans stay. PostgreSQL
 * keeps the keys.
 */
class PlanRowsForeignKeysTest {

    /** The tables of a plan's rows (V2, V9), every one referencing plan by plan_id. */
    private static final List<String> PLAN_TABLES = List.of("methodology_parameter", "org_unit", "ambito",
            "strategic_objective", "operational_objective", "operational_objective_unit", "indicator", "scorecard",
            "scorecard_row", "pira_link", "plan_history");

    /** Two results of earlier years, so that plan_history has rows too. */
    private static final List<List<String>> STORICO = List.of(List.of("Anno", "Livello", "Codice", "Valore",
            "Risultato"), List.of("2021", "Ente", "", "", "98,75 %"), List.of("2020", "Ente", "", "", "96,20 %"));

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onH2ThePlanTablesKeepNoForeignKeyOnPlanOnPostgreSqlTheyDo(TestDatabase.Kind kind) throws SQLException {
        TestDatabase db = TestDatabase.create(kind, work);
        Flyway.configure().dataSource(dataSource(db)).load().migrate();
        try (Connection connection = db.connect()) {
            List<String> expected = kind == TestDatabase.Kind.H2 ? List.of() : List.of("plan_id > plan");
            for (String table : PLAN_TABLES) {
                assertThat(foreignKeys(connection, table)).as(table).isEqualTo(expected);
            }
            // The plan's own key on ente stays on both.
            assertThat(foreignKeys(connection, "plan")).containsExactly("ente_id > ente");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theseAreAllTheTablesOfAPlansRows(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = migrated(kind, work);
        // A table added later with a plan_id must join the list (and PlanRepository's deletion), or a replaced
        // plan would leave its rows there on H2.
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT LOWER(TABLE_NAME) FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE LOWER(COLUMN_NAME) = 'plan_id' AND LOWER(TABLE_SCHEMA) = 'public'",
                String.class)).containsExactlyInAnyOrderElementsOf(PLAN_TABLES);
    }

    @Test
    void onH2TheIndicatorTableKeepsOnlyItsPrimaryKeyWhichDeletesGoBy() {
        DriverManagerDataSource dataSource = migrated(TestDatabase.Kind.H2, work);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(indexColumns(jdbc, "INDICATOR")).singleElement()
                .satisfies(i -> assertThat(i).endsWith(":PLAN_ID,OBJECTIVE_CODE,CODE,OCCURRENCE"));
        for (String table : PLAN_TABLES) {
            assertThat(indexColumns(jdbc, table.toUpperCase(Locale.ROOT))).as(table).singleElement()
                    .satisfies(i -> assertThat(i).contains(":PLAN_ID,"));
        }
        assertThat(jdbc.queryForObject("EXPLAIN DELETE FROM indicator WHERE plan_id = 1", String.class))
                .containsIgnoringCase("PRIMARY_KEY");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void replacingAPlanLeavesNoneOfItsRowsAndKeepsTheOtherPlans(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = migrated(kind, work);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        PlanRepository plans = new PlanRepository(jdbc);
        Plan tno = tno();
        Plan lucca = TranscribedPlans.plan("lucca-2022");

        transaction.executeWithoutResult(t -> plans.replace(tno, "tno.xlsx", "a".repeat(64)));
        transaction.executeWithoutResult(t -> plans.replace(lucca, "lucca.xlsx", "b".repeat(64)));
        Map<String, Integer> both = rowsPerTable(jdbc);
        // Every table of the plan has rows to lose: the test would not see a table the deletion forgets.
        both.forEach((table, rows) -> assertThat(rows).as(table).isPositive());
        transaction.executeWithoutResult(t -> plans.replace(tno, "tno-bis.xlsx", "c".repeat(64)));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan", Integer.class)).isEqualTo(2);
        // Replaced by the same plan: the same rows, none of the first load's left behind.
        assertThat(rowsPerTable(jdbc)).isEqualTo(both);
        for (String table : PLAN_TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " t WHERE NOT EXISTS"
                    + " (SELECT 1 FROM plan p WHERE p.id = t.plan_id)", Integer.class)).as(table).isZero();
        }
        PlanRepository uncached = new PlanRepository(jdbc);
        assertThat(uncached.find(tno.ente(), 2022).orElseThrow().counts()).isEqualTo(tno.counts());
        assertThat(uncached.find(lucca.ente(), 2022).orElseThrow().counts()).isEqualTo(lucca.counts());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDatabaseHoldingAPlanKeepsItThroughV18(TestDatabase.Kind kind) {
        TestDatabase db = TestDatabase.create(kind, work);
        DriverManagerDataSource dataSource = dataSource(db);
        Flyway.configure().dataSource(dataSource).target("17").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Plan tno = tno();
        transaction.executeWithoutResult(t -> new PlanRepository(jdbc).replace(tno, "tno.xlsx", "a".repeat(64)));
        Map<String, Integer> before = rowsPerTable(jdbc);

        Flyway flyway = Flyway.configure().dataSource(dataSource).load();
        assertThat(flyway.migrate().migrationsExecuted).isPositive();

        assertThat(rowsPerTable(jdbc)).isEqualTo(before);
        assertThat(new PlanRepository(jdbc).find(tno.ente(), 2022).orElseThrow().counts()).isEqualTo(tno.counts());
        // Loaded again after the upgrade: the rows stored before it go as well.
        transaction.executeWithoutResult(t -> new PlanRepository(jdbc).replace(tno, "tno-bis.xlsx", "c".repeat(64)));
        assertThat(rowsPerTable(jdbc)).isEqualTo(before);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    /** Toscana Nord Ovest 2022 (scorecards and PIRA links) with a Storico sheet. */
    private static Plan tno() {
        List<Problem> problems = new ArrayList<>();
        return TranscribedPlans.planWith("tno-2022", STORICO, List.of(), problems);
    }

    private static Map<String, Integer> rowsPerTable(JdbcTemplate jdbc) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : PLAN_TABLES) {
            rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return rows;
    }
}
