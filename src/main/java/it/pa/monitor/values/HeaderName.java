package it.pa.monitor.values;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Header matching of FORMATS.md: case-insensitive, without accents, spaces, punctuation or a
 * trailing year, so "Unità di misura", "UNITA' DI MISURA" and "Unita di misura 2025" match.
 */
public final class HeaderName {

    private HeaderName() {
    }

    /** The comparison key of a header cell's text. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String plain = Normalizer.normalize(header, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9+]", "");
        // A trailing year ("Target 2025") names the same column; "Target N+1" keeps its suffix.
        return plain.replaceFirst("(?<=[a-z])(19|20)\\d\\d$", "");
    }
}
