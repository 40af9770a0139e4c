package it.pa.monitor.scoring;

import it.pa.monitor.values.ItalianFormat;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;

/** The "scostamento rispetto al target" as the reports print it: {@code +0,83 %}, {@code -29,00 gg}, {@code -}. */
final class Deviation {

    private Deviation() {
    }

    static String of(BigDecimal difference, UnitOfMeasure unit) {
        if (difference.signum() == 0) {
            return "-";
        }
        String sign = difference.signum() > 0 ? "+" : "-";
        String suffix = unit == null || unit == UnitOfMeasure.DATE || unit == UnitOfMeasure.YES_NO
                ? "" : " " + unit.label();
        return sign + ItalianFormat.number(difference.abs()) + suffix;
    }

    static String days(long days) {
        return of(BigDecimal.valueOf(days), UnitOfMeasure.DAYS);
    }
}
