package it.pa.monitor.values;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Unit of measure of an indicator, with the Italian label shown in the workbooks. */
public enum UnitOfMeasure {
    NUMBER("N."),
    PERCENT("%"),
    DAYS("gg"),
    HOURS("h"),
    EURO("€"),
    DATE("data"),
    YES_NO("si/no");

    // Compiled once: the unit of every indicator of a plan is recognised through them.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** Synonyms after {@link #key(String)}: lower case, no accents, no dots, no blanks. */
    private static final Map<String, UnitOfMeasure> SYNONYMS = Map.ofEntries(
            Map.entry("n", NUMBER), Map.entry("nr", NUMBER), Map.entry("num", NUMBER),
            Map.entry("numero", NUMBER), Map.entry("n°", NUMBER),
            Map.entry("%", PERCENT), Map.entry("perc", PERCENT), Map.entry("percentuale", PERCENT),
            Map.entry("gg", DAYS), Map.entry("g", DAYS), Map.entry("giorni", DAYS), Map.entry("giorno", DAYS),
            Map.entry("h", HOURS), Map.entry("ore", HOURS), Map.entry("ora", HOURS),
            Map.entry("€", EURO), Map.entry("euro", EURO), Map.entry("eur", EURO),
            // "entro" is the UdM of deadline indicators in the 2024 Prato-Pistoia plan.
            Map.entry("data", DATE), Map.entry("entro", DATE),
            Map.entry("si/no", YES_NO), Map.entry("s/n", YES_NO));

    private final String label;

    UnitOfMeasure(String label) {
        this.label = label;
    }

    /** The label written in plans and reports ({@code N.}, {@code %}, {@code gg}, ...). */
    public String label() {
        return label;
    }

    /** Recognises a unit written by hand: case, accents, dots and blanks do not matter ({@code "Gg."}, {@code "SÌ/NO"}). */
    public static Optional<UnitOfMeasure> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(SYNONYMS.get(key(text)));
    }

    private static String key(String text) {
        String noAccents = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return BLANKS.matcher(ItalianNumberParser.spacesToBlank(noAccents).toLowerCase(Locale.ROOT).replace(".", ""))
                .replaceAll("");
    }
}
