package it.pa.monitor.plan;

/**
 * The key of an indicator: objective code, indicator code and, because real plans repeat a
 * code under the same objective, its occurrence (1 for the first row, 2 for the second...).
 */
public record IndicatorKey(String objectiveCode, String code, int occurrence) {

    /** The reference form of FORMATS.md: {@code OBJ/CODE}, with {@code #n} from the second row on. */
    public String reference() {
        return objectiveCode + "/" + code + (occurrence > 1 ? "#" + occurrence : "");
    }

    @Override
    public String toString() {
        return reference();
    }
}
