package it.pa.monitor.values;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads target cells as typed in real plans into {@link Target}s; what it cannot read is UNPARSEABLE, never guessed. */
public final class TargetParser {

    private static final String EXAMPLE =
            "Scrivere un operatore e un valore, ad esempio \">= 95 %\" o \"Entro 30/06/2025\".";

    private static final String ENTRO_HINT = ": dopo \"entro\" scrivere una data (\"entro 30/06/2025\", "
            + "\"entro il 15 maggio\") o una durata con l'unità (\"entro 30 gg\").";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // Compiled once: every target of a plan (60 000 in a large one) goes through them.
    private static final Pattern DASHES = Pattern.compile("-+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern FOOTNOTE_STARS = Pattern.compile("\\A\\*+\\s*|\\s*\\*+\\z");

    /** Lookahead closing a word operator, so that "min" does not match "minore". */
    private static final String WORD_END = "(?=[\\s\\d+\\-(€$]|\\z)";

    /** Ordered: longer spellings first ("non superiore a" before "superiore a", "=>" before "="). */
    private static final List<OperatorRule> OPERATOR_RULES = List.of(
            symbol(">\\s*=|=>|≥|⩾|≧", Operator.GE),
            symbol("<\\s*=|=<|≤|⩽|≦", Operator.LE),
            symbol(">", Operator.GT),
            symbol("<", Operator.LT),
            symbol("==?", Operator.EQ),
            word("non\\s+inferiore\\s+(?:a|al|alla|ad)", Operator.GE),
            word("non\\s+minore\\s+(?:di|del|della)", Operator.GE),
            word("non\\s+superiore\\s+(?:a|al|alla|ad)", Operator.LE),
            word("non\\s+maggiore\\s+(?:di|del|della)", Operator.LE),
            word("non\\s+oltre", Operator.LE),
            word("maggiore\\s+o\\s+uguale\\s+(?:a|al|alla|di)", Operator.GE),
            word("minore\\s+o\\s+uguale\\s+(?:a|al|alla|di)", Operator.LE),
            word("almeno", Operator.GE),
            word("minimo", Operator.GE),
            word("min\\.?", Operator.GE),
            word("al\\s+massimo", Operator.LE),
            word("massimo", Operator.LE),
            word("max\\.?", Operator.LE),
            word("fino\\s+(?:a|al|alla)", Operator.LE),
            word("maggiore\\s+(?:di|del|della)", Operator.GT),
            word("superiore\\s+(?:a|al|alla|ad)", Operator.GT),
            word("pi[uù]\\s+(?:di|del|della)", Operator.GT),
            word("oltre", Operator.GT),
            word("inferiore\\s+(?:a|al|alla|ad)", Operator.LT),
            word("minore\\s+(?:di|del|della)", Operator.LT),
            word("meno\\s+(?:di|del|della)", Operator.LT),
            word("pari\\s+(?:a|al|alla)", Operator.EQ),
            word("uguale\\s+(?:a|al|alla)", Operator.EQ),
            new OperatorRule(Pattern.compile("\\Aentro" + WORD_END + "\\s*", FLAGS), Operator.LE, true));

    /** Articles and prepositions people put between operator and value ("almeno il 90%", ">= di 197,33"). */
    private static final Pattern FILLER =
            Pattern.compile("\\A(?:(?:la\\s+data\\s+del|di|a|al|il|lo)\\s+|l['’]\\s*)", FLAGS);

    private static final Pattern NOT_AVAILABLE =
            Pattern.compile("n\\s*\\.?\\s*[dca]\\s*\\.?|n\\s*/\\s*[dca]|-+|[–—]+", FLAGS);

    /** Yes/no spellings; "100% realizzazione" is read as yes/no, since METHOD.md scores a % actual as achievement. */
    private static final Pattern YES_NO = Pattern.compile(
            "s[iìí](?:\\s*/\\s*no)?|s\\s*/\\s*n|realizzazion[ei]|realizzat[oaie]"
                    + "|100\\s*%\\s+(?:di\\s+)?realizzazione|realizzazione\\s+(?:al\\s+)?100\\s*%", FLAGS);

    private static final Pattern HTML_NUMERIC = Pattern.compile("&#(x[0-9a-f]+|\\d+);", FLAGS);
    private static final Pattern LATEX_COMMAND =
            Pattern.compile("\\\\(geqslant|geq|ge|leqslant|leq|le|gt|lt)(?![a-zA-Z])");

    /** Creates a parser; it holds no state and may be shared. */
    public TargetParser() {
    }

    /** Parses a target cell that carries its own operator (or none, meaning "="). */
    public Target parse(String raw, int year) {
        return parse(raw, null, year);
    }

    /**
     * Parses a target whose operator may sit in a separate {@code Operatore} column.
     *
     * <p>Accepted: operators in Unicode, ASCII ({@code >=}, {@code =>}, {@code > =}), HTML ({@code &gt;=}), LaTeX
     * ({@code $\geq$}) or words ({@code almeno}, {@code non superiore a}, {@code entro 30 gg}); numbers via
     * {@link ItalianNumberParser} with units before or after; dates ({@code Entro 30/06/2025}, {@code 15-feb},
     * {@code entro il 15 maggio}, {@code entro giugno} = end of June); yes/no; {@code n.d.} and the like.
     *
     * @param raw            the target cell as typed
     * @param operatorColumn the operator cell ({@code >=}, {@code ≥}, {@code almeno}, {@code entro}), may be null
     * @param year           the plan year, used for dates written without a year
     */
    public Target parse(String raw, String operatorColumn, int year) {
        String original = raw == null ? "" : raw;
        String text = normalize(original);
        OperatorToken external = null;
        String operatorText = normalize(operatorColumn == null ? "" : operatorColumn);
        if (!operatorText.isEmpty() && !DASHES.matcher(operatorText).matches()) {
            Optional<Lexed> lexed = lexOperator(operatorText);
            if (lexed.isEmpty() || !lexed.get().rest().isEmpty()) {
                return Target.unparseable(original, prefix(original) + ": operatore \"" + operatorText
                        + "\" non riconosciuto. Usare ad esempio \">=\", \"<=\", \"=\", \"almeno\" o \"entro\".");
            }
            external = lexed.get().token();
        }
        if (text.isEmpty()) {
            return Target.unparseable(original, external == null
                    ? "Target mancante. " + EXAMPLE
                    : "Target mancante: c'è l'operatore \"" + external.spelled() + "\" ma manca il valore.");
        }
        if (NOT_AVAILABLE.matcher(text).matches()) {
            return Target.notAvailable(original);
        }
        return parseValue(original, text, external, year);
    }

    private Target parseValue(String original, String text, OperatorToken external, int year) {
        OperatorToken token = external;
        String rest = text;
        Optional<Lexed> inline = lexOperator(text);
        if (inline.isPresent()) {
            OperatorToken written = inline.get().token();
            if (external != null && external.operator() != written.operator()) {
                return Target.unparseable(original, prefix(original) + ": la colonna Operatore indica \""
                        + external.spelled() + "\" ma il target contiene \"" + written.spelled()
                        + "\". Lasciare un solo operatore.");
            }
            token = external != null && external.entro() ? external : written;
            rest = inline.get().rest();
        }
        if (token != null) {
            rest = FILLER.matcher(rest).replaceFirst("").strip();
        }
        if (rest.isEmpty()) {
            return Target.unparseable(original, prefix(original) + ": manca il valore dopo l'operatore. " + EXAMPLE);
        }
        if (YES_NO.matcher(rest).matches()) {
            if (token == null || token.operator() == Operator.EQ || token.operator() == Operator.GE) {
                return Target.yesNo(original);
            }
            return Target.unparseable(original, prefix(original)
                    + ": un target sì/no si scrive \"= sì\" o \"SI/NO\", senza \"" + token.spelled() + "\".");
        }
        boolean afterEntro = token != null && token.entro();
        Optional<DateResult> date = matchDate(rest, year, afterEntro);
        if (date.isPresent()) {
            return deadline(original, token, date.get());
        }
        Optional<NumberWithUnit.Result> number = NumberWithUnit.parse(rest);
        if (number.isPresent() && !(afterEntro && number.get().problem() != null)) {
            return numeric(original, token, number.get());
        }
        if (afterEntro) {
            return Target.unparseable(original, prefix(original) + ENTRO_HINT);
        }
        return Target.unparseable(original, prefix(original) + ". " + EXAMPLE);
    }

    private static Target deadline(String original, OperatorToken token, DateResult date) {
        if (date.problem() != null) {
            return Target.unparseable(original, prefix(original) + ": " + date.problem());
        }
        if (token == null) {
            return Target.deadline(original, false, date.date()); // a date alone is a deadline
        }
        if (token.entro() || token.operator() == Operator.LE || token.operator() == Operator.EQ) {
            return Target.deadline(original, true, date.date());
        }
        return Target.unparseable(original, prefix(original) + ": una scadenza si scrive \"Entro 30/06/2025\" "
                + "(o \"<= 30/06/2025\"); l'operatore \"" + token.spelled() + "\" non si applica a una data.");
    }

    private static Target numeric(String original, OperatorToken token, NumberWithUnit.Result number) {
        if (number.problem() != null) {
            return Target.unparseable(original, prefix(original) + ": " + number.problem());
        }
        if (token == null) {
            return Target.numeric(original, Operator.EQ, false, number.value(), number.unit());
        }
        if (token.entro() && number.unit() != UnitOfMeasure.DAYS && number.unit() != UnitOfMeasure.HOURS) {
            // "entro 30" could be days, a date or a count: refuse rather than guess.
            return Target.unparseable(original, prefix(original) + ENTRO_HINT);
        }
        return Target.numeric(original, token.operator(), true, number.value(), number.unit());
    }

    // ---------------------------------------------------------------- operators

    private static Optional<Lexed> lexOperator(String text) {
        for (OperatorRule rule : OPERATOR_RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.lookingAt()) {
                String spelled = m.group().strip();
                return Optional.of(new Lexed(new OperatorToken(rule.operator(), rule.entro(), spelled),
                        text.substring(m.end()).strip()));
            }
        }
        return Optional.empty();
    }

