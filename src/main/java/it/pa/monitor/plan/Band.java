package it.pa.monitor.plan;

/** The traffic-light band of a result (soglie of METHOD.md). */
public enum Band {
    RAGGIUNTO("Raggiunto"), PARZIALMENTE_RAGGIUNTO("Parzialmente raggiunto"), NON_RAGGIUNTO("Non raggiunto");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
