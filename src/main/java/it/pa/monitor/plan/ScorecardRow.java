package it.pa.monitor.plan;

import java.math.BigDecimal;

/**
 * A scorecard row: a reference to an indicator ({@code indicatorCode} set) or to a whole
 * objective ({@code indicatorCode} null), with its weight.
 */
public record ScorecardRow(String reference, String objectiveCode, String indicatorCode, int occurrence,
                           BigDecimal weight, int rowNo) {

    public boolean referencesIndicator() {
        return indicatorCode != null;
    }
}
