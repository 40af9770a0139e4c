package it.pa.monitor.scoring;

import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.PercentValues;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A plain number (no {@code %} sign, no %-formatted cell) and a percentage on the two sides of one
 * comparison (METHOD.md, {@code valori_percentuali}): with RAPPORTI the plain side is read as a
 * ratio where 1 = 100 %; with COME_SCRITTI it is read as written, and a plain value ≤ 1 against a
 * target ≥ 10 % is warned about.
 */
public final class PercentScale {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN = BigDecimal.TEN;

    private PercentScale() {
    }

    /** Actual and target on one scale, and whether a plain side was turned into a percentage. */
    record Scaled(BigDecimal actual, BigDecimal target, String note) {
    }

    static Scaled scale(BigDecimal actual, UnitOfMeasure actualUnit, BigDecimal target, UnitOfMeasure targetUnit,
                        PercentValues reading) {
        if (reading == PercentValues.RAPPORTI) {
            if (actualUnit == null && targetUnit == UnitOfMeasure.PERCENT) {
                BigDecimal scaled = actual.multiply(HUNDRED);
                return new Scaled(scaled, target, " (valori_percentuali = RAPPORTI: " + italian(actual) + " = "
                        + italian(scaled) + " %)");
            }
            if (actualUnit == UnitOfMeasure.PERCENT && targetUnit == null) {
                BigDecimal scaled = target.multiply(HUNDRED);
                return new Scaled(actual, scaled, " (valori_percentuali = RAPPORTI: target " + italian(target)
                        + " = " + italian(scaled) + " %)");
            }
        }
        return new Scaled(actual, target, "");
    }

    /**
     * The COME_SCRITTI warning for a value: a plain number ≤ 1 (not 0) against a percentage target
     * of at least 10 %, which is most likely a ratio typed for a percentage; empty otherwise.
     */
    public static Optional<String> warning(Target target, ActualValue actual, PercentValues reading) {
        if (reading != PercentValues.COME_SCRITTI || target == null || actual == null
                || target.kind() != TargetKind.NUMERIC || target.unit() != UnitOfMeasure.PERCENT
                || target.value().abs().compareTo(TEN) < 0
                || actual.kind() != ActualKind.NUMBER || actual.unit() != null
                || actual.number().signum() == 0 || actual.number().abs().compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        BigDecimal a = actual.number();
        return Optional.of("letto come " + italian(a) + " %: se si intende " + italian(a.multiply(HUNDRED))
                + " % scrivere «" + italian(a.multiply(HUNDRED)) + " %», oppure impostare «valori_percentuali = "
                + "RAPPORTI» nella Metodologia");
    }

    private static String italian(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }
}
