package it.pa.monitor.values;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Weights are percentages: {@code 16,70%}, {@code 16,7} and a %-formatted cell holding
 * {@code 0,167} all mean 16.70.
 */
public final class WeightParser {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private WeightParser() {
    }

    /** The weight as a percentage, or empty when the cell holds no number. */
    public static Optional<BigDecimal> parse(CellValue cell) {
        if (cell.isNumeric()) {
            return Optional.of(cell.percentFormat() ? cell.number().multiply(HUNDRED) : cell.number());
        }
        String text = cell.text().replace('\u00a0', ' ').strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return ItalianNumberParser.parse(text);
    }
}
