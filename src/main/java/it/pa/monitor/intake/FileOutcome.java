package it.pa.monitor.intake;

/** Whether a file's content was taken (as a whole) or sent back. */
public enum FileOutcome {
    ACCEPTED, REJECTED
}
