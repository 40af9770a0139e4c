package it.pa.monitor.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The quotients of scoring, {@code a.divide(b, MathContext.DECIMAL128)}, with the same result to the last digit
 * and scale. When the quotient is exact (900 / 1000), the JDK computes it to 34 digits and then strips the zeros
 * one BigInteger division at a time, which made exact quotients most of the scoring time of a large plan; an exact
 * quotient of small operands is computed directly instead (QuotientProperties compares the two).
 */
final class Quotient {

    static final MathContext MC = MathContext.DECIMAL128;

    private Quotient() {
    }

    static BigDecimal of(BigDecimal dividend, BigDecimal divisor) {
        if (dividend.signum() != 0 && terminates(dividend, divisor)) {
            // Exact: divide() gives the exact quotient at the preferred scale, as divide(MC) does when it fits 34 digits.
            BigDecimal exact = dividend.divide(divisor);
            if (exact.precision() <= MC.getPrecision()) {
                return exact;
            }
        }
        return dividend.divide(divisor, MC);
    }

    /** True when the unscaled values are small and their quotient has a finite decimal expansion. */
    private static boolean terminates(BigDecimal dividend, BigDecimal divisor) {
        BigInteger n = dividend.unscaledValue();
        BigInteger d = divisor.unscaledValue();
        if (d.signum() == 0 || n.bitLength() > 62 || d.bitLength() > 62) {
            return false;
        }
        long numerator = Math.abs(n.longValue());
        long denominator = Math.abs(d.longValue());
        denominator /= gcd(numerator, denominator);
        while (denominator % 2 == 0) {
            denominator /= 2;
        }
        while (denominator % 5 == 0) {
            denominator /= 5;
        }
        return denominator == 1;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
