package it.pa.monitor.values;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with an optional unit before or after it, glued or spaced ({@code 14,00 N.}, {@code € 153.000},
 * {@code 37gg}, {@code -33,84 %}), shared by the target and the actual-value parsers. The number itself is read
 * by {@link ItalianNumberParser}, the unit by {@link UnitOfMeasure#fromText}.
 */
final class NumberWithUnit {

    /** The number and its unit (null when none is written), or an Italian problem when the text is close but wrong. */
    record Result(BigDecimal value, UnitOfMeasure unit, String problem) {
    }

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile(
            "(?<pre>€|euro(?=[\\s\\d])|eur(?=[\\s\\d])|n\\.|n°|nr\\.?|num\\.)?\\s*"
                    + "(?<num>[+\\-]?\\s*\\(?\\s*\\d[\\d.,]*\\s*\\)?)\\s*(?<suf>.*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The units a number can carry; DATE and YES_NO are units of other kinds of values. */
    static final Set<UnitOfMeasure> NUMERIC_UNITS = Set.of(UnitOfMeasure.NUMBER,
            UnitOfMeasure.PERCENT, UnitOfMeasure.DAYS, UnitOfMeasure.HOURS, UnitOfMeasure.EURO);

    private NumberWithUnit() {
    }

    /**
     * Reads the whole text as a number with at most one unit; empty when it is not number-shaped at all (prose,
     * operators, several numbers), a result with a problem when only the unit is wrong or doubled.
     */
    static Optional<Result> parse(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<BigDecimal> value = ItalianNumberParser.parse(m.group("num"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        UnitOfMeasure before = m.group("pre") == null ? null : UnitOfMeasure.fromText(m.group("pre")).orElse(null);
        String suffix = m.group("suf").strip();
        UnitOfMeasure after = null;
        if (!suffix.isEmpty()) {
            after = UnitOfMeasure.fromText(suffix).orElse(null);
            if (after == null || !NUMERIC_UNITS.contains(after)) {
                if (!suffix.matches("[\\p{L}%€°./]{1,12}")) {
                    return Optional.empty(); // prose or codes after the number: the generic message fits better
                }
                return Optional.of(new Result(null, null, "unità di misura \"" + suffix
                        + "\" non riconosciuta. Unità ammesse: N., %, gg, h, €."));
            }
        }
        if (before != null && after != null && before != after) {
            return Optional.of(new Result(null, null, "due unità di misura diverse (\"" + m.group("pre")
                    + "\" e \"" + suffix + "\")."));
        }
        return Optional.of(new Result(value.get(), after != null ? after : before, null));
    }
}
