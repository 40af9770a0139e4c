package it.pa.monitor.intake.inbox;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.intake.rejection.ErrorReportWriter;
import it.pa.monitor.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Moves each file whose content the ledger knows, in order, to {@code archivio} or {@code scarti};
     * the rejected files' error reports are written first, on all cores, each before its file is moved.
     * A file not processed (yet) stays for the next run. The ledger is made durable first (a power failure must
     * not take back an outcome whose file was moved). Returns how many files were moved. A report that
     * cannot be written stops the moves there.
     */
    public int archiveAll(List<InboxFile> files, Path inbox, Path output) {
        List<Committed> found = new ArrayList<>();
        for (InboxFile file : files) {
            Committed committed = committed(file);
            if (committed != null) {
                found.add(committed);
            }
        }
        if (!found.isEmpty()) {
            ledger.makeDurable(); // what the moves rely on, on the disk before the first of them
        }
        long rejected = found.stream().filter(c -> !c.accepted()).count();
        int threads = (int) Math.min(Runtime.getRuntime().availableProcessors(), rejected);
        // One report or one core: written in line, just before its file moves.
        ExecutorService pool = threads < 2 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "rapporti-errori");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<String> reportNames = reportNames(found);
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                Committed c = found.get(i);
                String name = reportNames.get(i);
                written.add(c.accepted() || pool == null ? null : pool.submit(() -> writeReport(c, name, output)));
            }
            int moved = 0;
            for (int i = 0; i < found.size(); i++) {
                Committed c = found.get(i);
                if (written.get(i) != null) {
                    awaitReport(written.get(i));
                } else if (!c.accepted()) {
                    writeReport(c, reportNames.get(i), output);
                }
                moved += moveIfStillThere(c, inbox) ? 1 : 0;
            }
            return moved;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** A file still in the inbox whose outcome the ledger knows, with its problems if it was rejected. */
    private record Committed(InboxFile file, FileLedger.Entry entry, List<Problem> errors) {

        boolean accepted() {
            return entry.outcome() == FileOutcome.ACCEPTED;
        }
    }

    private Committed committed(InboxFile file) {
        if (!Files.exists(file.file())) {
            return null;
        }
        FileLedger.Entry entry = ledger.find(file.sha256()).orElse(null);
        if (entry == null) {
            return null; // not processed (yet): it stays for the next run
        }
        List<Problem> errors = entry.outcome() == FileOutcome.ACCEPTED ? List.of()
                : ledger.problems(entry.id()).stream().filter(Problem::isError).toList();
        return new Committed(file, entry, errors);
    }

    /**
     * The report name of each rejected file (null for an accepted one): two rejected files of a period whose names
     * give the same report name, on a file system that ignores case too ({@code scheda.xlsx} and
     * {@code Scheda.ods}), get one each, in the order they are archived.
     */
    private static List<String> reportNames(List<Committed> found) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Committed c : found) {
            if (c.accepted()) {
                names.add(null);
                continue;
            }
            String name = c.file().fileName();
            // A numbered name may be taken too: "scheda (2).xlsx" sent beside scheda.xlsx and scheda.ods.
            int nth = 1;
            String report = ErrorReportWriter.reportFileName(name, nth);
            while (!taken.add(c.entry().period() + "/" + report.toLowerCase(Locale.ROOT))) {
                report = ErrorReportWriter.reportFileName(name, ++nth);
            }
            names.add(report);
        }
        return names;
    }

    /** Written before the move, from the committed problems, so a crash can only repeat it. */
    private void writeReport(Committed committed, String reportName, Path output) {
        reports.write(committed.file().file(), committed.errors(),
                output.resolve(committed.entry().period()).resolve("scarti"), reportName);
    }

    private static void awaitReport(Future<?> report) {
        Futures.await(report, "archiving interrupted");
    }

    /**
     * The files were found at the start of archiveAll; one another run (sharing the database and the
     * inbox) moved in the meantime is left to it rather than failing the step.
     */
    private boolean moveIfStillThere(Committed committed, Path inbox) {
        try {
            move(committed, inbox);
            return true;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException && !Files.exists(committed.file().file())) {
                log.info("{} already moved by another run", committed.file().fileName());
                return false;
            }
            throw e;
        }
    }

    private Path move(Committed committed, Path inbox) {
        InboxFile file = committed.file();
        boolean accepted = committed.accepted();
        Path folder = inbox.resolve(accepted ? "archivio" : "scarti").resolve(committed.entry().period());
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
