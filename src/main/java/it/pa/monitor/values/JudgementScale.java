package it.pa.monitor.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ente's judgement labels by lower bound (METHOD.md, {@code giudizi}), as written in the
 * Metodologia sheet: {@code 91 Eccellente; 81 Più che adeguato; ...; 0 Non adeguato}.
 */
public record JudgementScale(List<Band> bands) {

    /** A label that applies from {@code lowerBound} (percentage points) up to the next band. */
    public record Band(BigDecimal lowerBound, String label) {
    }

    private static final Pattern ENTRY = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%?\\s*[:=\\-–]?\\s*(\\S.*)");

    public JudgementScale {
        bands = bands.stream().sorted(Comparator.comparing(Band::lowerBound).reversed()).toList();
    }

    /** The scale of a text like {@code 91 Eccellente; 81 Più che adeguato}; empty when any entry is unreadable. */
    public static Optional<JudgementScale> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Band> bands = new ArrayList<>();
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            bands.add(new Band(new BigDecimal(m.group(1).replace(',', '.')), m.group(2).strip()));
        }
        return bands.isEmpty() ? Optional.empty() : Optional.of(new JudgementScale(bands));
    }

    /** The label of the highest band whose lower bound the result reaches; empty below every band. */
    public Optional<String> label(BigDecimal result) {
        if (result == null) {
            return Optional.empty();
        }
        return bands.stream().filter(b -> result.compareTo(b.lowerBound()) >= 0).map(Band::label).findFirst();
    }
}
