package it.pa.monitor.values;

/** Comparison operator of a numeric target. */
public enum Operator {
    GE("≥", true),
    GT(">", true),
    LE("≤", false),
    LT("<", false),
    // METHOD.md: "=" is scored like "≥" (a / t), so more is better.
    EQ("=", true);

    private final String symbol;
    private final boolean higherIsBetter;

    Operator(String symbol, boolean higherIsBetter) {
        this.symbol = symbol;
        this.higherIsBetter = higherIsBetter;
    }

    /** The Unicode symbol used for display. */
    public String symbol() {
        return symbol;
    }

    /** True when a larger actual value is a better result (GE, GT and EQ). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
