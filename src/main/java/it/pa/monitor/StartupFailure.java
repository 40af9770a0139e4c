package it.pa.monitor;

import it.pa.monitor.problem.FailureMessage;
import java.sql.SQLException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure (to start: the database locked by another process; or of a command: a folder
 * that cannot be written) into one sentence on the console and exit code 1; the stack trace goes
 * to the log.
 */
public final class StartupFailure {

    private static final Logger log = LoggerFactory.getLogger("it.pa.monitor.failure");
    /** H2's "Database may be already in use" (another process holds the file database). */
    private static final int H2_DATABASE_IN_USE = 90020;

    private StartupFailure() {
    }

    static int exitCode(IntSupplier application) {
        try {
            return application.getAsInt();
        } catch (RuntimeException e) {
            log.error("The application could not start", e);
            System.err.println(sentence(e));
            return 1;
        }
    }

    /** True when another process holds the H2 file database. */
    static boolean databaseInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_IN_USE
                    || String.valueOf(sql.getMessage()).contains("already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** The one sentence a user reads: the innermost cause that says something. */
    public static String sentence(Throwable failure) {
        if (databaseInUse(failure)) {
            return "Il database è usato da un altro processo del monitoraggio (un comando run o watch in corso):"
                    + " attendere che finisca, o fermarlo, e riprovare.";
        }
        return "Errore: " + FailureMessage.of(failure) + " (dettagli nel log).";
    }
}
