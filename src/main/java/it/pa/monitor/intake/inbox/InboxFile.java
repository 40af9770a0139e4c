package it.pa.monitor.intake.inbox;

import java.nio.file.Path;
import java.time.Instant;

/** A file found in the inbox: its identity (sha256), what it is, when it arrived. */
public record InboxFile(String path, String fileName, String sha256, WorkbookKind kind, long size,
                        Instant receivedAt) {

    public Path file() {
        return Path.of(path);
    }
}
