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
                return Optional.of("L'URL del database «" + shown + "» non è utilizzabile dal programma: scrivere"
                        + " jdbc:postgresql://HOST[:PORTA]/DATABASE o jdbc:h2:file:PERCORSO.");
            }
        }
        if (sql == null) {
            return Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08004: the server rejected the connection, for PostgreSQL's driver a password it needs and was not given.
        if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
            return Optional.of("Il database «" + shown + "» ha rifiutato utente e password: controllare --db-user e"
                    + " la password nella variabile d'ambiente " + DatabaseOption.PASSWORD_VARIABLE + ".");
        }
        if (state.equals("3D000")) {
            return Optional.of("Il database indicato in «" + shown + "» non esiste su quel server: controllare il"
                    + " nome del database in --db.");
        }
        if (state.startsWith("08")) {
            return Optional.of(unreachable(shown));
        }
        if (state.equals("90020")) {
            return Optional.of("Il database H2 «" + shown + "» è usato da un'altra elaborazione: attendere che finisca,"
                    + " o usare un database PostgreSQL condiviso (--db jdbc:postgresql://...) per eseguirne più"
                    + " d'una insieme.");
        }
        return Optional.of("Il database «" + shown + "» non può essere aperto: "
                + String.valueOf(sql.getMessage()).strip().replaceAll("\\s+", " ") + ".");
    }

    private static String unreachable(String shown) {
        return "Il database «" + shown + "» non è raggiungibile: controllare host e porta in --db e che il server"
                + " sia avviato.";
    }
}
