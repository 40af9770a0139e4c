package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ItalianNumberParserTest {

    @ParameterizedTest(name = "\"{0}\" = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8              | 8
            1.635,50       | 1635.50
            1635.5         | 1635.5
            1635,5         | 1635.5
            - 17,64        | -17.64
            -17,64         | -17.64
            (30.300,00)    | -30300.00
            ( 30.300,00 )  | -30300.00
            530.097        | 530097
            0,23           | 0.23
            12.07          | 12.07
            1.234.567      | 1234567
            1.234.567,89   | 1234567.89
            1,234.56       | 1234.56
            1,234,567.89   | 1234567.89
            1,234,567      | 1234567
            +5             | 5
            + 5,5          | 5.5
            '  42  '       | 42
            0.005          | 0.005
            0.500          | 0.500
            1234.567       | 1234.567
            1,234          | 1.234
            −3             | -3
            007            | 7
            0              | 0
            -0,00          | 0
            11.205.947     | 11205947
            482.132,39     | 482132.39
            """)
    void parsesItalianAndEnglishSpellings(String text, BigDecimal expected) {
        assertThat(ItalianNumberParser.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @Test
    void acceptsNonBreakingSpacesAroundTheNumber() {
        assertThat(ItalianNumberParser.parse("\u00A01.635,50\u00A0")).contains(new BigDecimal("1635.50"));
        assertThat(ItalianNumberParser.parse("-\u00A017,64")).contains(new BigDecimal("-17.64"));
        assertThat(ItalianNumberParser.parse("\u202F8\u2007")).contains(new BigDecimal("8"));
    }

    @Test
    void keepsTheTypedScale() {
        assertThat(ItalianNumberParser.parse("1.635,50")).contains(new BigDecimal("1635.50"));
        assertThat(ItalianNumberParser.parse("95,00")).contains(new BigDecimal("95.00"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "12,3,4", "abc", "1.2.3,4,5", "1.2.3", "1,2,3", "12.34.567", "1.234,5.6",
        "1.234.56", "0.123.456", "1234.567,8", "1.23,45", "5,", ",5", ".5", "5.", "1..2", "1,,2", "--5", "+-5",
        "(-5)", "(5", "5)", "()", "-", "+", "5 %", "95%", "€ 5", "5 N.", "1 635,50", "1e3", "0x1F", "12a",
        "١٢", "½"})
    void rejectsAnythingThatIsNotJustANumber(String text) {
        assertThat(ItalianNumberParser.parse(text)).isEmpty();
    }
}
