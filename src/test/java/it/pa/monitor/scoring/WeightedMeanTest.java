package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weight 0 means "shown, not counted" (METHOD.md) under both means: under a simple mean the
 * weight plays no other part, so only this filter keeps a monitoring-only row out of it.
 */
class WeightedMeanTest {

    private static final List<Weighted> ROWS = List.of(
            new Weighted(new BigDecimal("100"), new BigDecimal("50")),
            new Weighted(BigDecimal.ZERO, BigDecimal.ZERO),
            new Weighted(new BigDecimal("80"), new BigDecimal("50")));

    @Test
    void aRowOfWeightZeroIsLeftOutOfASimpleMean() {
        // (100 + 80) / 2 = 90; counting the monitoring-only row would give (100 + 0 + 80) / 3 = 60.
        assertThat(Weighted.mean(ROWS, Methodology.Mean.SEMPLICE)).hasValueSatisfying(m ->
                assertThat(m).isEqualByComparingTo("90"));
        assertThat(Weighted.counted(ROWS)).isEqualTo(2);
    }

    @Test
    void aRowOfWeightZeroIsLeftOutOfAWeightedMean() {
        // (100 × 50 + 80 × 50) / 100 = 90.
        assertThat(Weighted.mean(ROWS, Methodology.Mean.PONDERATA)).hasValueSatisfying(m ->
                assertThat(m).isEqualByComparingTo("90"));
    }

    @Test
    void aLevelOfOnlyWeightZeroRowsHasNoResult() {
        assertThat(Weighted.mean(List.of(new Weighted(new BigDecimal("70"), BigDecimal.ZERO)),
                Methodology.Mean.SEMPLICE)).isEmpty();
    }
}
