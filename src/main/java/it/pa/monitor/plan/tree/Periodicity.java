package it.pa.monitor.plan.tree;

import it.pa.monitor.values.HeaderName;
import java.util.Optional;

/** How often the ente monitors (sheet {@code Ente}) or an indicator is due (column Periodicita). */
public enum Periodicity {
    TRIMESTRALE, QUADRIMESTRALE, SEMESTRALE, ANNUALE;

    public static Optional<Periodicity> fromText(String text) {
        String key = HeaderName.normalise(text);
        for (Periodicity p : values()) {
            if (p.name().toLowerCase(java.util.Locale.ROOT).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
