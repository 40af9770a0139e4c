package it.pa.monitor.intake.rejection;

import java.util.Locale;

/** Text as it goes into a report cell or comment: valid in XML, within Excel's limits, readable. */
public final class ReportText {

    /** Excel refuses longer cell text. */
    static final int MAX_CELL_TEXT = 32_767;

    private ReportText() {
    }

    /**
     * Control characters (other than tab and line breaks) are not allowed in XML 1.0: an .xls value can
     * hold them, and one left in a comment would make the whole report unreadable.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CELL_TEXT));
        for (int i = 0; i < text.length() && out.length() < MAX_CELL_TEXT; i++) {
            char c = text.charAt(i);
            boolean allowed = c >= ' ' ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
            out.append(allowed ? c : ' ');
        }
        return out.toString();
    }

    /** Messages are written in lower case to be composed into sentences; on their own they start upper case. */
    static String sentence(String message) {
        String text = clean(message).strip();
        if (text.isEmpty()) {
            return "Problema non specificato";
        }
        return text.substring(0, 1).toUpperCase(Locale.ITALIAN) + text.substring(1);
    }
}
