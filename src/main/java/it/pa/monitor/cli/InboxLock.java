package it.pa.monitor.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An operating-system lock on {@code <inbox>/.monitor.lock}, held while a {@code run} or
 * {@code watch} works on an inbox, so two processes never take the same files. The lock goes with
 * the process (also when it is killed); the file stays, hidden, and is never a submission.
 */
final class InboxLock implements AutoCloseable {

    static final String FILE = ".monitor.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or this one) holds it. */
    static Optional<InboxLock> tryAcquire(Path inbox) throws IOException {
        Path file = inbox.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        hideOnWindows(file);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InboxLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by another command of this same JVM
        }
        channel.close();
        return Optional.empty();
    }

    /** A leading dot hides it on Linux and macOS; on Windows the file needs the hidden attribute. */
    private static void hideOnWindows(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("dos")) {
                Files.setAttribute(file, "dos:hidden", true);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not hidden: harmless, intake skips it by name
        }
    }

    static String refusal(Path inbox) {
        return "Un altro processo del monitoraggio sta già lavorando sulla cartella di arrivo "
                + inbox.toAbsolutePath().normalize() + " (blocco " + FILE + "): fermarlo, o attendere che finisca,"
                + " prima di avviarne un altro.";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
