package it.pa.monitor.values;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses numbers as typed by Italian office staff ({@code 1.635,50}, {@code - 17,64}, {@code (30.300,00)}, {@code 1635.5}). */
public final class ItalianNumberParser {

    /** Digits and separators only, starting and ending with a digit: anything else is not a bare number. */
    private static final Pattern BODY = Pattern.compile("\\d(?:[\\d.,]*\\d)?");

    private ItalianNumberParser() {
    }

    /**
     * Parses a whole string as a number; returns empty when the text is anything more or less than a number
     * (units, words and stray separators are the caller's business).
     *
     * <p>Separator rules: with both {@code .} and {@code ,} the last one is the decimal separator; a lone comma is
     * decimal; a lone dot followed by exactly three digits after a non-zero group of at most three digits is a
     * thousands separator ({@code 530.097} = 530097), otherwise decimal ({@code 12.07}); repeated separators must
     * form regular groups of three ({@code 1.234.567}).
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = spacesToBlank(text).strip();
        boolean negative = false;
        if (s.length() >= 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') {
            // Accounting notation: a bracketed amount is negative.
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-' || s.charAt(0) == '\u2212')) {
            if (negative) {
                return Optional.empty(); // "(-5)" is ambiguous: refuse rather than guess
            }
            negative = s.charAt(0) != '+';
            s = s.substring(1).strip();
        }
        if (!BODY.matcher(s).matches()) {
            return Optional.empty();
        }
        String plain = toPlain(s);
        if (plain == null) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return Optional.of(negative ? value.negate() : value);
    }

    /** Replaces the non-breaking and figure spaces that Excel and Word leave around numbers. */
    static String spacesToBlank(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ').replace('\t', ' ');
    }

    /** Turns digits with separators into a {@link BigDecimal} literal, or null when the separators are irregular. */
    private static String toPlain(String s) {
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        if (lastDot < 0 && lastComma < 0) {
            return s;
        }
        if (lastDot >= 0 && lastComma >= 0) {
            char decimal = lastDot > lastComma ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            int at = Math.max(lastDot, lastComma);
            String integer = s.substring(0, at);
            String fraction = s.substring(at + 1);
            if (integer.indexOf(decimal) >= 0 || !isGrouped(integer, thousands)) {
                return null;
            }
            return integer.replace(String.valueOf(thousands), "") + "." + fraction;
        }
        char sep = lastDot >= 0 ? '.' : ',';
        int count = (int) s.chars().filter(c -> c == sep).count();
        if (count > 1) {
            return isGrouped(s, sep) ? s.replace(String.valueOf(sep), "") : null;
        }
        int at = s.indexOf(sep);
        String integer = s.substring(0, at);
        String fraction = s.substring(at + 1);
        if (sep == '.' && fraction.length() == 3 && isGrouped(s, '.')) {
            return integer + fraction; // "530.097": Italian thousands separator
        }
        return integer + "." + fraction;
    }

    /** True when the text is a non-zero group of 1-3 digits followed by groups of exactly 3 digits. */
    private static boolean isGrouped(String text, char sep) {
        String[] groups = text.split(Pattern.quote(String.valueOf(sep)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3 || groups[0].charAt(0) == '0') {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
