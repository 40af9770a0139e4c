package it.pa.monitor;

import java.util.Optional;

/** Finds the {@code --db JDBC_URL} option among the raw arguments, before Spring starts. */
final class DatabaseOption {

    private DatabaseOption() {
    }

    static Optional<String> find(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--db=")) {
                return Optional.of(args[i].substring("--db=".length()));
            }
            if (args[i].equals("--db") && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