    private static OperatorRule symbol(String regex, Operator operator) {
        return new OperatorRule(Pattern.compile("\\A(?:" + regex + ")\\s*", FLAGS), operator, false);
    }

    private static OperatorRule word(String regex, Operator operator) {
        return new OperatorRule(Pattern.compile("\\A(?:" + regex + ")" + WORD_END + "\\s*", FLAGS), operator, false);
    }

    // ---------------------------------------------------------------- dates

    private static Optional<DateResult> matchDate(String text, int year, boolean afterEntro) {
        Optional<ItalianDates.Found> found = ItalianDates.withYear(text)
                .or(() -> ItalianDates.dayMonthSlash(text, year))
                .or(() -> ItalianDates.namedMonth(text, year));
        if (found.isEmpty() && afterEntro) {
            // "31.12" and "30-06" could be numbers or ranges, "giugno" a period: dates only after "entro".
            found = ItalianDates.dayMonthDotOrDash(text, year).or(() -> ItalianDates.monthOnly(text, year));
        }
        return found.map(f -> f.exists() ? new DateResult(f.date(), null)
                : new DateResult(null, "la data \"" + text + "\" non esiste. Scrivere una data valida, "
                        + "ad esempio \"Entro 30/06/2025\"."));
    }

    // ---------------------------------------------------------------- text clean-up

