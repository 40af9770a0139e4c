package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;

/**
 * A scorecard row that references an objective and has a {@code Target} (METHOD.md, dirigente
 * scorecard): the objective's result divided by the target, floored at 0 and capped by {@code tetto}
 * (Pisa 2022: OS A1 at 87,4 % against 95 % gives 92,0 %).
 */
public final class ObjectiveTarget {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ObjectiveTarget() {
    }

    /** The row's achievement in percentage points; null when the objective has no result. */
    public static BigDecimal achievement(BigDecimal objectiveResult, Target target, Methodology methodology) {
        if (objectiveResult == null) {
            return null;
        }
        if (target == null) {
            return objectiveResult;
        }
        PercentScale.Scaled scaled = PercentScale.scale(objectiveResult, UnitOfMeasure.PERCENT, target.value(),
                target.unit(), methodology.percentValues());
        BigDecimal ratio = Quotient.of(scaled.actual(), scaled.target()).multiply(HUNDRED)
                .max(BigDecimal.ZERO);
        return methodology.cap() == null ? ratio : ratio.min(methodology.cap());
    }
}
