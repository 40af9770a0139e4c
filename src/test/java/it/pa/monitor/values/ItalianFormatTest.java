package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The Italian texts of dates, numbers and percentages, as the Relazione prints them. */
class ItalianFormatTest {

    @Test
    void datesDayFirstWithSlashes() {
        assertThat(ItalianFormat.date(LocalDate.of(2022, 6, 30))).isEqualTo("30/06/2022");
        assertThat(ItalianFormat.dayMonth(LocalDate.of(2025, 3, 7))).isEqualTo("07/03");
        assertThat(ItalianFormat.dateTime(LocalDateTime.of(2025, 1, 2, 9, 5))).isEqualTo("02/01/2025 09:05");
    }

    @Test
    void numbersWithDecimalCommaAndThousandsPoint() {
        assertThat(ItalianFormat.number(new BigDecimal("1635.5"))).isEqualTo("1.635,50");
        assertThat(ItalianFormat.number(new BigDecimal("-56"))).isEqualTo("-56,00");
        // Half-even, as DecimalFormat always did here: 0,125 → 0,12; 0,135 → 0,14.
        assertThat(ItalianFormat.number(new BigDecimal("0.125"))).isEqualTo("0,12");
        assertThat(ItalianFormat.number(new BigDecimal("0.135"))).isEqualTo("0,14");
        assertThat(ItalianFormat.number(new BigDecimal("2384477.1"), 2, 4)).isEqualTo("2.384.477,10");
        assertThat(ItalianFormat.number(new BigDecimal("0.33335"), 2, 4)).isEqualTo("0,3334");
        assertThat(ItalianFormat.count(20_000)).isEqualTo("20.000");
    }

    @Test
    void percentagesAsWeightsAndAsRuleText() {
        assertThat(ItalianFormat.percent(new BigDecimal("33.333"))).isEqualTo("33,33%");
        assertThat(ItalianFormat.percentInText(new BigDecimal("99.685"))).isEqualTo("99,69 %");
        assertThat(ItalianFormat.percentInText(new BigDecimal("1234.5"))).isEqualTo("1234,50 %");
    }

    @Test
    void sizesInMegabytesWithAtMostOneDecimalHalfEvenAsNumberFormatGaveThem() {
        assertThat(ItalianFormat.megabytes(200L * 1_048_576)).isEqualTo("200");
        assertThat(ItalianFormat.megabytes(13_107_200)).isEqualTo("12,5");      // 12.5 × 1 048 576
        assertThat(ItalianFormat.megabytes(262_144)).isEqualTo("0,2");          // 0.25: half-even keeps the 2
        assertThat(ItalianFormat.megabytes(786_432)).isEqualTo("0,8");          // 0.75: half-even raises the 7
        assertThat(ItalianFormat.megabytes(2_147_483_648L)).isEqualTo("2.048"); // 2 GB, thousands grouped
        assertThat(ItalianFormat.megabytes(17_301_504)).isEqualTo("16,5");      // 16.5 × 1 048 576
    }
}
