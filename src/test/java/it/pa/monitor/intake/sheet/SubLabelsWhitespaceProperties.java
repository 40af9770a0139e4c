package it.pa.monitor.intake.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The operator test drops blanks as {@code replaceAll("\\s+", "")} did, without a regex per cell. */
class SubLabelsWhitespaceProperties {

    @Property(tries = 3000)
    void sameTextAsTheRegex(@ForAll("texts") String text) {
        assertThat(SubLabels.withoutWhitespace(text)).isEqualTo(text.replaceAll("\\s+", ""));
    }

    @Provide
    Arbitrary<String> texts() {
        // Every kind of blank: the six of regex \s, and the Unicode ones it does not match (non-breaking, em space).
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(" \t\n\u000B\f\r\u00A0\u2003\u2007\u202F\u0085\u001C>=<≥ab1").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(12));
    }
}
