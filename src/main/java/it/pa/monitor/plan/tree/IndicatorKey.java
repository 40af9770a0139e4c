package it.pa.monitor.plan.tree;

/**
 * The key of an indicator: objective code, indicator code and, because real plans repeat a
 * code under the same objective, its occurrence (1 for the first row, 2 for the second...).
 */
public record IndicatorKey(String objectiveCode, String code, int occurrence) {

    /** The reference form of FORMATS.md: {@code OBJ/CODE}, with {@code #n} from the second row on. */
    public String reference() {
        return objectiveCode + "/" + code + (occurrence > 1 ? "#" + occurrence : "");
    }

    /**
     * The record's own equality, written out: the generated one goes through method handles, which the
     * C1-only batch runs call slowly for the hundreds of thousands of lookups a large plan makes.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IndicatorKey k && occurrence == k.occurrence
                && java.util.Objects.equals(code, k.code) && java.util.Objects.equals(objectiveCode, k.objectiveCode);
    }

    /**
     * The record's own hash, written out (components folded as {@code 31 * h + c}, as the JDK's records do), so
     * that maps keyed by indicator keep the order they had.
     */
    @Override
    public int hashCode() {
        return (31 * java.util.Objects.hashCode(objectiveCode) + java.util.Objects.hashCode(code)) * 31
                + Integer.hashCode(occurrence);
    }

    @Override
    public String toString() {
        return reference();
    }
}
