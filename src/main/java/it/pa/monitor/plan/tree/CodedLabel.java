package it.pa.monitor.plan.tree;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A missione or programma as typed in the plan, {@code 011} or {@code 011 - Competitività e
 * sviluppo imprese}: the leading digits are the key, the label is kept for display.
 */
public record CodedLabel(String code, String label) {

    private static final Pattern FORM = Pattern.compile("^\\s*(\\d{1,3})\\b\\s*[-–.:]?\\s*(.*)$", Pattern.DOTALL);

    /** Null for an empty cell; a text without leading digits keeps the whole text as label. */
    public static CodedLabel parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = FORM.matcher(text);
        if (m.matches()) {
            String label = m.group(2).trim();
            return new CodedLabel(m.group(1), label.isEmpty() ? null : label);
        }
        return new CodedLabel(null, text.trim());
    }
}
