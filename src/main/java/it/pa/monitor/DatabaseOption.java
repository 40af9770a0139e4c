package it.pa.monitor;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database options {@code --db JDBC_URL} and {@code --db-user USER}, found among the raw
 * arguments before Spring starts, and the password, taken only from the environment variable
 * {@value #PASSWORD_VARIABLE}: a password on the command line would sit in the shell history and
 * in the process list.
 */
record DatabaseOption(String url, String user, String password) {

    static final String PASSWORD_VARIABLE = "MONITOR_DB_PASSWORD";

    static DatabaseOption of(String[] args, Map<String, String> environment) {
        return new DatabaseOption(find(args, "--db").orElse(null), find(args, "--db-user").orElse(null),
                environment.get(PASSWORD_VARIABLE));
    }

    static Optional<String> find(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(option + "=")) {
                return Optional.of(args[i].substring(option.length() + 1));
            }
            if (args[i].equals(option) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** True when the URL carries a password, which the program refuses (see the class comment). */
    boolean passwordInUrl() {
        return url != null && url.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*");
    }

    /**
     * The Spring properties for the chosen database. H2 is told to flush each commit to disk (files
     * move out of the inbox only once their rows are committed); PostgreSQL does that by itself.
     */
    Map<String, Object> properties(String effectiveUrl) {
        Map<String, Object> properties = new HashMap<>();
        if (url != null) {
            properties.put("spring.datasource.url", url);
        }
        boolean h2 = effectiveUrl != null && effectiveUrl.startsWith("jdbc:h2:");
        if (h2) {
            // The embedded database's own user; a password meant for the shared database is not for it.
            properties.put("spring.datasource.username", user != null ? user : "sa");
            properties.put("spring.datasource.password", "");
        } else {
            if (user != null) {
                properties.put("spring.datasource.username", user);
            }
            if (password != null) {
                properties.put("spring.datasource.password", password);
            }
        }
        if (embeddedH2File(effectiveUrl)) {
            properties.put("spring.datasource.hikari.connection-init-sql", "SET WRITE_DELAY 0");
        }
        return properties;
    }

    /**
     * True for an H2 database in a file this process opens itself: {@code jdbc:h2:file:PATH} or a bare path
     * ({@code jdbc:h2:./data/monitor}, {@code jdbc:h2:~/monitor}, {@code jdbc:h2:/srv/monitor}), which H2 opens the
     * same way; not one in memory, on a server or in a (read-only) zip.
     */
    static boolean embeddedH2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    /** The URL as it may be shown: without its parameters, which could hold credentials. */
    static String shown(String url) {
        if (url == null) {
            return "";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
