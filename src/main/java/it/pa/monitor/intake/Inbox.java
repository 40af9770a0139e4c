package it.pa.monitor.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The workbooks waiting in the inbox folder (its sub-folders, such as archivio, are not scanned). */
public record Inbox(Path folder) {

    public List<Path> workbooks() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(Inbox::isWorkbookName)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWorkbookName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        // Excel's lock files (~$...) and hidden files are never submissions.
        return !name.startsWith("~$") && !name.startsWith(".")
                && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls"));
    }
}
