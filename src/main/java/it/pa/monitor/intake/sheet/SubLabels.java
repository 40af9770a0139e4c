package it.pa.monitor.intake.sheet;

import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.HeaderName;
import java.util.regex.Pattern;

/**
 * Second-row header texts that qualify a column without naming it: years ("2022 2023 2024" under
 * "Target"), "N" / "N+1", a date under "Valore al", or an operator ("&gt;=" over a target value).
 */
public final class SubLabels {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern RELATIVE_YEAR = Pattern.compile("(anno)?n\\+?\\d?");
    private static final Pattern DATE = Pattern.compile("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}");
    private static final Pattern OPERATOR = Pattern.compile(
            "(?i)(>=|<=|=>|=<|>|<|=|≥|≤|⩾|⩽|&gt;=?|&lt;=?|\\\\geq?|\\\\leq?|entro(il)?)");

    private SubLabels() {
    }

    /** True for a non-blank text that only qualifies the header above it. */
    static boolean isSubLabel(CellValue value) {
        if (value.isBlank()) {
            return false;
        }
        if (value.date() != null || isOperator(value)) {
            return true;
        }
        String text = value.text().strip();
        String key = HeaderName.normalise(text);
        return YEAR.matcher(key).matches() || RELATIVE_YEAR.matcher(key).matches() || "anno".equals(key)
                || DATE.matcher(text).matches();
    }

    /** True for a cell holding nothing but a comparison operator. */
    static boolean isOperator(CellValue value) {
        return value.number() == null && OPERATOR.matcher(withoutWhitespace(value.text())).matches();
    }

    /** {@code text.replaceAll("\\s+", "")} without compiling the pattern for every cell: regex {@code \\s} is these six. */
    static String withoutWhitespace(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean whitespace = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (whitespace && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!whitespace && kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
