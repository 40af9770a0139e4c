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
        String plain = nameKey(header);
        // A trailing year ("Target 2025") names the same column; "Target N+1" keeps its suffix.
        int last = plain.length() - 1;
        if (last < 0 || plain.charAt(last) < '0' || plain.charAt(last) > '9') {
            return plain; // no trailing year to take off
        }
        return TRAILING_YEAR.matcher(plain).replaceFirst("");
    }

    /**
     * The comparison key of a name (a unit's): case, accents, spaces and punctuation left out as for a header, but a
     * trailing number kept, since it tells names apart ("Ufficio Statistica 1916" is not "Ufficio Statistica 1901").
     */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String plain = asciiKey(name);
        return plain != null ? plain : NOT_KEY.matcher(MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /**
     * The key of a text of ASCII characters only (most headers and cells), without the Unicode
     * normalisation it does not need: the same letters, digits and '+', lower-cased; null otherwise.
     */
    private static String asciiKey(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                key.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+') {
                key.append(c);
            }
        }
        return key.toString();
    }
}
