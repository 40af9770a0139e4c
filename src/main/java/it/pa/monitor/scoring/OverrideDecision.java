package it.pa.monitor.scoring;

import it.pa.monitor.plan.tree.IndicatorKey;
import java.math.BigDecimal;

/** An OIV override of one indicator for a period: a level in percentage points, or Non valutabile (null). */
public record OverrideDecision(IndicatorKey key, BigDecimal level, String motivation, String author) {

    public boolean notAssessable() {
        return level == null;
    }
}
