package it.pa.monitor.intake.sheet;

import it.pa.monitor.values.HeaderName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table columns of a monitoring sheet (FORMATS.md §2) and the header texts that name them,
 * compared with {@link HeaderName#normalise} (case, accents, spaces, punctuation and a trailing
 * year are ignored: "Consuntivo 2025" is "Consuntivo").
 *
 * <p>Two words are ambiguous, because FORMATS.md lists them both as a code and as a name:
 * "Indicatore" (also "Indicatori") and "Obiettivo". Such a header is the <em>code</em> column,
 * unless the same header row already has an explicit code column ("Codice indicatore", "Cod.
 * indicatore" or plain "Codice"; "Codice obiettivo"): then it is the <em>name</em> column, unless
 * that too is explicitly present, and then it is ignored. So "Indicatore | Consuntivo" reads
 * codes from "Indicatore", while "Codice indicatore | Indicatore | Consuntivo" reads names from
 * it. "Descrizione obiettivo" is always the objective's name.
 *
 * <p>{@link #ACTUAL} also accepts "Valore al &lt;data&gt;" ("Valore al 30/06/2025"), and
 * "Consuntivo al &lt;data&gt;" / "Risultato al &lt;data&gt;".
 */
public enum MonitoringColumn {
    OBJECTIVE_CODE("Codice obiettivo", false, Set.of("codiceobiettivo", "codobiettivo")),
    OBJECTIVE_NAME("Obiettivo", false, Set.of("descrizioneobiettivo", "nomeobiettivo")),
    INDICATOR_CODE("Codice indicatore", true, Set.of("codiceindicatore", "codindicatore", "codice")),
    INDICATOR_NAME("Indicatore", false, Set.of("nomeindicatore", "descrizioneindicatore")),
    ALGORITHM("Algoritmo", false, Set.of("algoritmo", "algoritmodicalcolo")),
    WEIGHT("Peso", false, Set.of("peso", "pesoindicatore", "pesoindicatori")),
    TARGET("Target", false, Set.of("target")),
    OPERATOR("Operatore", false, Set.of("operatore")),
    ACTUAL("Consuntivo", true, Set.of("consuntivo", "risultato", "valorerilevato")),
    NOTES("Note", false, Set.of("note", "motivazioni", "motivazione", "commento", "commenti"));

    /** "Valore al 30/06/2025", "Consuntivo al 30 giugno": a value at a date is the actual value. */
    private static final List<String> ACTUAL_PREFIXES = List.of("valoreal", "consuntivoal", "risultatoal");

    /** The ambiguous words: code column by default, name column next to an explicit code column. */
    private static final Set<String> GENERIC_INDICATOR = Set.of("indicatore", "indicatori");
    private static final Set<String> GENERIC_OBJECTIVE = Set.of("obiettivo");

    private final String label;
    private final boolean required;
    private final Set<String> names;

    MonitoringColumn(String label, boolean required, Set<String> names) {
        this.label = label;
        this.required = required;
        this.names = names;
    }

    /** The column's name in FORMATS.md, as shown to users. */
    public String label() {
        return label;
    }

    /** Only the indicator code and the Consuntivo are required. */
    public boolean required() {
        return required;
    }

    /** What a header cell's text names, if anything. */
    static Optional<Naming> naming(String headerText) {
        String key = HeaderName.normalise(headerText);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (GENERIC_INDICATOR.contains(key)) {
            return Optional.of(new Naming(INDICATOR_CODE, INDICATOR_NAME));
        }
        if (GENERIC_OBJECTIVE.contains(key)) {
            return Optional.of(new Naming(OBJECTIVE_CODE, OBJECTIVE_NAME));
        }
        for (MonitoringColumn column : values()) {
            if (column.names.contains(key)) {
                return Optional.of(new Naming(column, null));
            }
        }
        if (ACTUAL_PREFIXES.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length())) {
            return Optional.of(new Naming(ACTUAL, null));
        }
        return Optional.empty();
    }

    /**
     * What a header names: an explicit column ({@code fallback} null), or an ambiguous word that
     * is {@code preferred} unless that column is already taken, then {@code fallback}.
     */
    record Naming(MonitoringColumn preferred, MonitoringColumn fallback) {

        boolean isGeneric() {
            return fallback != null;
        }
    }
}
