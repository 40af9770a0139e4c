package it.pa.monitor.scoring;

import it.pa.monitor.plan.Methodology;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A result with its weight, and the two means of METHOD.md over a list of them. */
record Weighted(BigDecimal value, BigDecimal weight) {

    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * The mean of the values that exist. Weight 0 is "shown, not counted"; with PONDERATA a level
     * without any weight is a simple mean, and a row missing its weight among weighted rows counts 0.
     */
    static Optional<BigDecimal> mean(List<Weighted> items, Methodology.Mean mode) {
        List<Weighted> present = items.stream().filter(i -> i.value() != null)
                .filter(i -> i.weight() == null || i.weight().signum() != 0).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        boolean simple = mode == Methodology.Mean.SEMPLICE
                || items.stream().map(Weighted::weight).allMatch(Objects::isNull);
        if (simple) {
            BigDecimal sum = present.stream().map(Weighted::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            return Optional.of(sum.divide(BigDecimal.valueOf(present.size()), MC));
        }
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Weighted item : present) {
            BigDecimal weight = item.weight() == null ? BigDecimal.ZERO : item.weight();
            weights = weights.add(weight);
            sum = sum.add(item.value().multiply(weight));
        }
        return weights.signum() == 0 ? Optional.empty() : Optional.of(sum.divide(weights, MC));
    }

    /** How many items a mean actually used, for the rule text. */
    static long counted(List<Weighted> items) {
        return items.stream().filter(i -> i.value() != null)
                .filter(i -> i.weight() == null || i.weight().signum() != 0).count();
    }
}
