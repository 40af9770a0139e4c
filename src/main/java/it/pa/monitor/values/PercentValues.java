package it.pa.monitor.values;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a plain number (no {@code %} sign, no %-formatted cell) compares with a percentage on the other
 * side of a target (METHOD.md, {@code valori_percentuali}): as written ({@code 58} = 58 %), or as a
 * ratio where 1 = 100 % ({@code 0,58} against {@code 100%} is 58 %).
 */
public enum PercentValues {
    COME_SCRITTI, RAPPORTI;

    /** The choice written in the Metodologia sheet, case and blanks ignored; empty when unknown. */
    public static Optional<PercentValues> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().replace(' ', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(key)).findFirst();
    }
}
