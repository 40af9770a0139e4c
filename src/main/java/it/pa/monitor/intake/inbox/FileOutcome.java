package it.pa.monitor.intake.inbox;

/** Whether a file's content was taken (as a whole) or sent back. */
public enum FileOutcome {
    ACCEPTED, REJECTED
}
