package it.pa.monitor.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one place where dates, numbers and percentages become Italian text for the user (sheet
 * titles, card captions, messages, deviations): {@code 30/06/2022}, {@code 1.635,50}, {@code 33,33%}.
 * Reading Italian text back is {@link ItalianNumberParser}'s and {@link ItalianDates}' job.
 */
public final class ItalianFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private ItalianFormat() {
    }

    /** {@code 30/06/2022}. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code 30/06/2022 14:05}. */
    public static String dateTime(LocalDateTime dateTime) {
        return DATE_TIME.format(dateTime);
    }

    /** {@code 30/06/2022 14:05} in the machine's time zone. */
    public static String dateTime(Instant instant) {
        return dateTime(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    /** {@code 30/06}: a day of the year already named. */
    public static String dayMonth(LocalDate date) {
        return DAY_MONTH.format(date);
    }

    /** Two decimals, thousands grouped: {@code 1.635,50} (half-even, as {@link DecimalFormat} rounds). */
    public static String number(BigDecimal value) {
        return number(value, 2, 2);
    }

    /** Thousands grouped, between {@code minDecimals} and {@code maxDecimals} decimals: {@code 1.635,5} → {@code 1.635,50}. */
    public static String number(BigDecimal value, int minDecimals, int maxDecimals) {
        // What DecimalFormat("#,##0") with Italian symbols printed (ItalianFormatProperties compares the two),
        // without building a DecimalFormat per call: the scoring of 60 000 indicators formats every deviation.
        String digits = value.setScale(maxDecimals, RoundingMode.HALF_EVEN).unscaledValue().abs().toString();
        if (digits.length() <= maxDecimals) {
            digits = "0".repeat(maxDecimals + 1 - digits.length()) + digits;
        }
        int integers = digits.length() - maxDecimals;
        int decimals = maxDecimals;
        while (decimals > minDecimals && digits.charAt(integers + decimals - 1) == '0') {
            decimals--;
        }
        StringBuilder text = new StringBuilder(digits.length() + integers / 3 + 2);
        if (value.signum() < 0) {
            text.append('-');
        }
        for (int i = 0; i < integers; i++) {
            if (i > 0 && (integers - i) % 3 == 0) {
                text.append('.');
            }
            text.append(digits.charAt(i));
        }
        if (decimals > 0) {
            text.append(',').append(digits, integers, integers + decimals);
        }
        return text.toString();
    }

    /** Percentage points as a weight is printed: {@code 33,33%}. */
    public static String percent(BigDecimal points) {
        return number(points) + "%";
    }

    /** Percentage points as a rule's message quotes them: {@code 99,68 %} (half-up, no grouping). */
    public static String percentInText(BigDecimal points) {
        return points.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
    }

    /** Bytes as megabytes of 1 048 576 bytes, at most one decimal, as a size is told to users: {@code 12,5}. */
    public static String megabytes(long bytes) {
        // Exact: a power of two divides into a decimal that ends.
        return number(BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1_048_576)), 0, 1);
    }

    /** A whole count with grouped thousands: {@code 20.000}. */
    public static String count(long value) {
        return number(BigDecimal.valueOf(value), 0, 0);
    }
}
