package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A period's results answer by key and by level and code as a scan of the lists would: the
 * second occurrence of a repeated code is its own result, a code shared by two levels is found
 * per level, and the aggregates of a level keep their stored order.
 */
class PeriodResultsTest {

    private static final IndicatorKey FIRST = new IndicatorKey("OO1", "I1", 1);
    private static final IndicatorKey SECOND = new IndicatorKey("OO1", "I1", 2);

    private final PeriodResults results = new PeriodResults(Period.parse("2025"),
            List.of(indicator(FIRST, "80"), indicator(SECOND, "60")),
            List.of(item(Level.ENTE, "Ente", "90"), item(Level.OBIETTIVO_OPERATIVO, "OO1", "70"),
                    item(Level.UNITA, "OO1", "55"), item(Level.OBIETTIVO_OPERATIVO, "OO2", "100")),
            Map.of());

    @Test
    void findsEachResultByKeyOrByLevelAndCode() {
        assertThat(results.indicator(SECOND)).map(IndicatorResult::achievement).contains(new BigDecimal("60"));
        assertThat(results.indicator(FIRST)).map(IndicatorResult::achievement).contains(new BigDecimal("80"));
        assertThat(results.indicator(new IndicatorKey("OO1", "I1", 3))).isEmpty();
        assertThat(results.item(Level.UNITA, "OO1")).map(ItemResult::achievement).contains(new BigDecimal("55"));
        assertThat(results.item(Level.OBIETTIVO_OPERATIVO, "OO1")).map(ItemResult::achievement)
                .contains(new BigDecimal("70"));
        assertThat(results.item(Level.OBIETTIVO_STRATEGICO, "OO1")).isEmpty();
        assertThat(results.items(Level.OBIETTIVO_OPERATIVO)).extracting(ItemResult::code).containsExactly("OO1", "OO2");
        assertThat(results.items(Level.CRUSCOTTO)).isEmpty();
    }

    private static IndicatorResult indicator(IndicatorKey key, String achievement) {
        return new IndicatorResult(key, BigDecimal.ONE, IndicatorStatus.SCORED, new BigDecimal(achievement), null,
                "a / t", null, null);
    }

    private static ItemResult item(Level level, String code, String achievement) {
        return new ItemResult(level, code, null, null, new BigDecimal(achievement), "media");
    }
}
