package it.pa.monitor.intake.inbox;

import it.pa.monitor.workbook.FileDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lists the inbox: skips lock files, hidden files and files still being written, identifies
 * each other file by its sha256 and recognises what it is. The order is the processing order:
 * plans, then monitoring sheets by receipt time, then overrides, then unknown files.
 */
@Component
public class InboxScanner {

    /** What a scan found. */
    public record Scan(List<InboxFile> files, List<SkippedFile> skipped) {
    }

    private final WorkbookClassifier classifier;
    private final long stableMillis;

    public InboxScanner(WorkbookClassifier classifier,
                        @Value("${monitor.intake.stable-seconds:2}") double stableSeconds) {
        this.classifier = classifier;
        this.stableMillis = (long) (stableSeconds * 1000);
    }

    public Scan scan(Path inbox) {
        List<SkippedFile> skipped = new ArrayList<>();
        Map<Path, BasicFileAttributes> candidates = new HashMap<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            for (Path path : entries.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.startsWith("~$") || name.startsWith(".~lock")) {
                    continue; // Excel's and LibreOffice's lock files: never submissions, not worth a line
                }
                if (name.startsWith(".") || Files.isHidden(path)) {
                    continue;
                }
                candidates.put(path, Files.readAttributes(path, BasicFileAttributes.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilStable(candidates, skipped);
        // Each file hashed and opened on any core: a thousand small workbooks took a second on one.
        List<InboxFile> files = new ArrayList<>(candidates.entrySet().parallelStream()
                .map(candidate -> identified(candidate.getKey(), candidate.getValue())).toList());
        files.sort(Comparator.comparing((InboxFile f) -> order(f.kind())).thenComparing(InboxFile::receivedAt)
                .thenComparing(InboxFile::fileName));
        return new Scan(files, skipped);
    }

    private InboxFile identified(Path path, BasicFileAttributes attributes) {
        return new InboxFile(path.toString(), path.getFileName().toString(), FileDigest.sha256(path),
                classifier.classify(path), attributes.size(), attributes.lastModifiedTime().toInstant());
    }

    /** A file modified in the last seconds may still be copying: look again after a pause. */
    private void waitUntilStable(Map<Path, BasicFileAttributes> candidates, List<SkippedFile> skipped) {
        Instant recent = Instant.now().minusMillis(stableMillis);
        boolean anyRecent = candidates.values().stream()
                .anyMatch(a -> a.lastModifiedTime().toInstant().isAfter(recent));
        if (!anyRecent || stableMillis == 0) {
            return;
        }
        try {
            Thread.sleep(stableMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Path path : new ArrayList<>(candidates.keySet())) {
            BasicFileAttributes before = candidates.get(path);
            try {
                BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
                if (now.size() != before.size() || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
                    candidates.remove(path);
                    skipped.add(new SkippedFile(path.getFileName().toString(),
                            "file ancora in scrittura: sarà elaborato alla prossima esecuzione"));
                } else {
                    candidates.put(path, now);
                }
            } catch (IOException e) {
                candidates.remove(path); // gone while we waited: nothing to process
            }
        }
    }

    private static int order(WorkbookKind kind) {
        return switch (kind) {
            case PLAN -> 0;
            case MONITORING_SHEET -> 1;
            case OVERRIDES -> 2;
            case UNKNOWN -> 3;
        };
    }
}
