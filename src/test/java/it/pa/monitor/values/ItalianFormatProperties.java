package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ItalianFormat#number} prints exactly what {@code DecimalFormat("#,##0")} with Italian symbols printed
 * before it was written by hand (issue 11: one DecimalFormat per deviation was a third of the scoring time).
 */
class ItalianFormatProperties {

    @Property(tries = 3000)
    void sameTextAsDecimalFormat(@ForAll("decimals") BigDecimal value, @ForAll @IntRange(min = 0, max = 4) int min,
                                 @ForAll @IntRange(min = 0, max = 4) int extra) {
        int max = min + extra;
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ITALY));
        format.setMinimumFractionDigits(min);
        format.setMaximumFractionDigits(max);

        assertThat(ItalianFormat.number(value, min, max)).isEqualTo(format.format(value));
    }

    @net.jqwik.api.Example
    void negativesRoundingToZeroKeepTheirSignAsDecimalFormatDid() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));

        assertThat(ItalianFormat.number(new BigDecimal("-0.001"))).isEqualTo(format.format(new BigDecimal("-0.001")));
        assertThat(ItalianFormat.number(new BigDecimal("-1234567.005"))).isEqualTo("-1.234.567,00");
        assertThat(ItalianFormat.number(new BigDecimal("999.995"))).isEqualTo("1.000,00");
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<java.math.BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(java.math.BigInteger.valueOf(-99_999), java.math.BigInteger.valueOf(99_999)),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-999999999999999999999999"),
                        new java.math.BigInteger("999999999999999999999999")));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-3, 34)).as(BigDecimal::new);
    }
}
