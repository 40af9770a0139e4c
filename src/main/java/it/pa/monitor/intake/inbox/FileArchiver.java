package it.pa.monitor.intake.inbox;

import it.pa.monitor.intake.rejection.ErrorReportWriter;
import it.pa.monitor.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a processed file out of the inbox, only once its outcome is committed: accepted files to
 * {@code <inbox>/archivio/<periodo>/}, rejected ones to {@code <inbox>/scarti/<periodo>/} with
 * {@code <output>/<periodo>/scarti/<file>-errori.xlsx} next to the office's copy.
 */
@Component
public class FileArchiver {

    private static final Logger log = LoggerFactory.getLogger(FileArchiver.class);

    private final FileLedger ledger;
    private final ErrorReportWriter reports;

    public FileArchiver(FileLedger ledger, ErrorReportWriter reports) {
        this.ledger = ledger;
        this.reports = reports;
    }

    /** Moves the file if the ledger knows its content; returns where it went, or null if it stays. */
    public Path archive(InboxFile file, Path inbox, Path output) {
        if (!Files.exists(file.file())) {
            return null;
        }
        FileLedger.Entry entry = ledger.find(file.sha256()).orElse(null);
        if (entry == null) {
            return null; // not processed (yet): it stays for the next run
        }
        boolean accepted = entry.outcome() == FileOutcome.ACCEPTED;
        if (!accepted) {
            List<Problem> problems = ledger.problems(entry.id()).stream().filter(Problem::isError).toList();
            // Written before the move, from the committed problems, so a crash can only repeat it.
            reports.write(file.file(), problems, output.resolve(entry.period()).resolve("scarti"));
        }
        Path folder = inbox.resolve(accepted ? "archivio" : "scarti").resolve(entry.period());
        Path target = move(file.file(), folder);
        log.info("{} {} -> {}", accepted ? "Archived" : "Rejected", file.fileName(), target);
        return target;
    }

    private static Path move(Path source, Path folder) {
        try {
            Files.createDirectories(folder);
            Path target = freeName(folder, source.getFileName().toString());
            try {
                return Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An office resending a corrected file keeps its name: earlier copies are not overwritten. */
    private static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(base + " (" + n + ")" + extension);
        }
        return target;
    }
}
