package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanFixtures;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.data.ReportDataLoader;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.JudgementScale;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Results are computed from the stored plan and values and kept in H2 per period, each with its rule. */
@SpringBootTest
@ActiveProfiles("test")
class PeriodScoringTest {

    private static final String TNO = "CCIAA di Toscana Nord Ovest";

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PeriodScoring scoring;
    @Autowired
    private ScoreRepository scores;
    @Autowired
    private ValuesInForce valuesInForce;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlanRepository plans;
    @Autowired
    private ReportDataLoader reportData;
    @TempDir
    private Path inbox;

    @Test
    void yearEndResultsOfTheTnoPlanAreStoredWithTheirRules() {
        // OC_Int_01 is made cumulative so that the interim run below has something to project.
        loader.load(PlanFixtures.writeEdited("tno-2022", inbox, "piano.xlsx", "Indicatori", "Codice", "OC_Int_01",
                "Cumulativo", "sì"), Period.parse("2022"));
        reportPublishedYearEnd();
        report("2022-S1", "OS_2.4", "OC_Int_01", "200");

        List<PeriodScoring.Outcome> yearEnd = scoring.scoreAll(Period.parse("2022"));
        // The Spring context (and its database) is shared with other test classes: look at TNO only.
        assertThat(yearEnd).filteredOn(o -> o.ente().equals(TNO)).singleElement().satisfies(o -> {
            assertThat(o.enteResult().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("99.30");
            assertThat(o.scored()).isEqualTo(10);
        });
        scoring.scoreAll(Period.parse("2022-S1"));
        scoring.scoreAll(Period.parse("2022")); // a rerun of a period replaces its results

        assertThat(jdbc.queryForList("SELECT r.period FROM score_run r JOIN ente e ON e.id = r.ente_id"
                + " WHERE e.name = ? ORDER BY r.period", String.class, TNO)).containsExactly("2022", "2022-S1");
        assertThat(scores.items(TNO, 2022, Period.parse("2022")).get(0).achievement())
                .isEqualByComparingTo("99.3");
        var int01 = jdbc.queryForMap("SELECT s.achievement, s.rule, s.deviation FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id JOIN ente e ON e.id = r.ente_id WHERE e.name = ? AND r.period = '2022'"
                + " AND s.indicator_code = 'OC_Int_01'", TNO);
        assertThat((BigDecimal) int01.get("ACHIEVEMENT")).isEqualByComparingTo("88.8");
        assertThat(int01.get("RULE")).isEqualTo("a / t");
        assertThat(int01.get("DEVIATION")).isEqualTo("-56,00 N.");

        // At 30/06 the cumulative ≥ 500 is pro-rated to 250: 200 gives 80 %; the run rate projects 400, a rischio.
        var interim = jdbc.queryForMap("SELECT s.achievement, s.rule, s.projected_value, s.at_risk FROM indicator_score s"
                + " JOIN score_run r ON r.id = s.run_id JOIN ente e ON e.id = r.ente_id WHERE e.name = ?"
                + " AND r.period = '2022-S1' AND s.indicator_code = 'OC_Int_01'", TNO);
        assertThat((BigDecimal) interim.get("ACHIEVEMENT")).isEqualByComparingTo("80");
        assertThat(interim.get("RULE")).isEqualTo("a / t (target pro rata 6/12)");
        assertThat((BigDecimal) interim.get("PROJECTED_VALUE")).isEqualByComparingTo("400");
        assertThat(interim.get("AT_RISK")).isEqualTo(true);
    }

    @Test
    void theLaterOfTwoValuesForTheSameIndicatorAndPeriodWins() {
        loader.load(PlanFixtures.write("tno-2022", inbox, "piano.xlsx"), Period.parse("2022"));
        report("2022", "OS_2.4", "OC_Int_01", "100");
        report("2022", "OS_2.4", "OC_Int_01", "450");
        scoring.scoreAll(Period.parse("2022"));
        assertThat(scores.indicators(TNO, 2022, Period.parse("2022")))
                .filteredOn(r -> r.key().code().equals("OC_Int_01")).singleElement()
                .satisfies(r -> assertThat(r.achievement()).isEqualByComparingTo("90"));
    }

    @Test
    void scoringAndTheReportUseThePlansParsedMethodology() {
        loader.load(PlanFixtures.write("tno-2022", inbox, "piano.xlsx"), Period.parse("2022"));
        reportPublishedYearEnd();
        Plan stored = plans.find(TNO, 2022).orElseThrow();
        // A parsed record with a judgement scale its (empty) parameters do not have: parsing the
        // parameters again would lose it, so the judgement shows that scoring used the record.
        Methodology m = stored.methodology();
        Methodology judged = new Methodology(m.formulaMinore(), m.penaltyPerDay(), m.anyDelayIsZero(), m.cap(), m.nc(),
                m.thresholdAchieved(), m.thresholdNotAchieved(), m.tolerance(), m.mean(), m.strategicSource(),
                m.indicatorShare(), m.ente(), m.unitMean(), m.rounding(), m.percentValues(),
                JudgementScale.parse("90 Ottimo; 0 Da migliorare").orElseThrow(), Map.of());
        Plan plan = new Plan(stored.ente(), stored.year(), stored.periodicity(), judged, stored.units(),
                stored.ambiti(), stored.strategicObjectives(), stored.operationalObjectives(), stored.indicators(),
                stored.scorecards(), stored.pira(), stored.history());
        PeriodScoring.Outcome outcome = scoring.score(plan, Period.parse("2022"));
        assertThat(outcome.enteResult()).isGreaterThan(BigDecimal.valueOf(90)); // 99,30 % (seed)
        assertThat(outcome.judgement()).isEqualTo("Ottimo");

        // The report's data carry the very record of the plan they were loaded with.
        scoring.scoreAll(Period.parse("2022"));
        ReportData data = reportData.load(TNO, Period.parse("2022")).orElseThrow();
        assertThat(data.methodology()).isSameAs(data.plan().methodology());
        assertThat(data.methodology().ente()).isEqualTo(Methodology.EnteRule.PONDERATA_AMBITI);
    }

    @Test
    void theScoresARunKeepsForItsReportAreWhatTheDatabaseGivesBack() {
        loader.load(PlanFixtures.writeEdited("tno-2022", inbox, "piano.xlsx", "Indicatori", "Codice", "OC_Int_01",
                "Cumulativo", "sì"), Period.parse("2022"));
        reportPublishedYearEnd();
        report("2022-S1", "OS_2.4", "OC_Int_01", "200");

        for (Period period : List.of(Period.parse("2022-S1"), Period.parse("2022"))) {
            scoring.scoreAll(period);
            PeriodResults read = new ScoreRepository(jdbc).load(TNO, 2022, period); // a new repository reads
            // Taken from behind the repository's back: only what it kept can still give them.
            long run = jdbc.queryForObject("SELECT r.id FROM score_run r JOIN ente e ON e.id = r.ente_id"
                    + " WHERE e.name = ? AND r.period = ?", Long.class, TNO, period.code());
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM indicator_score WHERE run_id = ?", run);
            jdbc.update("DELETE FROM indicator_score WHERE run_id = ?", run);
            PeriodResults kept = scores.load(TNO, 2022, period);

            assertThat(rows).hasSize(read.indicators().size());
            assertThat(kept.indicators()).isEqualTo(read.indicators()).hasSize(10);
            assertThat(kept.items()).isEqualTo(read.items()).isNotEmpty();
            assertThat(kept.projections()).isEqualTo(read.projections());
            scoring.scoreAll(period); // the rows back, for the other tests of the shared database
        }
        // The interim run projected the cumulative indicator: a projection was compared too.
        assertThat(new ScoreRepository(jdbc).load(TNO, 2022, Period.parse("2022-S1")).projections()).isNotEmpty();
    }

    @Test
    void theValuesInForceReadAheadForARunAreTakenByThatRunsReportOnce() throws InterruptedException {
        loader.load(PlanFixtures.write("tno-2022", inbox, "piano.xlsx"), Period.parse("2022"));
        reportPublishedYearEnd();
        scoring.scoreAll(Period.parse("2022"));
        Period year = Period.parse("2022");
        IndicatorKey int01 = new IndicatorKey("OS_2.4", "OC_Int_01", 1);
        String typed = reportData.load(TNO, year).orElseThrow().values().get(int01).raw();
        long valueId = jdbc.queryForObject("SELECT f.value_id FROM value_in_force f JOIN ente e ON e.id = f.ente_id"
                + " WHERE e.name = ? AND f.period = '2022' AND f.indicator_code = 'OC_Int_01'", Long.class, TNO);

        reportData.readAhead(TNO, year, 101);
        reportData.readAhead(TNO, year, 102);
        awaitReadsAhead();
        // Changed behind the loader's back once read ahead: only a new read sees it.
        jdbc.update("UPDATE reported_value SET raw_value = 'cambiato' WHERE id = ?", valueId);
        try {
            assertThat(reportData.load(TNO, year, 102).orElseThrow().values().get(int01).raw()).isEqualTo(typed);
            assertThat(reportData.load(TNO, year, 102).orElseThrow().values().get(int01).raw()).isEqualTo("cambiato");
            // Another run's values were dropped when run 102 read ahead: read again.
            assertThat(reportData.load(TNO, year, 101).orElseThrow().values().get(int01).raw()).isEqualTo("cambiato");
            reportData.readAhead(TNO, year, 103);
            awaitReadsAhead();
            reportData.forget(103);
            jdbc.update("UPDATE reported_value SET raw_value = 'di nuovo' WHERE id = ?", valueId);
            assertThat(reportData.load(TNO, year, 103).orElseThrow().values().get(int01).raw()).isEqualTo("di nuovo");
        } finally {
            jdbc.update("UPDATE reported_value SET raw_value = ? WHERE id = ?", typed, valueId);
        }
    }

    /** Waits for the threads reading values in force ahead (named as the loader names them) to end. */
    private static void awaitReadsAhead() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("valori-in-vigore")) {
                thread.join();
            }
        }
    }

    /** Every year-end value of Toscana Nord Ovest 2022 as the seed publishes it, stored as intake stores it. */
    private void reportPublishedYearEnd() {
        for (TranscribedPlans.Published published : TranscribedPlans.published("tno-2022")) {
            report("2022", published.key().objectiveCode(), published.key().code(), published.actual());
        }
    }

    /** A value stored as intake stores it: the row, then admitted by the owner of the values in force. */
    private void report(String period, String objective, String code, String raw) {
        Instant received = Instant.now();
        jdbc.update("INSERT INTO reported_value (ente_id, plan_year, period, objective_code, indicator_code, occurrence,"
                + " raw_value, received_at) SELECT id, 2022, ?, ?, ?, 1, ?, ? FROM ente WHERE name = ?", period,
                objective, code, raw, Timestamp.from(received), TNO);
        long enteId = jdbc.queryForObject("SELECT id FROM ente WHERE name = ?", Long.class, TNO);
        long valueId = jdbc.queryForObject("SELECT MAX(id) FROM reported_value", Long.class);
        valuesInForce.admit(enteId, 2022, period, received, List.of(new ValuesInForce.Candidate(
                new IndicatorKey(objective, code, 1), valueId, new ActualValueParser().parse(CellValue.text(raw), 2022))));
    }
}
