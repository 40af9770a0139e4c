package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each methodology parameter, OIV overrides and the interim-period rules, with hand-computed figures. */
class ParametersAndInterimTest {

    private static final IndicatorKey KEY = new IndicatorKey("OS", "I", 1);

    @Test
    void capOf120LetsOverachievementCount() {
        assertThat(single(new PlanBuilder("C", 2025).parameter("tetto", "120"), ">= 100 N.", "115").achievement())
                .isEqualByComparingTo("115");
        assertThat(single(new PlanBuilder("C", 2025).parameter("tetto", "120"), ">= 100 N.", "150").achievement())
                .isEqualByComparingTo("120");
    }

    @Test
    void dailyPenaltyParameter() {
        // 10 days late: default 1 point a day → 90; 2 points → 80; 0 → 100; ZERO → 0.
        assertThat(deadline(null).achievement()).isEqualByComparingTo("90");
        assertThat(deadline("2").achievement()).isEqualByComparingTo("80");
        assertThat(deadline("0").achievement()).isEqualByComparingTo("100");
        assertThat(deadline("ZERO").achievement()).isEqualByComparingTo("0");
        // 150 days late at 1 point a day stops at 0.
        assertThat(single(new PlanBuilder("C", 2025), "Entro 31/01/2025", "30/06/2025").achievement())
                .isEqualByComparingTo("0");
    }

    @Test
    void zeroTargets() {
        assertThat(single(new PlanBuilder("C", 2025), "<= 0 N.", "0").achievement()).isEqualByComparingTo("100");
        assertThat(single(new PlanBuilder("C", 2025), "<= 0 N.", "2").achievement()).isEqualByComparingTo("0");
        assertThat(single(new PlanBuilder("C", 2025), "= 0 N.", "0").achievement()).isEqualByComparingTo("100");
        assertThat(single(new PlanBuilder("C", 2025), "= 0 N.", "1").achievement()).isEqualByComparingTo("0");
        assertThat(single(new PlanBuilder("C", 2025), "= 0 N.", "0").deviation()).isEqualTo("-");
    }

    @Test
    void yesNoTargets() {
        assertThat(single(new PlanBuilder("C", 2025), "= sì", "Sì").achievement()).isEqualByComparingTo("100");
        assertThat(single(new PlanBuilder("C", 2025), "SI/NO", "No").achievement()).isEqualByComparingTo("0");
        assertThat(single(new PlanBuilder("C", 2025), "realizzazione", "Realizzato").achievement())
                .isEqualByComparingTo("100");
        assertThat(single(new PlanBuilder("C", 2025), "realizzazione", "Non realizzato").achievement())
                .isEqualByComparingTo("0");
        // a percentage actual is taken as the achievement
        assertThat(single(new PlanBuilder("C", 2025), "realizzazione", "75 %").achievement())
                .isEqualByComparingTo("75");
    }

