package it.pa.monitor.problem;

/** Shortening of the texts a problem keeps: what is cut ends with "…", and a shortened text stays as it is. */
final class ProblemTexts {

    static final char ELLIPSIS = '…';

    private ProblemTexts() {
    }

    /** The first {@code max} characters and "…", or the text itself when it is not longer (null stays null). */
    static String shortened(String text, int max) {
        if (text == null || text.length() <= max + 1) {
            return text;
        }
        // Never between the two halves of a character outside the BMP.
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * Every value quoted in {@code message} between «» or between double quotes shortened to {@code max}
     * characters: messages quote what the sheet holds, which may be a whole page.
     */
    static String quotesShortened(String message, int max) {
        if (message == null || message.length() <= max) {
            return message;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < message.length()) {
            char open = message.charAt(i);
            char close = open == '«' ? '»' : open == '"' ? '"' : 0;
            int end = close == 0 ? -1 : message.indexOf(close, i + 1);
            if (end < 0) {
                i++;
                continue;
            }
            String quoted = message.substring(i + 1, end);
            String kept = shortened(quoted, max);
            if (kept.length() != quoted.length()) {
                out = out == null ? new StringBuilder(message.length()) : out;
                out.append(message, copied, i + 1).append(kept);
                copied = end;
            }
            i = end + 1;
        }
        return out == null ? message : out.append(message, copied, message.length()).toString();
    }
}
