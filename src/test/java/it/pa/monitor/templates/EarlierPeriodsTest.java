package it.pa.monitor.templates;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.values.Period;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which earlier periods a template shows as read-only columns. */
class EarlierPeriodsTest {

    @Test
    void thePeriodsOwnDivisionOfTheYear() {
        assertThat(EarlierPeriods.of(Period.parse("2025-Q3"), Periodicity.QUADRIMESTRALE, List.of()))
                .containsExactly(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30));
        assertThat(EarlierPeriods.of(Period.parse("2025-Q1"), Periodicity.TRIMESTRALE, List.of())).isEmpty();
    }

    @Test
    void theYearEndFollowsThePlansPeriodicity() {
        assertThat(EarlierPeriods.of(Period.parse("2022"), Periodicity.QUADRIMESTRALE, List.of()))
                .containsExactly(LocalDate.of(2022, 4, 30), LocalDate.of(2022, 8, 31));
        assertThat(EarlierPeriods.of(Period.parse("2022"), Periodicity.ANNUALE, List.of())).isEmpty();
    }

    @Test
    void datesWithValuesAreAddedOnceAndLaterOrOtherYearsAreNot() {
        List<LocalDate> withValues = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 5, 31),
                LocalDate.of(2025, 9, 30), LocalDate.of(2024, 12, 31));
        assertThat(EarlierPeriods.of(Period.parse("2025-S2"), Periodicity.SEMESTRALE, withValues))
                .containsExactly(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30));
        assertThat(EarlierPeriods.of(Period.parse("2025-Q2"), Periodicity.TRIMESTRALE, withValues))
                .containsExactly(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 5, 31));
    }
}
