package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.JudgementScale;
import it.pa.monitor.values.PercentValues;
import it.pa.monitor.values.TargetParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** valori_percentuali and giudizi (METHOD.md) on the examples and hand-computed figures. */
class PercentValuesAndJudgementTest {

    private static BigDecimal score(String reading, String target, String actual) {
        PlanBuilder b = new PlanBuilder("E", 2022).ambito("AS", null).strategic("OS", "AS", null)
                .indicator("OS", "i", target, "100", actual);
        if (reading != null) {
            b.parameter("valori_percentuali", reading);
        }
        return b.score("2022").indicator(new IndicatorKey("OS", "i", 1)).orElseThrow().achievement();
    }

    @Test
    void ratiosAgainstPercentagesOnOneScale() {
        assertThat(score("RAPPORTI", "100%", "0,58")).isEqualByComparingTo("58");
        assertThat(score("RAPPORTI", ">= 1,00", "56%")).isEqualByComparingTo("56");
        assertThat(score("RAPPORTI", "120%", "1,22")).isEqualByComparingTo("100"); // 122 / 120, capped
        // Same kind on both sides: unchanged (0,58 against 1,00 is 58; 58 % against 100 % is 58).
        assertThat(score("RAPPORTI", ">= 1,00", "0,58")).isEqualByComparingTo("58");
        assertThat(score("RAPPORTI", "100%", "58%")).isEqualByComparingTo("58");
        // A number with its own unit is not a plain number: 5 N. against 10 % stays 5 / 10.
        assertThat(score("RAPPORTI", ">= 10 %", "5 N.")).isEqualByComparingTo("50");
        assertThat(score("rapporti", "100%", "0,58")).isEqualByComparingTo("58"); // case ignored
    }

    @Test
    void asWrittenByDefault() {
        // 0,58 against 100 % is 0,58 % by default: 0,58 / 100 = 0,58 points.
        assertThat(score(null, "100%", "0,58")).isEqualByComparingTo("0.58");
        assertThat(score("COME_SCRITTI", "100%", "58")).isEqualByComparingTo("58");
        // The deviation is in the target's unit once rescaled: 58 % − 100 % = −42,00 %.
        PlanBuilder b = new PlanBuilder("E", 2022).parameter("valori_percentuali", "RAPPORTI").ambito("AS", null)
                .strategic("OS", "AS", null).indicator("OS", "i", "100%", "100", "0,58");
        IndicatorResult r = b.score("2022").indicator(new IndicatorKey("OS", "i", 1)).orElseThrow();
        assertThat(r.deviation()).isEqualTo("-42,00 %");
        assertThat(r.rule()).contains("valori_percentuali = RAPPORTI: 0,58 = 58 %");
    }

    @Test
    void warningOnlyForAPlainValueUpToOneAgainstATargetOfTenPercentOrMore() {
        TargetParser targets = new TargetParser();
        ActualValueParser values = new ActualValueParser();
        var asWritten = PercentValues.COME_SCRITTI;
        assertThat(PercentScale.warning(targets.parse(">= 10 %", 2022), values.parse(CellValue.text("1"), 2022),
                asWritten)).isPresent();
        assertThat(PercentScale.warning(targets.parse(">= 9,99 %", 2022), values.parse(CellValue.text("0,5"), 2022),
                asWritten)).isEmpty();
        assertThat(PercentScale.warning(targets.parse(">= 95 %", 2022), values.parse(CellValue.text("1,01"), 2022),
                asWritten)).isEmpty();
        assertThat(PercentScale.warning(targets.parse(">= 95 %", 2022), values.parse(CellValue.text("0"), 2022),
                asWritten)).isEmpty();
        assertThat(PercentScale.warning(targets.parse(">= 95 %", 2022), values.parse(CellValue.text("0,9 %"), 2022),
                asWritten)).isEmpty();
        assertThat(PercentScale.warning(targets.parse(">= 95", 2022), values.parse(CellValue.text("0,9"), 2022),
                asWritten)).isEmpty();
        assertThat(PercentScale.warning(targets.parse(">= 95 %", 2022), values.parse(CellValue.text("0,9"), 2022),
                PercentValues.RAPPORTI)).isEmpty();
        // A %-formatted cell holding 0,58 means 58 %: not a plain number.
        assertThat(PercentScale.warning(targets.parse(">= 95 %", 2022),
                values.parse(new CellValue("58%", new BigDecimal("0.58"), true, null, null), 2022), asWritten))
                .isEmpty();
    }

    @Test
    void judgementByLowerBoundsOnTheDisplayedFigure() {
        JudgementScale scale = JudgementScale.parse("0 Non adeguato; 91 Eccellente; 81 Più che adeguato").orElseThrow();
        assertThat(scale.label(new BigDecimal("81"))).contains("Più che adeguato");
        assertThat(scale.label(new BigDecimal("80.99"))).contains("Non adeguato");
        assertThat(JudgementScale.parse("91: Eccellente\n0 - Non adeguato").orElseThrow().label(BigDecimal.TEN))
                .contains("Non adeguato");
        assertThat(JudgementScale.parse("Eccellente sopra 91")).isEmpty();
        assertThat(JudgementScale.parse("50 Sufficiente").orElseThrow().label(BigDecimal.ONE)).isEmpty();
        List<String> problems = new ArrayList<>();
        Methodology m = Methodology.from(Map.of("giudizi", "91 Eccellente; 81 Più che adeguato"), problems);
        // 90,996 is displayed 91,00 (HALF_UP): the label follows the figure the reader sees.
        assertThat(m.judgement(new BigDecimal("90.996"))).contains("Eccellente");
        assertThat(Methodology.defaults().judgement(new BigDecimal("99"))).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void scorecardObjectiveAgainstItsTargetIsCappedByTetto() {
        var target = new TargetParser().parse(">= 95 %", 2022);
        // 87,4 / 95 = 92,0 (Pisa 2022); 100 / 95 capped at 100; with tetto 110: 105,26.
        assertThat(ObjectiveTarget.achievement(new BigDecimal("87.4"), target, Methodology.defaults())
                .setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("92.00");
        assertThat(ObjectiveTarget.achievement(BigDecimal.valueOf(100), target, Methodology.defaults()))
                .isEqualByComparingTo("100");
        Methodology cap110 = Methodology.from(Map.of("tetto", "110"), new ArrayList<>());
        assertThat(ObjectiveTarget.achievement(BigDecimal.valueOf(100), target, cap110)
                .setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("105.26");
        assertThat(ObjectiveTarget.achievement(null, target, cap110)).isNull();
        // In a scorecard: OS at 87,4 with ≥ 95 % (weight 50) and OS at 100 without target (50): 96,0.
        PlanScores scores = new PlanBuilder("E", 2022).ambito("AS", null).strategic("A1", "AS", null)
                .strategic("A3", "AS", null)
                .indicator("A1", "a", ">= 100", "70", "100").indicator("A1", "b", ">= 100", "30", "58")
                .indicator("A3", "c", ">= 1", "100", "1")
                .targetedScorecard("CR", "A1", "50", ">= 95 %", "A3", "50", "").score("2022");
        assertThat(scores.item(Level.CRUSCOTTO, "CR").orElseThrow().achievement()
                .setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("96.00");
    }
}
