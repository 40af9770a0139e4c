package it.pa.monitor.plan.tree;

import it.pa.monitor.values.Target;
import java.math.BigDecimal;

/**
 * A scorecard row: a reference to an indicator ({@code indicatorCode} set) or to a whole
 * objective ({@code indicatorCode} null), with its weight and, only for an objective, an optional
 * target the objective's result is scored against (e.g. {@code ≥ 95 %}; null when none).
 */
public record ScorecardRow(String reference, String objectiveCode, String indicatorCode, int occurrence,
                           BigDecimal weight, int rowNo, Target target) {

    public ScorecardRow(String reference, String objectiveCode, String indicatorCode, int occurrence,
                        BigDecimal weight, int rowNo) {
        this(reference, objectiveCode, indicatorCode, occurrence, weight, rowNo, null);
    }

    public boolean referencesIndicator() {
        return indicatorCode != null;
    }
}
