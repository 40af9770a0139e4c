package it.pa.monitor.scoring;

import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The "scostamento rispetto al target" as the reports print it: {@code +0,83 %}, {@code -29,00 gg}, {@code -}. */
final class Deviation {

    private Deviation() {
    }

    static String of(BigDecimal difference, UnitOfMeasure unit) {
        if (difference.signum() == 0) {
            return "-";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));
        String sign = difference.signum() > 0 ? "+" : "-";
        String suffix = unit == null || unit == UnitOfMeasure.DATE || unit == UnitOfMeasure.YES_NO
                ? "" : " " + unit.label();
        return sign + format.format(difference.abs()) + suffix;
    }

    static String days(long days) {
        return of(BigDecimal.valueOf(days), UnitOfMeasure.DAYS);
    }
}
