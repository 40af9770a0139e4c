package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scores a run has just stored are given to its report as the database would give them back (DECIMAL(30, 12)
 * scores, DECIMAL(9, 4) weights, a projection only where one was stored), once, and only while the period's
 * stored run is the one that wrote them; otherwise {@link ScoreRepository#load} reads them.
 */
class ScoresKeptForTheReportTest {

    private static final String ENTE = "Camera di Commercio di Prova";
    private static final Period PERIOD = Period.parse("2025-Q2");

    @TempDir
    private Path work;

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theScoresKeptAreWhatTheDatabaseGivesBack(TestDatabase.Kind kind) {
        migrate(kind);
        ScoreRepository scores = new ScoreRepository(jdbc);
        List<IndicatorResult> results = awkwardResults();
        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, PERIOD, results, awkwardItems(),
                projections(results)));

        PeriodResults kept = scores.load(ENTE, 2025, PERIOD);
        PeriodResults read = new ScoreRepository(jdbc).load(ENTE, 2025, PERIOD); // nothing kept: read

        // Records compare their BigDecimals with equals: value and scale both.
        assertThat(kept.indicators()).isEqualTo(read.indicators()).hasSize(results.size());
        assertThat(kept.items()).isEqualTo(read.items()).hasSize(3);
        assertThat(kept.projections()).isEqualTo(read.projections()).hasSize(2);
        // By hand: 100 / 3 to 34 digits is 33.33…33 (32 threes after the point), kept to 12 decimals; 2 / 3
        // rounds up; a weight of 1 / 13 is 0.0769 in a DECIMAL(9, 4).
        IndicatorResult third = kept.indicators().get(0);
        assertThat(third.achievement()).isEqualTo(new BigDecimal("33.333333333333"));
        assertThat(third.effectiveTarget()).isEqualTo(new BigDecimal("0.666666666667"));
        assertThat(third.weight()).isEqualTo(new BigDecimal("0.0769"));
        assertThat(kept.projections().get(third.key()).achievement()).isEqualTo(new BigDecimal("66.666666666667"));
        // A text the results repeat is kept once (a large plan's rules and notes repeat by the thousand).
        assertThat(kept.indicators().get(1).rule()).isSameAs(third.rule());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keptScoresAreGivenOnceInsteadOfBeingRead(TestDatabase.Kind kind) {
        migrate(kind);
        ScoreRepository scores = new ScoreRepository(jdbc);
        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, PERIOD, awkwardResults(), awkwardItems(),
                Map.of()));
        // Removed behind the repository's back: only what it kept can still give the rows.
        jdbc.update("DELETE FROM indicator_score");
        jdbc.update("DELETE FROM item_score");

        assertThat(scores.load(ENTE, 2025, PERIOD).indicators()).hasSize(4);
        assertThat(scores.load(ENTE, 2025, PERIOD).indicators()).isEmpty(); // the second time: read
    }

    @Test
    void scoresOfARunNoLongerStoredOrRolledBackAreReadInstead() {
        migrate(TestDatabase.Kind.H2);
        ScoreRepository scores = new ScoreRepository(jdbc);
        transaction.executeWithoutResult(t -> scores.replace(ENTE, 2025, PERIOD, awkwardResults(), awkwardItems(),
                Map.of()));
        // Another process scores the period again: its run is the one stored now.
        List<IndicatorResult> other = List.of(new IndicatorResult(new IndicatorKey("OO_9", "I9", 1),
                BigDecimal.ONE, IndicatorStatus.SCORED, new BigDecimal("50"), null, "r", null, null));
        transaction.executeWithoutResult(t -> new ScoreRepository(jdbc).replace(ENTE, 2025, PERIOD, other,
                List.of(), Map.of()));

        assertThat(scores.load(ENTE, 2025, PERIOD).indicators()).extracting(r -> r.key().code())
                .containsExactly("I9");

        // A scoring rolled back is never given (its run is not the stored one): what is stored is read.
        ScoreRepository rolledBack = new ScoreRepository(jdbc);
        transaction.executeWithoutResult(t -> {
            rolledBack.replace(ENTE, 2025, PERIOD, awkwardResults(), awkwardItems(), Map.of());
            t.setRollbackOnly();
        });
        assertThat(rolledBack.load(ENTE, 2025, PERIOD).indicators()).extracting(r -> r.key().code())
                .containsExactly("I9");
    }

    private void migrate(TestDatabase.Kind kind) {
        DriverManagerDataSource dataSource = SchemaLookups.migrated(kind, work);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (name) VALUES (?)", ENTE);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Scores with more decimals than their columns keep, a null score, and a weight of 1 / 13. */
    private static List<IndicatorResult> awkwardResults() {
        MathContext digits = MathContext.DECIMAL128;
        BigDecimal third = new BigDecimal(100).divide(new BigDecimal(3), digits);
        BigDecimal twoThirds = new BigDecimal(2).divide(new BigDecimal(3), digits);
        BigDecimal weight = BigDecimal.ONE.divide(new BigDecimal(13), digits);
        List<IndicatorResult> results = new ArrayList<>();
        // The same rule as two strings, as a scorer building its texts per indicator gives them.
        results.add(new IndicatorResult(new IndicatorKey("OO_1", "I0", 1), weight, IndicatorStatus.SCORED, third,
                twoThirds, new String("a / t"), "+3,2", null));
        results.add(new IndicatorResult(new IndicatorKey("OO_1", "I1", 1), new BigDecimal("0.5"),
                IndicatorStatus.SCORED, new BigDecimal("100"), new BigDecimal("45"), new String("a / t"), null,
                "nota"));
        results.add(new IndicatorResult(new IndicatorKey("OO_1", "I1", 2), null, IndicatorStatus.SCORED,
                new BigDecimal("-0.0000000000004"), null, "r", null, null));
        results.add(new IndicatorResult(new IndicatorKey("OO_2", "I2", 1), null, IndicatorStatus.values()[0], null,
                null, null, null, "non rilevato"));
        return results;
    }

    private static List<ItemResult> awkwardItems() {
        BigDecimal seventh = new BigDecimal(100).divide(new BigDecimal(7), MathContext.DECIMAL128);
        return List.of(new ItemResult(Level.OBIETTIVO_OPERATIVO, "OO_1", "OS_1", new BigDecimal("0.333333"), seventh,
                        "media"),
                new ItemResult(Level.OBIETTIVO_OPERATIVO, "OO_2", "OS_1", null, null, "media"),
                new ItemResult(Level.ENTE, ENTE, null, null, new BigDecimal("92.279027872369500884657088"), "media"));
    }

    /** A projection for the first result, none for the second, and one without a value (not stored) for the third. */
    private static Map<IndicatorKey, Forecast.Projection> projections(List<IndicatorResult> results) {
        Map<IndicatorKey, Forecast.Projection> projections = new HashMap<>();
        BigDecimal twoThirds = new BigDecimal(200).divide(new BigDecimal(3), MathContext.DECIMAL128);
        projections.put(results.get(0).key(), new Forecast.Projection(new BigDecimal("12.3456789012345"), twoThirds,
                true, "lineare"));
        projections.put(results.get(2).key(), new Forecast.Projection(null, null, false, "nessuna"));
        projections.put(results.get(3).key(), new Forecast.Projection(BigDecimal.TEN, null, false, "lineare"));
        return projections;
    }
}
