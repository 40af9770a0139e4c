package it.pa.monitor.problem;

/**
 * Whether a problem rejects what it was found in. The constant names are the text stored in the
 * database ({@code file_problem.severity}) and shown in the run summary, so they stay in Italian.
 */
public enum Severity {
    /** Rejects the file (or the plan). */
    ERRORE,
    /** Kept with the accepted file (or plan) and listed in Qualità dati. */
    AVVISO
}
