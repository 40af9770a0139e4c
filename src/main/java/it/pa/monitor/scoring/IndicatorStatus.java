package it.pa.monitor.scoring;

/** What became of an indicator in a period; only SCORED and OVERRIDDEN carry an achievement. */
public enum IndicatorStatus {
    SCORED("calcolato"),
    OVERRIDDEN("rettificato dall'OIV"),
    EXCLUDED("non valutabile, escluso"),
    IN_CORSO("in corso"),
    NOT_DUE("non previsto nel periodo"),
    NOT_REPORTED("non rilevato"),
    NOT_SCORABLE("non calcolabile"),
    /** Weight 0 and no target (METHOD.md "monitoring only"): the value is collected and shown, never scored. */
    MONITORING("solo monitoraggio");

    private final String label;

    IndicatorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean counts() {
        return this == SCORED || this == OVERRIDDEN;
    }

    /** True for an indicator that should have been scored and was not (listed in Qualità dati). */
    public boolean missing() {
        return !counts() && this != MONITORING;
    }
}
