package it.pa.monitor.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database for one test run: an H2 file database in the test's folder, or a new database
 * on one embedded PostgreSQL server (real binaries from Maven, no Docker) shared by the tests of
 * the JVM. The server asks a password of every user but its superuser, as a real one would.
 */
public record TestDatabase(Kind kind, String url, String user, String password) {

    /** The two databases the program runs on. */
    enum Kind { H2, POSTGRESQL }

    static final String USER = "monitor";
    static final String PASSWORD = "segreta-di-prova";

    static TestDatabase create(Kind kind, Path work) {
        if (kind == Kind.H2) {
            return new TestDatabase(kind, "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath(), null, null);
        }
        String name = "monitor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Postgres.execute("CREATE DATABASE " + name + " OWNER " + USER);
        return new TestDatabase(kind, Postgres.url(name), USER, PASSWORD);
    }

    /** {@code --db URL [--db-user USER]}: the password never goes on the command line. */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("--db", url));
        if (user != null) {
            args.addAll(List.of("--db-user", user));
        }
        return args;
    }

    /** The environment of a run: the password, in MONITOR_DB_PASSWORD. */
    Map<String, String> environment() {
        return password == null ? Map.of() : Map.of("MONITOR_DB_PASSWORD", password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user == null ? "sa" : user, password == null ? "" : password);
    }

    /** The shared server, started on first use and stopped when the JVM ends. */
    static final class Postgres {

        private static final EmbeddedPostgres SERVER = start();

        private Postgres() {
        }

        static String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + SERVER.getPort() + "/" + database;
        }

        static int port() {
            return SERVER.getPort();
        }

        /** Runs a statement as the superuser. */
        static void execute(String sql) {
            try (Connection connection = SERVER.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectoryCustomizer(dir -> writePasswordRule(dir.toPath()))
                        .setServerConfig("max_connections", "200")
                        .start();
                try (Connection connection = server.getPostgresDatabase().getConnection();
                     var statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
                return server;
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }

        /** The superuser (test set-up) is trusted; every other user gives a password (scram-sha-256). */
        private static void writePasswordRule(Path dataDirectory) {
            try {
                Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                        "local all all trust",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "host all all 127.0.0.1/32 scram-sha-256",
                        "host all all ::1/128 scram-sha-256", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
