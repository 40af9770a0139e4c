package it.pa.monitor.scoring;

import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When a result is computed: the reference date of the period and how much of the year it
 * covers (6 of 12 months at 30/06), which decides pro-rated targets and deadlines "in corso".
 */
public record ScoringContext(LocalDate referenceDate, int elapsedMonths) {

    /** n / 12 for n = 0..12, computed once: every cumulative indicator of a plan asks for one. */
    private static final List<BigDecimal> FRACTIONS = IntStream.rangeClosed(0, 12)
            .mapToObj(n -> BigDecimal.valueOf(n).divide(BigDecimal.valueOf(12), MathContext.DECIMAL128)).toList();

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
        return FRACTIONS.get(elapsedMonths);
    }
}
