package it.pa.monitor.values;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Header matching of FORMATS.md: case-insensitive, without accents, spaces, punctuation or a
 * trailing year, so "Unità di misura", "UNITA' DI MISURA" and "Unita di misura 2025" match.
 */
public final class HeaderName {

    // Compiled once: header matching runs on every cell of a sheet's first rows.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9+]");
    private static final Pattern TRAILING_YEAR = Pattern.compile("(?<=[a-z])(19|20)\\d\\d$");

    private HeaderName() {
    }

    /** The comparison key of a header cell's text. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String plain = NOT_KEY.matcher(MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
        // A trailing year ("Target 2025") names the same column; "Target N+1" keeps its suffix.
        return TRAILING_YEAR.matcher(plain).replaceFirst("");
    }
}