    /** Undoes what HTML, LaTeX, Word and Excel do to a cell: entities, {@code $\geq$}, NBSPs, footnote stars. */
    static String normalize(String text) {
        String t = ItalianNumberParser.spacesToBlank(text);
        t = decodeHtml(t);
        t = LATEX_COMMAND.matcher(t).replaceAll(r -> switch (r.group(1)) {
            case "geqslant", "geq", "ge" -> "≥";
            case "leqslant", "leq", "le" -> "≤";
            case "gt" -> ">";
            default -> "<";
        });
        t = t.replace("\\%", "%").replace("$", "").replace('\u2212', '-');
        t = BLANKS.matcher(t).replaceAll(" ").strip();
        t = FOOTNOTE_STARS.matcher(t).replaceAll("").strip();
        return Normalizer.normalize(t, Normalizer.Form.NFC);
    }

    private static String decodeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        String t = text.replaceAll("(?i)&gt;", ">").replaceAll("(?i)&lt;", "<")
                .replaceAll("(?i)&ge;", "≥").replaceAll("(?i)&le;", "≤")
                .replace("&nbsp;", " ").replace("&euro;", "€")
                .replace("&igrave;", "ì").replace("&Igrave;", "Ì").replace("&ugrave;", "ù");
        t = HTML_NUMERIC.matcher(t).replaceAll(r -> {
            String code = r.group(1);
            int cp = code.charAt(0) == 'x' || code.charAt(0) == 'X'
                    ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
            return Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "");
        });
        return t.replace("&amp;", "&"); // last, so "&amp;gt;" stays literal
    }

    private static String prefix(String original) {
        return "Target non interpretabile: \"" + ItalianNumberParser.spacesToBlank(original).strip() + "\"";
    }

    private record OperatorRule(Pattern pattern, Operator operator, boolean entro) {
    }

    private record OperatorToken(Operator operator, boolean entro, String spelled) {
    }

    private record Lexed(OperatorToken token, String rest) {
    }

    private record DateResult(LocalDate date, String problem) {
    }
}
