package it.pa.monitor.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PoiCells#italian} writes a number's text without a {@link DecimalFormat}: it must give the text the
 * format {@code "0.##########"} with Italian symbols gives (what every cell's text was before), for any number
 * a cell can hold, read as {@link PoiCells} reads it, and for its percentage.
 */
class PoiCellsTextTest {

    private static String formatted(BigDecimal number) {
        return new DecimalFormat("0.##########", DecimalFormatSymbols.getInstance(Locale.ITALY)).format(number);
    }

    /** A cell's number as PoiCells reads it. */
    private static BigDecimal read(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }

    @Property(tries = 3000)
    void anyDoubleAsTheFormatWritesIt(@ForAll double value) {
        BigDecimal number = read(value);
        assertThat(PoiCells.italian(number)).isEqualTo(formatted(number));
        assertThat(PoiCells.italian(number.movePointRight(2))).isEqualTo(formatted(number.movePointRight(2)));
    }

    @Property(tries = 3000)
    void smallAndPlanLikeNumbersAsTheFormatWritesThem(@ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
                                                       @ForAll @IntRange(min = 0, max = 14) int decimals) {
        BigDecimal number = read(new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue());
        assertThat(PoiCells.italian(number)).isEqualTo(formatted(number));
        assertThat(PoiCells.italian(number.movePointRight(2))).isEqualTo(formatted(number.movePointRight(2)));
    }

    @Example
    void roundingAtTheTenthDecimalAndNegativeZero() {
        // Hand-written expectations: half-even at the 10th decimal, no grouping, a negative that rounds to zero.
        assertThat(PoiCells.italian(new BigDecimal("1.00000000005"))).isEqualTo("1");
        assertThat(PoiCells.italian(new BigDecimal("1.00000000015"))).isEqualTo("1,0000000002");
        assertThat(PoiCells.italian(new BigDecimal("-0.00000000001"))).isEqualTo("-0");
        assertThat(PoiCells.italian(new BigDecimal("-0.00000000006"))).isEqualTo("-0,0000000001");
        assertThat(PoiCells.italian(new BigDecimal("0"))).isEqualTo("0");
        assertThat(PoiCells.italian(new BigDecimal("1E+20"))).isEqualTo("100000000000000000000");
        assertThat(PoiCells.italian(new BigDecimal("1234567.5"))).isEqualTo("1234567,5");
        assertThat(PoiCells.italian(new BigDecimal("0.5"))).isEqualTo("0,5");
        for (String text : new String[] {"1.00000000005", "-0.00000000001", "1E+20", "1234567.5", "0.5", "-12.25"}) {
            assertThat(PoiCells.italian(new BigDecimal(text))).isEqualTo(formatted(new BigDecimal(text)));
        }
    }
}
