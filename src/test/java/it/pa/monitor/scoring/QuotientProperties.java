package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Quotient#of} is {@code divide(b, DECIMAL128)} to the last digit and the scale (equals, not compareTo). */
class QuotientProperties {

    @Property(tries = 5000)
    void sameQuotientAndScaleAsDecimal128(@ForAll("decimals") BigDecimal a, @ForAll("decimals") BigDecimal b) {
        if (b.signum() == 0) {
            assertThatThrownBy(() -> Quotient.of(a, b)).isInstanceOf(ArithmeticException.class);
            return;
        }
        assertThat(Quotient.of(a, b)).isEqualTo(a.divide(b, MathContext.DECIMAL128));
    }

    @Example
    void exactAndRepeatingQuotients() {
        // 900 / 1000 = 0,9 exactly (scale 1); 2 / 3 rounded to 34 digits; 100 / 0,01 at the preferred scale -2.
        assertThat(Quotient.of(new BigDecimal("900"), new BigDecimal("1000"))).isEqualTo(new BigDecimal("0.9"));
        assertThat(Quotient.of(new BigDecimal("2"), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("0.6666666666666666666666666666666667"));
        assertThat(Quotient.of(new BigDecimal("100"), new BigDecimal("0.01"))).isEqualTo(new BigDecimal("1.00E+4"));
        // An exact quotient longer than 34 digits is rounded as DECIMAL128 rounds it.
        BigDecimal twoTo62 = new BigDecimal(BigInteger.ONE.shiftLeft(62));
        assertThat(Quotient.of(BigDecimal.ONE, twoTo62)).isEqualTo(BigDecimal.ONE.divide(twoTo62, MathContext.DECIMAL128));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-2_000), BigInteger.valueOf(2_000)),
                Arbitraries.of(1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 64, 80, 100, 125, 1000, 1024, 3, 6, 12)
                        .map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)),
                Arbitraries.bigIntegers().between(new BigInteger("-9999999999999999999999999999999999"),
                        new BigInteger("9999999999999999999999999999999999")));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-4, 36)).as(BigDecimal::new);
    }
}
