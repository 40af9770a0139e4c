package it.pa.monitor.values;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Italian offices type them ({@code 30/06/2025}, {@code 30/06/25}, {@code 15-feb}, {@code 7 marzo},
 * {@code giugno}), shared by the target and the actual-value parsers. Each method reads one family of spellings
 * so that every caller decides which families make sense in its context.
 */
final class ItalianDates {

    /** A text shaped like a date: the date, or null when that day does not exist (31/02/2025). */
    record Found(LocalDate date) {

        boolean exists() {
            return date != null;
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String MONTHS = "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre"
            + "|ottobre|novembre|dicembre|gen|feb|mar|apr|mag|giu|lug|ago|sett|set|ott|nov|dic";
    private static final List<String> MONTH_KEYS =
            List.of("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic");

    private static final Pattern FULL =
            Pattern.compile("(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})");
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{1,2})");
    private static final Pattern SHORT = Pattern.compile("(\\d{1,2})\\s*[.\\-]\\s*(\\d{1,2})");
    private static final Pattern NAMED = Pattern.compile(
            "(\\d{1,2})\\s*[°º]?\\s*-?\\s*(" + MONTHS + ")\\.?(?:\\s*-?\\s*(\\d{4}|\\d{2}))?", FLAGS);
    private static final Pattern MONTH =
            Pattern.compile("(?:fine\\s+)?(" + MONTHS + ")\\.?(?:\\s+(\\d{4}))?", FLAGS);

    private ItalianDates() {
    }

    /** Day, month and year with one separator repeated: {@code 18/12/2025}, {@code 18-12-2025}, {@code 18.12.25}. */
    static Optional<Found> withYear(String text) {
        Matcher m = FULL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(of(fullYear(m.group(4)), Integer.parseInt(m.group(3)), m.group(1)));
    }

    /** Day and month name, with or without year: {@code 15-feb}, {@code 7 marzo}, {@code 15 maggio 2024}. */
    static Optional<Found> namedMonth(String text, int year) {
        Matcher m = NAMED.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int y = m.group(3) == null ? year : fullYear(m.group(3));
        return Optional.of(of(y, month(m.group(2)), m.group(1)));
    }

    /** Day and month with a slash and no year: {@code 24/12}. */
    static Optional<Found> dayMonthSlash(String text, int year) {
        Matcher m = SLASH.matcher(text);
        return m.matches() ? Optional.of(of(year, Integer.parseInt(m.group(2)), m.group(1))) : Optional.empty();
    }

    /** Day and month with a dot or a dash and no year: {@code 31.12}, {@code 30-06}; could also be a number or a range. */
    static Optional<Found> dayMonthDotOrDash(String text, int year) {
        Matcher m = SHORT.matcher(text);
        return m.matches() ? Optional.of(of(year, Integer.parseInt(m.group(2)), m.group(1))) : Optional.empty();
    }

    /** A month alone ({@code giugno}, {@code fine giugno 2025}), read as its last day. */
    static Optional<Found> monthOnly(String text, int year) {
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int y = m.group(2) == null ? year : Integer.parseInt(m.group(2));
        return Optional.of(new Found(YearMonth.of(y, month(m.group(1))).atEndOfMonth()));
    }

    private static Found of(int year, int month, String day) {
        try {
            return new Found(LocalDate.of(year, month, Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return new Found(null);
        }
    }

    private static int fullYear(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y; // plans and reports are 21st-century: "30/06/25" is 2025
    }

    private static int month(String name) {
        return MONTH_KEYS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }
}
