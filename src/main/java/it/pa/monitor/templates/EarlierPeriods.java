package it.pa.monitor.templates;

import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.values.Period;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The reference dates of the earlier periods of the year a template shows, one read-only column
 * each: those of the period's own division of the year (the plan's periodicity for the year end)
 * and those that already have accepted values, in date order.
 */
final class EarlierPeriods {

    private EarlierPeriods() {
    }

    static List<LocalDate> of(Period period, Periodicity planPeriodicity, Collection<LocalDate> withValues) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        Period.Frequency frequency = period.frequency() != Period.Frequency.YEAR ? period.frequency()
                : switch (planPeriodicity) {
                    case TRIMESTRALE -> Period.Frequency.QUARTER;
                    case QUADRIMESTRALE -> Period.Frequency.FOUR_MONTHS;
                    case SEMESTRALE -> Period.Frequency.HALF_YEAR;
                    case ANNUALE -> Period.Frequency.YEAR;
                };
        for (int index = 1; index <= frequency.parts(); index++) {
            dates.add(new Period(period.year(), frequency, index).referenceDate());
        }
        dates.addAll(withValues);
        return dates.headSet(period.referenceDate(), false).stream()
                .filter(d -> d.getYear() == period.year()).toList();
    }
}
