package it.pa.monitor.plan;

import it.pa.monitor.values.HeaderName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a unit by its code or, failing that, by its name typed with any case, accents, spaces or punctuation (a
 * trailing number is part of the name).
 */
public final class UnitResolver {

    private final Map<String, String> byCode = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();

    public UnitResolver(List<OrgUnit> units) {
        for (OrgUnit unit : units) {
            byCode.putIfAbsent(unit.code(), unit.code());
            byName.putIfAbsent(HeaderName.nameKey(unit.name()), unit.code());
        }
    }

    public Optional<String> resolve(String codeOrName) {
        String text = codeOrName.strip();
        if (byCode.containsKey(text)) {
            return Optional.of(text);
        }
        return Optional.ofNullable(byName.get(HeaderName.nameKey(text)));
    }
}
