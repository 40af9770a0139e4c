package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;

/** Round trips: a percentage or a date written the Italian way reads back as the same value. */
class ActualValueParserProperties {

    private final ActualValueParser parser = new ActualValueParser();

    @Property
    void italianPercentageReadsBack(@ForAll("upToTwoDecimals") BigDecimal value) {
        ActualValue parsed = parser.parse(CellValue.text(ItalianNumberParserProperties.italian(value) + " %"), 2025);

        assertThat(parsed.kind()).isEqualTo(ActualKind.NUMBER);
        assertThat(parsed.unit()).isEqualTo(UnitOfMeasure.PERCENT);
        assertThat(parsed.number()).isEqualByComparingTo(value);
    }

    @Property
    void gluedPercentageReadsBack(@ForAll("upToTwoDecimals") BigDecimal value) {
        ActualValue parsed = parser.parse(CellValue.text(ItalianNumberParserProperties.italian(value) + "%"), 2025);

        assertThat(parsed.unit()).isEqualTo(UnitOfMeasure.PERCENT);
        assertThat(parsed.number()).isEqualByComparingTo(value);
    }

    @Property
    void percentFormattedCellReadsBackInPercentagePoints(@ForAll("upToTwoDecimals") BigDecimal value) {
        BigDecimal fraction = value.movePointLeft(2);

        ActualValue parsed = parser.parse(new CellValue("", fraction, true, null, null), 2025);

        assertThat(parsed.unit()).isEqualTo(UnitOfMeasure.PERCENT);
        assertThat(parsed.number()).isEqualByComparingTo(value);
    }

    @Property
    void dateWithSlashesReadsBack(@ForAll("centuryDates") LocalDate date, @ForAll("anyYear") int year) {
        assertReadsBack(date, "dd/MM/yyyy", year);
    }

    @Property
    void dateWithDashesReadsBack(@ForAll("centuryDates") LocalDate date, @ForAll("anyYear") int year) {
        assertReadsBack(date, "dd-MM-yyyy", year);
    }

    @Property
    void dateWithDotsReadsBack(@ForAll("centuryDates") LocalDate date, @ForAll("anyYear") int year) {
        assertReadsBack(date, "dd.MM.yyyy", year);
    }

    private void assertReadsBack(LocalDate date, String pattern, int periodYear) {
        String text = DateTimeFormatter.ofPattern(pattern).format(date);

        ActualValue parsed = parser.parse(CellValue.text(text), periodYear);

        assertThat(parsed.kind()).as(text).isEqualTo(ActualKind.DATE);
        assertThat(parsed.date()).as(text).isEqualTo(date); // the written year wins over the period's
    }

    @Provide
    Arbitrary<BigDecimal> upToTwoDecimals() {
        return ItalianNumberParserProperties.decimalsUpToTwoPlaces();
    }

    @Provide
    Arbitrary<LocalDate> centuryDates() {
        return Dates.dates().between(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
    }

    @Provide
    Arbitrary<Integer> anyYear() {
        return Arbitraries.integers().between(2000, 2099);
    }
}