    @Test
    void notComputableIsExcludedAndTheOtherWeightsReNormalised() {
        PlanScores scores = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .indicator("OS", "I1", ">= 100 N.", "50", "80")
                .indicator("OS", "I2", ">= 100 N.", "25", "N.C.")
                .indicator("OS", "I3", ">= 100 N.", "25", "60")
                .score("2025");
        assertThat(scores.indicator(new IndicatorKey("OS", "I2", 1)).orElseThrow().status())
                .isEqualTo(IndicatorStatus.EXCLUDED);
        // (50·80 + 25·60) / 75 = 73,33
        assertThat(scores.item(Level.OBIETTIVO_STRATEGICO, "OS").orElseThrow().achievement()
                .setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("73.33");
        PlanScores zero = new PlanBuilder("C", 2025).parameter("nc", "ZERO").ambito("A", "100")
                .strategic("OS", "A", "100")
                .indicator("OS", "I1", ">= 100 N.", "50", "80")
                .indicator("OS", "I2", ">= 100 N.", "25", "N.C.")
                .indicator("OS", "I3", ">= 100 N.", "25", "60")
                .score("2025");
        // (50·80 + 25·0 + 25·60) / 100 = 55
        assertThat(zero.item(Level.OBIETTIVO_STRATEGICO, "OS").orElseThrow().achievement()).isEqualByComparingTo("55");
    }

    @Test
    void weightZeroIsShownButNotCounted() {
        PlanScores scores = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .indicator("OS", "I1", ">= 100 N.", "100", "80")
                .indicator("OS", "I2", ">= 100 N.", "0", "10")
                .score("2025");
        assertThat(scores.indicator(new IndicatorKey("OS", "I2", 1)).orElseThrow().achievement())
                .isEqualByComparingTo("10");
        assertThat(scores.item(Level.OBIETTIVO_STRATEGICO, "OS").orElseThrow().achievement()).isEqualByComparingTo("80");
    }

    @Test
    void oivOverrideReplacesTheComputedValueOrMakesItNotAssessable() {
        PlanBuilder builder = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .indicator("OS", "I1", ">= 100 N.", "50", "40")
                .indicator("OS", "I2", ">= 100 N.", "50", "100");
        IndicatorKey i1 = new IndicatorKey("OS", "I1", 1);
        PlanScores raised = new PlanScorer(builder.methodology()).score(builder.plan(), builder.actuals(),
                Map.of(i1, new OverrideDecision(i1, BigDecimal.valueOf(90), "causa non imputabile all'ufficio", "OIV")),
                ScoringContext.of(it.pa.monitor.values.Period.parse("2025")));
        IndicatorResult overridden = raised.indicator(i1).orElseThrow();
        assertThat(overridden.status()).isEqualTo(IndicatorStatus.OVERRIDDEN);
        assertThat(overridden.achievement()).isEqualByComparingTo("90");
        assertThat(overridden.note()).isEqualTo("rettifica OIV (OIV): causa non imputabile all'ufficio");
        assertThat(raised.item(Level.OBIETTIVO_STRATEGICO, "OS").orElseThrow().achievement())
                .isEqualByComparingTo("95");
        PlanScores excluded = new PlanScorer(builder.methodology()).score(builder.plan(), builder.actuals(),
                Map.of(i1, new OverrideDecision(i1, null, "dato non disponibile", null)),
                ScoringContext.of(it.pa.monitor.values.Period.parse("2025")));
        assertThat(excluded.indicator(i1).orElseThrow().status()).isEqualTo(IndicatorStatus.EXCLUDED);
        assertThat(excluded.item(Level.OBIETTIVO_STRATEGICO, "OS").orElseThrow().achievement())
                .isEqualByComparingTo("100");
    }

    @Test
    void toleranceChangesTheLabelNeverTheNumber() {
        PlanBuilder builder = new PlanBuilder("C", 2025).parameter("tolleranza", "1");
        IndicatorResult result = single(builder, ">= 100 N.", "89,5");
        assertThat(result.achievement()).isEqualByComparingTo("89.5");
        assertThat(builder.methodology().band(result.achievement())).isEqualTo(Band.RAGGIUNTO);
        assertThat(Methodology.defaults().band(result.achievement())).isEqualTo(Band.PARZIALMENTE_RAGGIUNTO);
        assertThat(Methodology.defaults().band(new BigDecimal("49.99"))).isEqualTo(Band.NON_RAGGIUNTO);
    }

    @Test
    void unknownParameterValuesAreReportedAndKeepTheirDefault() {
        List<String> problems = new java.util.ArrayList<>();
        Methodology m = Methodology.from(Map.of("os_da", "TUTTO", "tetto", "molto"), problems);
        assertThat(m.strategicSource()).isEqualTo(Methodology.StrategicSource.INDICATORI);
        assertThat(m.cap()).isEqualByComparingTo("100");
        assertThat(problems).containsExactly(
                "parametro «tetto»: valore «molto» non valido, si usa 100",
                "parametro «os_da»: valore «TUTTO» non riconosciuto, si usa INDICATORI (valori ammessi: INDICATORI,"
                        + " OPERATIVI, MISTO)");
    }

    // --- interim periods ---

    @Test
    void deadlineNotYetDueAndNotMetIsInCorso() {
        IndicatorResult empty = single(new PlanBuilder("C", 2025), "Entro 30/09/2025", null, "2025-Q2");
        assertThat(empty.status()).isEqualTo(IndicatorStatus.IN_CORSO);
        IndicatorResult notYet = single(new PlanBuilder("C", 2025), "Entro 30/09/2025", "Non realizzato", "2025-Q2");
        assertThat(notYet.status()).isEqualTo(IndicatorStatus.IN_CORSO);
        IndicatorResult done = single(new PlanBuilder("C", 2025), "Entro 30/09/2025", "15/05/2025", "2025-Q2");
        assertThat(done.achievement()).isEqualByComparingTo("100");
        IndicatorResult missed = single(new PlanBuilder("C", 2025), "Entro 31/03/2025", null, "2025-Q2");
        assertThat(missed.status()).isEqualTo(IndicatorStatus.NOT_REPORTED);
    }

    @Test
    void completionDateAfterTheReferenceDateIsNotYetDone() {
        // METHOD.md "Interim periods": at 30/06 a date in December has not happened yet (the office
        // typed the planned date): the indicator is not yet done.
        IndicatorResult notDue = single(new PlanBuilder("C", 2025), "Entro 30/09/2025", "15/12/2025", "2025-Q2");
        assertThat(notDue.status()).isEqualTo(IndicatorStatus.IN_CORSO);
        assertThat(notDue.achievement()).isNull();
        // deadline already passed at 30/06 and not done by then: not realised, 0
        IndicatorResult passed = single(new PlanBuilder("C", 2025), "Entro 31/05/2025", "15/12/2025", "2025-Q2");
        assertThat(passed.status()).isEqualTo(IndicatorStatus.SCORED);
        assertThat(passed.achievement()).isEqualByComparingTo("0");
        assertThat(passed.rule()).contains("successiva alla data di riferimento 30/06/2025");
        // a yes/no target with a future date: not done yet, as "No"
        IndicatorResult yesNo = single(new PlanBuilder("C", 2025), "realizzazione", "15/12/2025", "2025-Q2");
        assertThat(yesNo.achievement()).isEqualByComparingTo("0");
        // at the year end the rule does not apply: 18 days late at 1 point a day → 82 (METHOD.md worked example)
        IndicatorResult yearEnd = single(new PlanBuilder("C", 2025), "Entro 30/11/2025", "18/12/2025", "2025");
        assertThat(yearEnd.achievement()).isEqualByComparingTo("82");
        // a date on the reference date itself has happened
        IndicatorResult onTheDay = single(new PlanBuilder("C", 2025), "Entro 30/09/2025", "30/06/2025", "2025-Q2");
        assertThat(onTheDay.achievement()).isEqualByComparingTo("100");
    }

    @Test
    void cumulativeIndicatorIsScoredAgainstTheProRatedTarget() {
        // ≥ 12 for the year is ≥ 6 at 30/06: 5 reported → 83,33
        PlanScores scores = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .cumulative("OS", "I", ">= 12 N.", "100", "5").score("2025-Q2");
        IndicatorResult result = scores.indicator(KEY).orElseThrow();
        assertThat(result.effectiveTarget()).isEqualByComparingTo("6");
        assertThat(result.achievement().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("83.33");
        assertThat(result.rule()).isEqualTo("a / t (target pro rata 6/12)");
        assertThat(result.deviation()).isEqualTo("-1,00 N.");
        // a non-cumulative indicator is scored against the full target: 5 / 12
        IndicatorResult full = single(new PlanBuilder("C", 2025), ">= 12 N.", "5", "2025-Q2");
        assertThat(full.achievement().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("41.67");
    }

    @Test
    void forecastProjectsCumulativeIndicatorsToYearEnd() {
        PlanBuilder builder = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .cumulative("OS", "I", ">= 12 N.", "100", null);
        Indicator indicator = builder.plan().indicators().get(0);
        Forecast forecast = new Forecast(Methodology.defaults());
        ScoringContext june = ScoringContext.of(it.pa.monitor.values.Period.parse("2025-Q2"));
        // one point, 5 at 6 months: run rate 5 × 12 / 6 = 10 → 83,33 % of 12, below 90: a rischio
        Forecast.Projection runRate = forecast.project(indicator, List.of(new Forecast.Point(6, BigDecimal.valueOf(5))),
                june).orElseThrow();
        assertThat(runRate.value()).isEqualByComparingTo("10");
        assertThat(runRate.achievement().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("83.33");
        assertThat(runRate.atRisk()).isTrue();
        // 2 at 3 months, 5 at 6 months: the line 1·m − 1 reaches 11 at 12 months → 91,67 %, not at risk
        Forecast.Projection line = forecast.project(indicator, List.of(new Forecast.Point(3, BigDecimal.valueOf(2)),
                new Forecast.Point(6, BigDecimal.valueOf(5))), june).orElseThrow();
        assertThat(line.value()).isEqualByComparingTo("11");
        assertThat(line.atRisk()).isFalse();
        assertThat(line.rule()).isEqualTo("regressione lineare su 2 periodi");
    }

    @Test
    void indicatorNotDueInThePeriodIsNotExpected() {
        PlanScores scores = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .periodicity("annuale").indicator("OS", "ANNUAL", ">= 1 N.", "100", null)
                .periodicity("semestrale").indicator("OS", "HALF", ">= 1 N.", "100", null)
                .periodicity("quadrimestrale").indicator("OS", "FOUR", ">= 1 N.", "100", null)
                .score("2025-Q2");
        assertThat(scores.indicator(new IndicatorKey("OS", "ANNUAL", 1)).orElseThrow().status())
                .isEqualTo(IndicatorStatus.NOT_DUE);
        assertThat(scores.indicator(new IndicatorKey("OS", "HALF", 1)).orElseThrow().status())
                .isEqualTo(IndicatorStatus.NOT_REPORTED);
        // four-monthly dates are 30/04, 31/08, 31/12: nothing is due at 30/06
        assertThat(scores.indicator(new IndicatorKey("OS", "FOUR", 1)).orElseThrow().status())
                .isEqualTo(IndicatorStatus.NOT_DUE);
    }

    private static IndicatorResult deadline(String penalty) {
        PlanBuilder builder = new PlanBuilder("C", 2025);
        if (penalty != null) {
            builder.parameter("penalita_giorno", penalty);
        }
        return single(builder, "Entro 30/06/2025", "10/07/2025");
    }

    private static IndicatorResult single(PlanBuilder builder, String target, String actual) {
        return single(builder, target, actual, "2025");
    }

    private static IndicatorResult single(PlanBuilder builder, String target, String actual, String period) {
        return builder.ambito("A", "100").strategic("OS", "A", "100").indicator("OS", "I", target, "100", actual)
                .score(period).indicator(KEY).orElseThrow();
    }
}
