package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The header key's ASCII fast path gives exactly what the Unicode normalisation gives. */
class HeaderNameProperties {

    /** The key as FORMATS.md defines it, spelled out the slow way. */
    private static String reference(String header) {
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9+]", "");
        return plain.replaceFirst("(?<=[a-z])(19|20)\\d\\d$", "");
    }

    @Property(tries = 2000)
    void sameKeyAsTheUnicodeNormalisation(@ForAll("headers") String header) {
        assertThat(HeaderName.normalise(header)).isEqualTo(reference(header));
    }

    @Test
    void examplesOfFormats() {
        assertThat(HeaderName.normalise("Unità di misura")).isEqualTo("unitadimisura");
        assertThat(HeaderName.normalise("UNITA' DI MISURA")).isEqualTo("unitadimisura");
        assertThat(HeaderName.normalise("Unita di misura 2025")).isEqualTo("unitadimisura");
        assertThat(HeaderName.normalise("Target N+1")).isEqualTo("targetn+1");
        assertThat(HeaderName.normalise("2025")).isEqualTo("2025");
        assertThat(HeaderName.normalise("Valore al 31/12/2025")).isEqualTo("valoreal31122025");
        assertThat(HeaderName.normalise(null)).isEmpty();
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(30);
        Arbitrary<String> mixed = Arbitraries.strings().withChars("aAeEiIoOuUzZàÀèÉìòùÙİıﬁ'’ .-+/_019285")
                .ofMaxLength(20);
        Arbitrary<String> withYear = Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(10)
                .flatMap(s -> Arbitraries.of("2025", " 1999", "2100", "N+1", " 20", "").map(y -> s + y));
        return Arbitraries.oneOf(ascii, mixed, withYear);
    }
}
