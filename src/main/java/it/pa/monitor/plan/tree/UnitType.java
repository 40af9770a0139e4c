package it.pa.monitor.plan.tree;

import it.pa.monitor.values.HeaderName;
import java.util.Optional;

/** The kind of an organisational unit; {@code ESTERNO} is an azienda speciale or fondazione. */
public enum UnitType {
    AREA("Area"), SERVIZIO("Servizio"), UFFICIO("Ufficio"), ESTERNO("Esterno");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<UnitType> fromText(String text) {
        String key = HeaderName.normalise(text);
        for (UnitType type : values()) {
            if (HeaderName.normalise(type.label).equals(key)) {
                return Optional.of(type);
            }
        }
        return switch (key) {
            case "aziendaspeciale", "fondazione", "esterna" -> Optional.of(ESTERNO);
            case "settore", "direzione" -> Optional.of(AREA);
            default -> Optional.empty();
        };
    }
}
