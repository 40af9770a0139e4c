package it.pa.monitor.scoring;

/** What became of an indicator in a period; only SCORED and OVERRIDDEN carry an achievement. */
public enum IndicatorStatus {
    SCORED("calcolato"),
    OVERRIDDEN("rettificato dall'OIV"),
    EXCLUDED("non valutabile, escluso"),
    IN_CORSO("in corso"),
    NOT_DUE("non previsto nel periodo"),
    NOT_REPORTED("non rilevato"),
    NOT_SCORABLE("non calcolabile");

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
}
