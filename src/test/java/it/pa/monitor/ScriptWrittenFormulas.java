package it.pa.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks as scripts write them (openpyxl turns any text starting with {@code =} into a
 * formula and saves it with an empty cached value, {@code <f>…</f><v></v>}): POI-written .xlsx
 * files are rewritten so that no formula cell keeps a cached value, and tests can check it.
 */
public final class ScriptWrittenFormulas {

    private static final Pattern FORMULA_CELL_VALUE = Pattern.compile("(<f>[^<]*</f>)(?:<v>[^<]*</v>|<v/>)?");
    private static final Pattern CACHED = Pattern.compile("<f>[^<]*</f><v>[^<]+</v>");
    private static final Pattern FORMULA = Pattern.compile("<f>[^<]*</f>");

    private ScriptWrittenFormulas() {
    }

    /** Rewrites every worksheet of {@code file}: each formula cell keeps its formula and an empty cached value. */
    public static Path dropCachedValues(Path file) {
        Path rewritten = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    // A string result type would make an empty value a legitimate cached "" string.
                    xml = xml.replaceAll("(<c [^>]*?) t=\"(?:str|n|b|e)\"([^>]*>)(?=<f>)", "$1$2");
                    content = FORMULA_CELL_VALUE.matcher(xml).replaceAll(m -> Matcher.quoteReplacement(m.group(1))
                            + "<v></v>").getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** How many formula cells the worksheets hold, and how many of them carry a cached value. */
    public static int[] formulasAndCachedValues(Path file) {
        int formulas = 0;
        int cached = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    formulas += (int) FORMULA.matcher(xml).results().count();
                    cached += (int) CACHED.matcher(xml).results().count();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new int[] {formulas, cached};
    }
}
