package it.pa.monitor.values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A parsed target: the raw text as typed (kept for display) and what it means.
 *
 * @param raw              the text as found in the cell, never null
 * @param kind             what the text turned out to be
 * @param operator         for NUMERIC the comparison; for DEADLINE always {@link Operator#LE} (on or before); else null
 * @param explicitOperator true when the text (or the Operatore column) spelled the operator out
 * @param value            the number, only for NUMERIC
 * @param unit             the unit when the text gives one; DATE for deadlines, YES_NO for yes/no targets
 * @param deadline         the date, only for DEADLINE
 * @param problem          Italian explanation, only for UNPARSEABLE
 */
public record Target(String raw, TargetKind kind, Operator operator, boolean explicitOperator, BigDecimal value,
                     UnitOfMeasure unit, LocalDate deadline, String problem) {

    /** Checks the invariants of each kind so that consumers can rely on them. */
    public Target {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        if ((kind == TargetKind.NUMERIC) != (value != null)) {
            throw new IllegalArgumentException("value must be set exactly for NUMERIC targets");
        }
        if ((kind == TargetKind.DEADLINE) != (deadline != null)) {
            throw new IllegalArgumentException("deadline must be set exactly for DEADLINE targets");
        }
        if ((kind == TargetKind.UNPARSEABLE) != (problem != null)) {
            throw new IllegalArgumentException("problem must be set exactly for UNPARSEABLE targets");
        }
        if ((kind == TargetKind.NUMERIC || kind == TargetKind.DEADLINE) != (operator != null)) {
            throw new IllegalArgumentException("operator must be set exactly for NUMERIC and DEADLINE targets");
        }
    }

    /** A number with its operator, e.g. {@code >= 95 %}. */
    public static Target numeric(String raw, Operator operator, boolean explicitOperator, BigDecimal value,
                                 UnitOfMeasure unit) {
        return new Target(raw, TargetKind.NUMERIC, operator, explicitOperator, value, unit, null, null);
    }

    /** A date to be met on or before. */
    public static Target deadline(String raw, boolean explicitOperator, LocalDate deadline) {
        return new Target(raw, TargetKind.DEADLINE, Operator.LE, explicitOperator, null, UnitOfMeasure.DATE,
                deadline, null);
    }

    /** A done / not done target. */
    public static Target yesNo(String raw) {
        return new Target(raw, TargetKind.YES_NO, null, false, null, UnitOfMeasure.YES_NO, null, null);
    }

    /** No target set for the year. */
    public static Target notAvailable(String raw) {
        return new Target(raw, TargetKind.NOT_AVAILABLE, null, false, null, null, null, null);
    }

    /** Text that could not be read, with the Italian explanation shown to the user. */
    public static Target unparseable(String raw, String problem) {
        return new Target(raw, TargetKind.UNPARSEABLE, null, false, null, null, null,
                Objects.requireNonNull(problem, "problem"));
    }

    /** True unless the text could not be read (NOT_AVAILABLE counts as read: it says "no target"). */
    public boolean isParsed() {
        return kind != TargetKind.UNPARSEABLE;
    }
}
