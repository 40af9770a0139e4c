package it.pa.monitor.scoring;

import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * When a result is computed: the reference date of the period and how much of the year it
 * covers (6 of 12 months at 30/06), which decides pro-rated targets and deadlines "in corso".
 */
public record ScoringContext(LocalDate referenceDate, int elapsedMonths) {

    public ScoringContext {
        if (elapsedMonths < 1 || elapsedMonths > 12) {
            throw new IllegalArgumentException("elapsed months out of range: " + elapsedMonths);
        }
    }

    public static ScoringContext of(Period period) {
        LocalDate date = period.referenceDate();
        return new ScoringContext(date, date.getMonthValue());
    }

    public boolean yearEnd() {
        return elapsedMonths == 12;
    }

    /** The elapsed fraction of the year, e.g. 0.5 at 30/06. */
    public BigDecimal elapsedFraction() {
        return BigDecimal.valueOf(elapsedMonths).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128);
    }
}
