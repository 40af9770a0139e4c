package it.pa.monitor.scoring;

import it.pa.monitor.plan.tree.IndicatorKey;
import java.math.BigDecimal;

/**
 * The achievement of one indicator in a period with the rule that produced it ("2 − a / t",
 * "ritardo 18 gg"), the scostamento as shown in the report, and a note for the data-quality
 * sheet (why it was not scored, the OIV's motivation).
 */
public record IndicatorResult(IndicatorKey key, BigDecimal weight, IndicatorStatus status, BigDecimal achievement,
                              BigDecimal effectiveTarget, String rule, String deviation, String note) {

    static IndicatorResult notCounted(IndicatorKey key, BigDecimal weight, IndicatorStatus status, String rule,
                                      String note) {
        return new IndicatorResult(key, weight, status, null, null, rule, null, note);
    }
}
