package it.pa.monitor.values;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A monitoring period of FORMATS.md §6: {@code 2025-Q2}, {@code 2025-T1}, {@code 2025-S1} or
 * {@code 2025} (the year end).
 */
public record Period(int year, Frequency frequency, int index) {

    /** How the year is divided; the number of parts and their length in months. */
    public enum Frequency {
        YEAR("", 1), QUARTER("Q", 4), FOUR_MONTHS("T", 3), HALF_YEAR("S", 2);

        private final String letter;
        private final int parts;

        Frequency(String letter, int parts) {
            this.letter = letter;
            this.parts = parts;
        }

        public int parts() {
            return parts;
        }

        int months() {
            return 12 / parts;
        }
    }

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2999;
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-([QTS])(\\d))?");

    public Period {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (index < 1 || index > frequency.parts) {
            throw new IllegalArgumentException("period index out of range: " + index);
        }
    }

    /** Parses the command-line form; throws {@link IllegalArgumentException} with the accepted forms. */
    public static Period parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("periodo «" + text
                    + "» non valido: scrivere 2025, 2025-Q1..2025-Q4, 2025-T1..2025-T3 o 2025-S1..2025-S2");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("periodo «" + text + "» non valido: l'anno va da " + MIN_YEAR + " a "
                    + MAX_YEAR);
        }
        if (m.group(2) == null) {
            return new Period(year, Frequency.YEAR, 1);
        }
        Frequency frequency = switch (m.group(2)) {
            case "Q" -> Frequency.QUARTER;
            case "T" -> Frequency.FOUR_MONTHS;
            default -> Frequency.HALF_YEAR;
        };
        try {
            return new Period(year, frequency, Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("periodo «" + text + "» non valido: " + frequency.letter
                    + " va da 1 a " + frequency.parts, e);
        }
    }

    /** The canonical code, e.g. {@code 2025-Q2}; {@code 2025} for the year end. */
    public String code() {
        return frequency == Frequency.YEAR ? Integer.toString(year) : year + "-" + frequency.letter + index;
    }

    /** The last day the period covers (the "data di riferimento"). */
    public LocalDate referenceDate() {
        return YearMonth.of(year, index * frequency.months()).atEndOfMonth();
    }

    public boolean isYearEnd() {
        return index == frequency.parts;
    }

    @Override
    public String toString() {
        return code();
    }
}
