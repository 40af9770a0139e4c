package it.pa.monitor.bench;

/**
 * The parameters of a generated workload: {@code units} uffici with {@code indicators} indicators each, a seed,
 * and the share of monitoring workbooks made bad on purpose (at least one when the share is above zero).
 */
public record WorkloadSpec(int units, int indicators, long seed, double badPercent) {

    /** Uffici per area: areas are made as needed, the last one may be smaller. */
    static final int UNITS_PER_AREA = 20;
    static final int YEAR = 2025;
    static final String PERIOD = "2025";
    static final String ENTE = "Camera di Commercio di Prova";

    public WorkloadSpec {
        if (units < 1 || indicators < 1) {
            throw new IllegalArgumentException("units and indicators must be at least 1");
        }
        if (badPercent < 0 || badPercent > 100) {
            throw new IllegalArgumentException("bad percent must be between 0 and 100");
        }
    }

    int areas() {
        return (units + UNITS_PER_AREA - 1) / UNITS_PER_AREA;
    }

    /** Ambiti: up to four, never more than the areas (each area has one strategic objective). */
    int ambiti() {
        return Math.min(4, areas());
    }

    int badFiles() {
        if (badPercent == 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(units * badPercent / 100));
    }

    /** The period the workload is for: the year end, so every indicator is due. */
    public String period() {
        return PERIOD;
    }
}
