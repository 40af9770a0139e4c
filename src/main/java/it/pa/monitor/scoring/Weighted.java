package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A result with its weight, and the two means of METHOD.md over a list of them. */
record Weighted(BigDecimal value, BigDecimal weight) {

    /**
     * The mean of the values that exist. Weight 0 is "shown, not counted"; with PONDERATA a level
     * without any weight is a simple mean, and a row missing its weight among weighted rows counts 0.
     */
    static Optional<BigDecimal> mean(List<Weighted> items, Methodology.Mean mode) {
        // Loops rather than streams: called for every objective, unit and scorecard of plans of 60 000 indicators.
        List<Weighted> present = new java.util.ArrayList<>(items.size());
        boolean noWeights = true;
        for (Weighted item : items) {
            noWeights &= item.weight() == null;
            if (item.value() != null && (item.weight() == null || item.weight().signum() != 0)) {
                present.add(item);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (mode == Methodology.Mean.SEMPLICE || noWeights) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Weighted item : present) {
                sum = sum.add(item.value());
            }
            return Optional.of(Quotient.of(sum, BigDecimal.valueOf(present.size())));
        }
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Weighted item : present) {
            BigDecimal weight = item.weight() == null ? BigDecimal.ZERO : item.weight();
            weights = weights.add(weight);
            sum = sum.add(item.value().multiply(weight));
        }
        return weights.signum() == 0 ? Optional.empty() : Optional.of(Quotient.of(sum, weights));
    }

    /** How many items a mean actually used, for the rule text. */
    static long counted(List<Weighted> items) {
        return items.stream().filter(i -> i.value() != null)
                .filter(i -> i.weight() == null || i.weight().signum() != 0).count();
    }
}
