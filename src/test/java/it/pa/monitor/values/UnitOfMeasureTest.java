package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitOfMeasureTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            N.          | NUMBER
            n.          | NUMBER
            n           | NUMBER
            N           | NUMBER
            nr          | NUMBER
            Nr.         | NUMBER
            num         | NUMBER
            num.        | NUMBER
            numero      | NUMBER
            Numero      | NUMBER
            %           | PERCENT
            perc        | PERCENT
            perc.       | PERCENT
            percentuale | PERCENT
            Percentuale | PERCENT
            gg          | DAYS
            gg.         | DAYS
            GG          | DAYS
            g           | DAYS
            giorni      | DAYS
            Giorni      | DAYS
            h           | HOURS
            H           | HOURS
            ore         | HOURS
            €           | EURO
            euro        | EURO
            Euro        | EURO
            EUR         | EURO
            data        | DATE
            Data        | DATE
            entro       | DATE
            si/no       | YES_NO
            sì/no       | YES_NO
            SI/NO       | YES_NO
            SÌ/NO       | YES_NO
            Si/No       | YES_NO
            si / no     | YES_NO
            s/n         | YES_NO
            S/N         | YES_NO
            """)
    void recognisesSynonyms(String text, UnitOfMeasure expected) {
        assertThat(UnitOfMeasure.fromText(text)).contains(expected);
    }

    @Test
    void toleratesSurroundingAndNonBreakingSpaces() {
        assertThat(UnitOfMeasure.fromText("  gg  ")).contains(UnitOfMeasure.DAYS);
        assertThat(UnitOfMeasure.fromText("\u00A0N.\u00A0")).contains(UnitOfMeasure.NUMBER);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "kg", "mesi", "aziende", "n.d.", "si no x", "%%", "euro/h"})
    void rejectsUnknownUnits(String text) {
        assertThat(UnitOfMeasure.fromText(text)).isEmpty();
    }

    @Test
    void hasTheItalianLabels() {
        assertThat(UnitOfMeasure.NUMBER.label()).isEqualTo("N.");
        assertThat(UnitOfMeasure.PERCENT.label()).isEqualTo("%");
        assertThat(UnitOfMeasure.DAYS.label()).isEqualTo("gg");
        assertThat(UnitOfMeasure.HOURS.label()).isEqualTo("h");
        assertThat(UnitOfMeasure.EURO.label()).isEqualTo("€");
        assertThat(UnitOfMeasure.DATE.label()).isEqualTo("data");
        assertThat(UnitOfMeasure.YES_NO.label()).isEqualTo("si/no");
    }

    @ParameterizedTest
    @ValueSource(strings = {"N.", "%", "gg", "h", "€", "data", "si/no"})
    void readsBackItsOwnLabels(String label) {
        assertThat(UnitOfMeasure.fromText(label)).hasValueSatisfying(u -> assertThat(u.label()).isEqualTo(label));
    }
}
