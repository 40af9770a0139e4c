package it.pa.monitor.plan.tree;

import it.pa.monitor.values.HeaderName;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The levels of the plan's results (and of its Storico rows), labelled as in the Risultati sheet (FORMATS.md §5). */
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

    /** The level written with any case, accents or spacing ("obiettivo strategico", "UNITA"). */
    public static Optional<Level> fromText(String text) {
        String key = HeaderName.normalise(text);
        return Arrays.stream(values()).filter(l -> HeaderName.normalise(l.label).equals(key)).findFirst();
    }

    /** The accepted labels, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(Level::label).collect(Collectors.joining(", "));
    }
}
