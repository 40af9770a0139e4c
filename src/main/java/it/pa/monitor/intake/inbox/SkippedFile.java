package it.pa.monitor.intake.inbox;

/** A file left in the inbox this run, and why (still being written, a lock file...). */
public record SkippedFile(String fileName, String reason) {
}
