package it.pa.monitor;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Turns a database that cannot be opened at start-up (wrong URL, user or password, a server that
 * is down) into one sentence for the person running the command, instead of a stack trace.
 */
final class DatabaseFailure {

    private DatabaseFailure() {
    }

    /** The sentence for {@code failure}, or empty when the failure is not about opening the database. */
    static Optional<String> describe(Throwable failure, String url) {
        String shown = DatabaseOption.shown(url);
        SQLException sql = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return Optional.of(unreachable(shown));
            }
            if (sql == null && t instanceof SQLException e) {
                sql = e;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Failed to get driver instance") || message.contains("No suitable driver")
                    || message.contains("claims to not accept jdbcUrl")) {
                return Optional.of("The database URL '" + shown + "' is not one the program can use: write"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE or jdbc:h2:file:PATH.");
            }
        }
        if (sql == null) {
            return Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08004: the server rejected the connection, for PostgreSQL's driver a password it needs and was not given.
        if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
            return Optional.of("The database at '" + shown + "' refused the user and password: check --db-user and"
                    + " the password in the environment variable " + DatabaseOption.PASSWORD_VARIABLE + ".");
        }
        if (state.equals("3D000")) {
            return Optional.of("The database named in '" + shown + "' does not exist on that server: check the"
                    + " database name in --db.");
        }
        if (state.startsWith("08")) {
            return Optional.of(unreachable(shown));
        }
        if (state.equals("90020")) {
            return Optional.of("The H2 database '" + shown + "' is in use by another run: wait for it to end, or use a"
                    + " shared PostgreSQL database (--db jdbc:postgresql://...) to run several at once.");
        }
        return Optional.of("The database at '" + shown + "' could not be opened: "
                + String.valueOf(sql.getMessage()).strip().replaceAll("\\s+", " ") + ".");
    }

    private static String unreachable(String shown) {
        return "The database at '" + shown + "' cannot be reached: check the host and port in --db and that the"
                + " server is running.";
    }
}
