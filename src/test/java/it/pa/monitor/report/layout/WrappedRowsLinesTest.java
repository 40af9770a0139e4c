package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The line count scanned in place agrees with the count by {@code split} it replaced (paragraphs at
 * '\n' kept even when empty, words at ' ' with trailing empty words dropped), on any text.
 */
class WrappedRowsLinesTest {

    @Property(tries = 3000)
    void scanningInPlaceCountsAsSplittingDid(
            @ForAll @StringLength(max = 120) @Chars({' ', ' ', ' ', '\n', 'a', 'B', 'é'}) @CharRange(from = 'a', to = 'e')
            String text, @ForAll @IntRange(min = 0, max = 60) int width, @ForAll boolean bold) {
        assertThat(WrappedRows.lines(text, width, bold)).isEqualTo(bySplitting(text, width, bold));
    }

    /** The implementation before issue 11, kept as the reference. */
    private static int bySplitting(String text, int widthChars, boolean bold) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        boolean capitals = bold && text.equals(text.toUpperCase(Locale.ROOT));
        double factor = capitals ? 0.95 : bold ? 1.2 : 1.25;
        int perLine = Math.max(1, (int) (widthChars * factor));
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int used = 0;
            int paragraphLines = 1;
            for (String word : paragraph.split(" ")) {
                int needed = used == 0 ? word.length() : used + 1 + word.length();
                if (needed <= perLine) {
                    used = needed;
                } else if (word.length() <= perLine) {
                    paragraphLines++;
                    used = word.length();
                } else {
                    int wordLines = (word.length() + perLine - 1) / perLine;
                    paragraphLines += (used == 0 ? 0 : 1) + wordLines - 1;
                    used = word.length() - (wordLines - 1) * perLine;
                }
            }
            lines += paragraphLines;
        }
        return lines;
    }
}
