package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round trips: a value written the Italian or the English way reads back as the same value. */
class ItalianNumberParserProperties {

    @Property
    void italianSpellingReadsBack(@ForAll("upToTwoDecimals") BigDecimal value) {
        assertThat(ItalianNumberParser.parse(italian(value)))
                .hasValueSatisfying(parsed -> assertThat(parsed).isEqualByComparingTo(value));
    }

    @Property
    void englishSpellingWithoutThousandsReadsBack(@ForAll("upToTwoDecimals") BigDecimal value) {
        assertThat(ItalianNumberParser.parse(value.toPlainString()))
                .hasValueSatisfying(parsed -> assertThat(parsed).isEqualByComparingTo(value));
    }

    @Property
    void bracketsNegate(@ForAll("upToTwoDecimals") BigDecimal value) {
        BigDecimal positive = value.abs();
        assertThat(ItalianNumberParser.parse("(" + italian(positive) + ")"))
                .hasValueSatisfying(parsed -> assertThat(parsed).isEqualByComparingTo(positive.negate()));
    }

    @Provide
    Arbitrary<BigDecimal> upToTwoDecimals() {
        return decimalsUpToTwoPlaces();
    }

    /** Small and very large values, negative and positive, with 0 to 2 decimals; shared with other value properties. */
    static Arbitrary<BigDecimal> decimalsUpToTwoPlaces() {
        Arbitrary<Long> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().between(-100_000L, 100_000L),
                Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L));
        Arbitrary<Integer> scale = Arbitraries.integers().between(0, 2);
        return Combinators.combine(unscaled, scale).as(BigDecimal::valueOf);
    }

    /** Formats by hand (not via Locale) so the test does not depend on the JDK's locale data. */
    static String italian(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(integer.charAt(i));
        }
        String sign = value.signum() < 0 ? "-" : "";
        return sign + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }
}
