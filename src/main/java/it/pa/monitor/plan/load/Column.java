package it.pa.monitor.plan.load;

import it.pa.monitor.values.HeaderName;
import java.util.List;
import java.util.stream.Stream;

/** A column of a plan sheet: its Italian name as shown to users, its synonyms, whether required. */
public record Column(String name, boolean required, List<String> synonyms) {

    static Column required(String name, String... synonyms) {
        return new Column(name, true, List.of(synonyms));
    }

    static Column optional(String name, String... synonyms) {
        return new Column(name, false, List.of(synonyms));
    }

    boolean matches(String header) {
        String key = HeaderName.normalise(header);
        return !key.isEmpty() && Stream.concat(Stream.of(name), synonyms.stream())
                .anyMatch(candidate -> HeaderName.normalise(candidate).equals(key));
    }
}
