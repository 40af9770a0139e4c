package it.pa.monitor.plan.tree;

import java.math.BigDecimal;

/**
 * A result of an earlier year typed in the plan's {@code Storico} sheet: {@code code} is the
 * ente's name for {@link Level#ENTE}, {@code OBJ/CODE} for indicators (as in Risultati);
 * {@code value} is the consuntivo as typed, {@code result} the achievement in points; either may be null.
 */
public record HistoricalResult(int year, Level level, String code, String value, BigDecimal result,
                               int rowNo) {
}
