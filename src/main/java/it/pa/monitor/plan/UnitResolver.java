package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.values.HeaderName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a unit by its code or, failing that, by its name typed with any case, accents, spaces or punctuation (a
 * trailing number is part of the name). A name that two units share that way (two "Segreteria" under two areas)
 * finds neither: which one was meant only its code can say ({@link #sameName}).
 */
public final class UnitResolver {

    private final Set<String> codes = new HashSet<>();
    /** The codes of the units by the key of their name, in the order of the Struttura sheet. */
    private final Map<String, List<String>> byName = new HashMap<>();

    public UnitResolver(List<OrgUnit> units) {
        for (OrgUnit unit : units) {
            codes.add(unit.code());
            String key = HeaderName.nameKey(unit.name());
            if (key.isEmpty()) {
                continue; // a name of no letters or digits ("—") names nothing
            }
            List<String> named = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!named.contains(unit.code())) {
                named.add(unit.code());
            }
        }
    }

    /** The unit's code; empty when no unit has this code or name, or several units have this name. */
    public Optional<String> resolve(String codeOrName) {
        String text = codeOrName.strip();
        if (codes.contains(text)) {
            return Optional.of(text);
        }
        List<String> named = named(text);
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The codes of the units that share the name {@code name} when there are two or more, else none. */
    public List<String> sameName(String name) {
        List<String> named = named(name.strip());
        return named.size() > 1 ? List.copyOf(named) : List.of();
    }

    /**
     * Why {@code codeOrName} finds no unit, for a message to whoever wrote the plan or the sheet: the units sharing
     * the name when there are several, {@code otherwise} when there is none.
     */
    public String unresolved(String codeOrName, String otherwise) {
        List<String> named = sameName(codeOrName);
        return named.isEmpty() ? otherwise : "«" + codeOrName.strip() + "» è il nome di più unità del piano ("
                + String.join(", ", named) + "): indicare il codice dell'unità";
    }

    private List<String> named(String name) {
        String key = HeaderName.nameKey(name);
        return key.isEmpty() ? List.of() : byName.getOrDefault(key, List.of());
    }
}
