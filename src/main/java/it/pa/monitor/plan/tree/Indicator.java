package it.pa.monitor.plan.tree;

import it.pa.monitor.values.Target;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;

/** An indicator of an objective (OS, OO or a cruscotto's own objective) with its parsed target. */
public record Indicator(
        IndicatorKey key,
        String name,
        String algorithm,
        String source,
        String typology,
        UnitOfMeasure unit,
        Target target,
        String targetNext,
        String targetAfterNext,
        BigDecimal weight,
        boolean cumulative,
        String periodicity,
        String responsibleUnitCode,
        int rowNo,
        boolean significant) {

    /** An indicator not marked {@code Significativo}. */
    public Indicator(IndicatorKey key, String name, String algorithm, String source, String typology,
                     UnitOfMeasure unit, Target target, String targetNext, String targetAfterNext, BigDecimal weight,
                     boolean cumulative, String periodicity, String responsibleUnitCode, int rowNo) {
        this(key, name, algorithm, source, typology, unit, target, targetNext, targetAfterNext, weight, cumulative,
                periodicity, responsibleUnitCode, rowNo, false);
    }

    public String objectiveCode() {
        return key.objectiveCode();
    }

    public String code() {
        return key.code();
    }

    /**
     * Weight 0 and target {@code monitoraggio}, {@code -} or empty (METHOD.md): the value is collected
     * and shown, never scored and never missing.
     */
    public boolean monitoringOnly() {
        return weight != null && weight.signum() == 0 && target.kind() == it.pa.monitor.values.TargetKind.NOT_AVAILABLE;
    }
}
