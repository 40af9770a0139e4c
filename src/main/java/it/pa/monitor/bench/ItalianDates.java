package it.pa.monitor.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as offices type them. */
final class ItalianDates {

    private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DASHES = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ItalianDates() {
    }

    static String format(LocalDate date) {
        return SLASHES.format(date);
    }

    static String withDashes(LocalDate date) {
        return DASHES.format(date);
    }
}
