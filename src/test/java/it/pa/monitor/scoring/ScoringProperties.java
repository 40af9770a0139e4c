package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of the scoring rules that must hold for any input. */
class ScoringProperties {

    private static final String[] OPERATORS = {">=", ">", "=", "<=", "<"};

    @Property
    void numericAchievementIsAlwaysWithinZeroAndTheCap(
            @ForAll @IntRange(min = 0, max = 4) int operator,
            @ForAll @BigRange(min = "-1000", max = "1000") @Scale(2) BigDecimal target,
            @ForAll @BigRange(min = "-10000", max = "10000") @Scale(2) BigDecimal actual,
            @ForAll("caps") String cap, @ForAll boolean inverse) {
        PlanBuilder builder = new PlanBuilder("C", 2025).parameter("tetto", cap)
                .parameter("formula_minore", inverse ? "INVERSE" : "MIRROR");
        IndicatorResult result = single(builder, OPERATORS[operator] + " " + italian(target) + " N.", italian(actual));
        assertThat(result.status()).isEqualTo(IndicatorStatus.SCORED);
        assertThat(result.achievement()).isBetween(BigDecimal.ZERO, new BigDecimal(cap));
    }

    @Property
    void deadlineAchievementIsAlwaysWithinZeroAndHundred(
            @ForAll @IntRange(min = 0, max = 364) int deadlineDay, @ForAll @IntRange(min = -400, max = 400) int delay,
            @ForAll @IntRange(min = 0, max = 5) int penalty) {
        LocalDate deadline = LocalDate.of(2025, 1, 1).plusDays(deadlineDay);
        LocalDate done = deadline.plusDays(delay);
        IndicatorResult result = single(new PlanBuilder("C", 2025).parameter("penalita_giorno", "" + penalty),
                "Entro " + date(deadline), date(done));
        assertThat(result.achievement()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        if (delay <= 0) {
            assertThat(result.achievement()).isEqualByComparingTo("100");
        }
    }

    @Property
    void objectiveResultDoesNotDependOnRowOrder(@ForAll("rows") List<Row> rows, @ForAll long seed) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(objective(shuffled, BigDecimal.ONE)).isEqualByComparingTo(objective(rows, BigDecimal.ONE));
    }

    @Property
    void scalingAllWeightsOfALevelLeavesTheResultUnchanged(@ForAll("rows") List<Row> rows,
            @ForAll @BigRange(min = "0.1", max = "10") @Scale(1) BigDecimal factor) {
        assertThat(objective(rows, factor).setScale(10, RoundingMode.HALF_UP))
                .isEqualByComparingTo(objective(rows, BigDecimal.ONE).setScale(10, RoundingMode.HALF_UP));
    }

    @Provide
    Arbitrary<String> caps() {
        return Arbitraries.of("100", "110", "120");
    }

    /** An indicator row: its weight and its actual against a target of 100. */
    record Row(BigDecimal weight, BigDecimal actual) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<BigDecimal> weights = Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(50))
                .ofScale(2);
        Arbitrary<BigDecimal> actuals = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(150))
                .ofScale(2);
        return Combinators.combine(weights, actuals).as(Row::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static BigDecimal objective(List<Row> rows, BigDecimal factor) {
        PlanBuilder builder = new PlanBuilder("C", 2025).ambito("A", "100").strategic("OS", "A", "100")
                .operational("OO", "OS", "100");
        for (int i = 0; i < rows.size(); i++) {
            builder.indicator("OO", "I" + rows.get(i).actual() + "-" + i, ">= 100 N.",
                    rows.get(i).weight().multiply(factor).toPlainString(), italian(rows.get(i).actual()));
        }
        return builder.score("2025").item(Level.OBIETTIVO_OPERATIVO, "OO").orElseThrow().achievement();
    }

    private static IndicatorResult single(PlanBuilder builder, String target, String actual) {
        return builder.ambito("A", "100").strategic("OS", "A", "100").indicator("OS", "I", target, "100", actual)
                .score("2025").indicator(new IndicatorKey("OS", "I", 1)).orElseThrow();
    }

    private static String italian(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    private static String date(LocalDate date) {
        return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
