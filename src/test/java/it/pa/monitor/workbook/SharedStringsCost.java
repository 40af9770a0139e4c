package it.pa.monitor.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * What the shared strings of a file written by POI cost against a reader's limit ({@link XlsxSheets#open(Path,
 * long)}), worked out from the part itself, apart from the reader: each plain {@code <t>} text's characters and
 * {@link XlsxSheets#SHARED_STRING_COST} for the string.
 */
public final class SharedStringsCost {

    private static final Pattern PLAIN = Pattern.compile("<si><t(?: xml:space=\"preserve\")?>([^<]*)</t></si>");
    private static final Pattern ANY = Pattern.compile("<si>");

    private SharedStringsCost() {
    }

    /** The cost of {@code file}'s shared strings; every one of them must be a plain text. */
    public static long of(Path file) throws IOException {
        String part = part(file);
        Matcher plain = PLAIN.matcher(part);
        long cost = 0;
        int strings = 0;
        while (plain.find()) {
            String text = plain.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&amp;", "&");
            assertThat(text).as("no Excel escapes in the test's texts").doesNotContain("_x");
            cost += text.length() + XlsxSheets.SHARED_STRING_COST;
            strings++;
        }
        assertThat(ANY.matcher(part).results().count()).as("only plain texts").isEqualTo(strings);
        return cost;
    }

    /** How many shared strings {@code file} holds. */
    public static long strings(Path file) throws IOException {
        return ANY.matcher(part(file)).results().count();
    }

    private static String part(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("xl/sharedStrings.xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
