package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @Test
    void migratesAsFlywaysOwnSetUpWouldWithThePluginsShared(@TempDir Path folder) throws Exception {
        JdbcDataSource ours = h2(folder.resolve("ours"));
        JdbcDataSource plain = h2(folder.resolve("plain"));
        Flyway flyway = new Migrations().flyway(ours);

        assertThat(Migrations.vendor(ours)).isEqualTo("h2");
        assertThat(Arrays.stream(flyway.getConfiguration().getLocations()).map(Location::getDescriptor))
                .containsExactly("classpath:db/migration", "classpath:db/vendor/h2");
        // The Flyway made from the configuration kept its plug-ins: nothing was copied (through Jackson).
        assertThat(flyway.getConfiguration().getPluginRegister()).isInstanceOf(Migrations.SharedPlugins.class);

        flyway.migrate();
        Flyway.configure().dataSource(plain).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        List<String> applied = versions(flyway.info().applied());
        // V1 (the job repository, by vendor), the SQL migrations and the four Java ones (V12, V16, V17, V18).
        assertThat(applied).contains("1", "2", "4", "12", "15", "16", "17", "18", "19", "20", "21").doesNotHaveDuplicates();
        assertThat(applied).isEqualTo(versions(Flyway.configure().dataSource(plain).load().info().applied()));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(columns(ours)).isEqualTo(columns(plain)).contains("PUBLIC.REPORTED_VALUE.RAW_VALUE");
    }

    /**
     * The migration started before the context ({@link Migrations.Early}) leaves the database as the context's own
     * would, which then finds nothing to apply; it is only started for an embedded H2 file database.
     */
    @Test
    void theEarlyMigrationLeavesNothingForTheContextsOwn(@TempDir Path folder) throws Exception {
        JdbcDataSource early = h2(folder.resolve("early"));
        JdbcDataSource plain = h2(folder.resolve("plain"));
        Migrations.Early started = Migrations.Early.start(early.getURL() + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")
                .orElseThrow();
        assertThat(started.failure()).isEmpty();
        Flyway contexts = new Migrations().flyway(early);
        assertThat(contexts.info().pending()).isEmpty();
        assertThat(contexts.migrate().migrationsExecuted).isZero();
        started.close();
        new Migrations().flyway(plain).migrate();
        assertThat(columns(early)).isEqualTo(columns(plain));

        assertThat(Migrations.Early.start("jdbc:h2:mem:early", "sa", "")).isEmpty();
        assertThat(Migrations.Early.start("jdbc:h2:tcp://localhost/monitor", "sa", "")).isEmpty();
        assertThat(Migrations.Early.start("jdbc:postgresql://localhost/monitor", "monitor", "x")).isEmpty();
    }

    /** An early migration that fails is left for the context's own, which meets the problem and reports it. */
    @Test
    void aFailedEarlyMigrationIsLeftForTheContextsOwn(@TempDir Path folder) throws Exception {
        JdbcDataSource source = h2(folder.resolve("db"));
        try (Connection owner = source.getConnection()) {
            // Another user's password: the early connection is refused, and awaiting it does not throw.
            owner.createStatement().execute("ALTER USER SA SET PASSWORD 'altra'");
        }
        Migrations.Early started = Migrations.Early.start(source.getURL(), "sa", "").orElseThrow();
        assertThat(started.failure()).as("not opened: left for the context's own migration").isEmpty();
        started.close();
        source.setPassword("altra");
        assertThat(new Migrations().flyway(source).info().applied()).isEmpty();
    }

    /**
     * A migration that fails once the database is open fails the context's migration with the same exception, the
     * database's own reason in it: Flyway would otherwise only find the failed version recorded.
     */
    @Test
    void aMigrationThatFailsEarlyFailsTheContextsWithItsReason(@TempDir Path folder) throws Exception {
        JdbcDataSource source = h2(folder.resolve("db"));
        Flyway.configure().dataSource(source).locations(Migrations.PORTABLE, Migrations.BY_VENDOR + "h2").target("1")
                .load().migrate();
        try (Connection owner = source.getConnection()) {
            // A table V2 creates, there already: V2 fails.
            owner.createStatement().execute("CREATE TABLE ente (id INT)");
        }
        Migrations.Early started = Migrations.Early.start(source.getURL(), "sa", "").orElseThrow();
        RuntimeException early = started.failure().orElseThrow();
        assertThat(early).hasStackTraceContaining("ENTE");

        var initializer = Migrations.initializer(new Migrations().flyway(source), started);
        assertThatThrownBy(initializer::afterPropertiesSet).isSameAs(early);
    }

    /**
     * A context that fails before its migration (here while its configuration is read, before any bean) waits for
     * the early one and closes its connection: nothing is left migrating, half done, when the command has returned.
     */
    @Test
    void aContextThatFailsLeavesTheEarlyMigrationEnded(@TempDir Path folder) throws Exception {
        System.setProperty("spring.autoconfigure.exclude", "it.pa.monitor.NoSuchConfiguration");
        CommandRun run;
        try {
            run = CommandRun.of("run", "--period", "2025", "--inbox", folder.resolve("in").toString(),
                    "--output", folder.resolve("out").toString(), "--db", CommandRun.fileDb(folder));
        } finally {
            System.clearProperty("spring.autoconfigure.exclude");
        }

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("migrazione") && t.isAlive());
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(CommandRun.fileDb(folder));
        source.setUser("sa");
        source.setPassword("");
        try (Connection only = source.getConnection()) {
            var sessions = only.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
            sessions.next();
            assertThat(sessions.getInt(1)).as("sessions open on the database: this test's only").isEqualTo(1);
        }
        Flyway flyway = new Migrations().flyway(source);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
    }

    private static JdbcDataSource h2(Path file) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + file.toAbsolutePath());
        source.setUser("sa");
        source.setPassword("");
        return source;
    }

    private static List<String> versions(MigrationInfo[] infos) {
        return Arrays.stream(infos).filter(i -> i.getVersion() != null).map(i -> i.getVersion().getVersion())
                .toList();
    }

    /** Every column of the database with its type and nullability, in a stable order. */
    private static List<String> columns(JdbcDataSource source) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = source.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME,"
                        + " COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                        + " 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME, COLUMN_NAME")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + "." + rows.getString(2) + "." + rows.getString(3));
                columns.add(rows.getString(4) + " " + rows.getString(5));
            }
        }
        return columns;
    }
}
