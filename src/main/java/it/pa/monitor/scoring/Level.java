package it.pa.monitor.scoring;

/** The levels of the results, labelled as in the Risultati sheet (FORMATS.md §5). */
public enum Level {
    ENTE("Ente"),
    AMBITO("Ambito"),
    OBIETTIVO_STRATEGICO("Obiettivo strategico"),
    OBIETTIVO_OPERATIVO("Obiettivo operativo"),
    INDICATORE("Indicatore"),
    UNITA("Unità"),
    CRUSCOTTO("Cruscotto");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
