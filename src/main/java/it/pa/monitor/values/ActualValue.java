package it.pa.monitor.values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A parsed Consuntivo (actual value): the raw text as found in the cell, kept for display, and what it means.
 *
 * @param raw     the cell as the user sees it, never null ({@code ""} for a blank cell)
 * @param kind    what the cell turned out to be
 * @param number  the number, only for NUMBER; percentages in percentage points ({@code 95,83 %} is 95.83)
 * @param unit    for NUMBER the unit written in the text (null when none); DATE for dates, YES_NO for YES and NO;
 *                null otherwise
 * @param date    the date, only for DATE
 * @param problem Italian explanation, only for INVALID
 */
public record ActualValue(String raw, ActualKind kind, BigDecimal number, UnitOfMeasure unit, LocalDate date,
                          String problem) {

    /** Checks the invariants of each kind so that consumers can rely on them. */
    public ActualValue {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        if ((kind == ActualKind.NUMBER) != (number != null)) {
            throw new IllegalArgumentException("number must be set exactly for NUMBER values");
        }
        if ((kind == ActualKind.DATE) != (date != null)) {
            throw new IllegalArgumentException("date must be set exactly for DATE values");
        }
        if ((kind == ActualKind.INVALID) != (problem != null)) {
            throw new IllegalArgumentException("problem must be set exactly for INVALID values");
        }
        boolean unitFits = kind == ActualKind.NUMBER
                ? unit == null || NumberWithUnit.NUMERIC_UNITS.contains(unit)
                : unit == expectedUnit(kind);
        if (!unitFits) {
            throw new IllegalArgumentException("unit " + unit + " does not fit a " + kind + " value");
        }
    }

    /** A number; {@code unit} is null when the text gives none. */
    public static ActualValue ofNumber(String raw, BigDecimal number, UnitOfMeasure unit) {
        return new ActualValue(raw, ActualKind.NUMBER, Objects.requireNonNull(number, "number"), unit, null, null);
    }

    /** A date, e.g. the day a deadline was met. */
    public static ActualValue ofDate(String raw, LocalDate date) {
        return new ActualValue(raw, ActualKind.DATE, null, UnitOfMeasure.DATE, Objects.requireNonNull(date, "date"),
                null);
    }

    /** Done ({@code Sì}, {@code Realizzato}). */
    public static ActualValue yes(String raw) {
        return new ActualValue(raw, ActualKind.YES, null, UnitOfMeasure.YES_NO, null, null);
    }

    /** Not done ({@code No}, {@code Non realizzato}). */
    public static ActualValue no(String raw) {
        return new ActualValue(raw, ActualKind.NO, null, UnitOfMeasure.YES_NO, null, null);
    }

    /** Declared not computable ({@code N.C.}, {@code n.d.}, {@code Non valutabile}). */
    public static ActualValue notComputable(String raw) {
        return new ActualValue(raw, ActualKind.NOT_COMPUTABLE, null, null, null, null);
    }

    /** A blank cell: not yet reported. */
    public static ActualValue empty(String raw) {
        return new ActualValue(raw, ActualKind.EMPTY, null, null, null, null);
    }

    /** A cell that could not be read, with the Italian explanation shown to the user. */
    public static ActualValue invalid(String raw, String problem) {
        return new ActualValue(raw, ActualKind.INVALID, null, null, null, Objects.requireNonNull(problem, "problem"));
    }

    /** True unless the cell could not be read (EMPTY counts as read: it says "not yet reported"). */
    public boolean isValid() {
        return kind != ActualKind.INVALID;
    }

    /** True when the office reported something usable: neither blank nor invalid. */
    public boolean isReported() {
        return kind != ActualKind.EMPTY && kind != ActualKind.INVALID;
    }

    private static UnitOfMeasure expectedUnit(ActualKind kind) {
        return switch (kind) {
            case DATE -> UnitOfMeasure.DATE;
            case YES, NO -> UnitOfMeasure.YES_NO;
            default -> null;
        };
    }
}
