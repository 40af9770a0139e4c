package it.pa.monitor.values;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Consuntivo cells of monitoring sheets (FORMATS.md §2) into {@link ActualValue}s; what it cannot read is
 * INVALID with an Italian explanation, never guessed.
 */
public final class ActualValueParser {

    private static final String ACCEPTED = "Scrivere un numero (es. 1.635,50), una percentuale (95,83 %), "
            + "una data (18/12/2025), Sì/No, Realizzato/Non realizzato oppure N.C.";


    // The word patterns below run on a key without accents, in lower case, with blanks collapsed.
    private static final Pattern NOT_COMPUTABLE = Pattern.compile(
            "n\\s*\\.?\\s*[cda]\\s*\\.?|n\\s*/\\s*[cda]"
                    + "|non\\s+(?:valutabile|calcolabile|computabile|disponibile|applicabile)\\.?");

    /** Done. A trailing full stop is allowed: "realizzato." is how a sentence-minded person ends the cell. */
    private static final Pattern YES = Pattern.compile(
            "(?:si'?|(?:realizzat|fatt|completat|eseguit|effettuat)[oaie])\\.?");

    private static final Pattern NO = Pattern.compile(
            "(?:no|non\\s+(?:realizzat|fatt|completat|eseguit|effettuat)[oaie])\\.?");

    // Compiled once: String.replaceAll compiles its pattern at every call, and these run on every text cell.
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    /** Creates a parser; it holds no state and may be shared. */
    public ActualValueParser() {
    }

    /**
     * Parses one Consuntivo cell.
     *
     * <p>Accepted: numbers ({@code 8}, {@code 1.635,50}, {@code 1635.5}, {@code - 17,64}, {@code (30.300,00)}) with
     * an optional unit before or after, glued or spaced ({@code 14,00 N.}, {@code 2,06 gg}, {@code € 153.000},
     * {@code N. 12}); percentages ({@code 95,83 %}, or a numeric cell formatted as % holding 0.9583), kept in
     * percentage points; dates ({@code 18/12/2025}, {@code 18-12-2025}, {@code 18.12.25}, {@code 15-feb},
     * {@code 7 marzo}, an Excel date cell); {@code Sì}/{@code No}, {@code Realizzato}/{@code Non realizzato};
     * {@code N.C.}, {@code n.d.}, {@code Non valutabile}. A blank cell is EMPTY (not yet reported); an error cell
     * ({@code #DIV/0!}) and anything else are INVALID.
     *
     * @param cell the cell as read from the workbook; null is read as a blank cell
     * @param year the year of the monitoring period, for dates written without one ({@code 15-feb})
     */
    public ActualValue parse(CellValue cell, int year) {
        CellValue c = cell == null ? CellValue.EMPTY : cell;
        String raw = c.text() == null ? "" : c.text();
        if (c.isUnevaluatedFormula()) {
            String problem = c.unevaluatedFormulaProblem();
            return ActualValue.invalid(raw, Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
        }
        if (c.error() != null) {
            return ActualValue.invalid(raw.isBlank() ? c.error() : raw,
                    "La cella contiene un errore di formula (" + c.error() + "): scrivere il valore rilevato.");
        }
        if (c.date() != null) {
            return ActualValue.ofDate(raw.isBlank() ? ItalianFormat.date(c.date()) : raw, c.date());
        }
        if (c.number() != null) {
            String shown = raw.isBlank() ? c.number().toPlainString() : raw;
            // A %-formatted cell holds the fraction (0.9583) but the user sees, and means, 95,83 %.
            return c.percentFormat()
                    ? ActualValue.ofNumber(shown, c.number().movePointRight(2), UnitOfMeasure.PERCENT)
                    : ActualValue.ofNumber(shown, c.number(), null);
        }
        if (clean(raw).isEmpty()) {
            return ActualValue.empty(raw); // blanks include the non-breaking spaces String.isBlank does not see
        }
        return parseText(raw, year);
    }

    private static ActualValue parseText(String raw, int year) {
        String text = clean(raw);
        String key = wordKey(text);
        if (NOT_COMPUTABLE.matcher(key).matches()) {
            return ActualValue.notComputable(raw);
        }
        if (YES.matcher(key).matches()) {
            return ActualValue.yes(raw);
        }
        if (NO.matcher(key).matches()) {
            return ActualValue.no(raw);
        }
        Optional<ItalianDates.Found> date = ItalianDates.withYear(text).or(() -> ItalianDates.namedMonth(text, year));
        if (date.isPresent()) {
            return date.get().exists()
                    ? ActualValue.ofDate(raw, date.get().date())
                    : invalid(raw, ": la data non esiste. Scrivere una data valida, ad esempio 18/12/2025.");
        }
        Optional<NumberWithUnit.Result> number = NumberWithUnit.parse(text);
        if (number.isPresent()) {
            NumberWithUnit.Result n = number.get();
            return n.problem() == null
                    ? ActualValue.ofNumber(raw, n.value(), n.unit())
                    : invalid(raw, ": " + n.problem());
        }
        if (ItalianDates.dayMonthSlash(text, year).isPresent() || ItalianDates.dayMonthDotOrDash(text, year).isPresent()) {
            // "24/12" could be a date without its year or a ratio, "5-6" a date or a range: ask, do not pick.
            return invalid(raw, ": se è una data manca l'anno (scrivere ad esempio 18/12/2025); altrimenti scrivere "
                    + "un solo valore, come numero o percentuale.");
        }
        if (ItalianDates.monthOnly(text, year).isPresent()) {
            return invalid(raw, ": manca il giorno. Scrivere la data completa, ad esempio 18/12/2025.");
        }
        return invalid(raw, ". " + ACCEPTED);
    }

    private static ActualValue invalid(String raw, String detail) {
        return ActualValue.invalid(raw, "Valore non riconosciuto: \"" + clean(raw) + "\"" + detail);
    }

    /** Undoes what Excel and Word leave in a cell: non-breaking spaces, the Unicode minus, repeated blanks. */
    private static String clean(String text) {
        String t = ItalianNumberParser.spacesToBlank(text).replace('\u2212', '-');
        t = BLANKS.matcher(t).replaceAll(" ").strip();
        return Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    /** Lower case without accents, so that "Sì", "SI", "si'" and "Realizzàto" compare equal. */
    private static String wordKey(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
