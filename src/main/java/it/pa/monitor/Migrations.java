package it.pa.monitor;

import it.pa.monitor.concurrent.Futures;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.internal.plugin.PluginRegister;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Flyway, migrating the database before anything reads it: the portable migrations in {@value #PORTABLE}, what
 * differs by database (the job repository's DDL) in {@value #BY_VENDOR}{@code <h2|postgresql>}. Spring Boot's
 * Flyway auto-configuration is left out (application.properties) for one reason: every {@code Flyway} it builds
 * copies Flyway's plug-in settings through a JSON round trip, which costs every command some 560 Jackson classes
 * and a third of a second of start-up (issue 11); here the plug-ins are shared instead of copied. The settings are
 * Flyway's defaults, which are also Spring Boot's; Spring's database-initialisation ordering (beans that use the
 * database wait for the migration) works from the {@link FlywayMigrationInitializer} bean as before.
 */
@Configuration(proxyBeanMethods = false)
class Migrations {

    static final String PORTABLE = "classpath:db/migration";
    static final String BY_VENDOR = "classpath:db/vendor/";

    @Bean
    Flyway flyway(DataSource dataSource) {
        return flywayOf(dataSource);
    }

    /**
     * Migrates when the context reaches the database's users, as Spring Boot's initializer does; a migration
     * {@linkplain Early started early} is waited for first, so this one finds nothing left to apply, or fails
     * with what made the early one fail (had the database not opened, this one meets the same problem).
     */
    @Bean
    FlywayMigrationInitializer flywayInitializer(Flyway flyway, ObjectProvider<Early> early) {
        return initializer(flyway, early.getIfAvailable());
    }

    /** The initializer of {@link #flywayInitializer}, after the migration {@code started} early (null: none). */
    static FlywayMigrationInitializer initializer(Flyway flyway, Early started) {
        return new FlywayMigrationInitializer(flyway, migration -> {
            if (started != null) {
                started.failure().ifPresent(e -> {
                    throw e;
                });
            }
            try {
                migration.migrate();
            } finally {
                if (started != null) {
                    started.close();
                }
            }
        });
    }

    /** The application's Flyway on {@code dataSource}: Flyway's defaults, the locations of the database's kind. */
    static Flyway flywayOf(DataSource dataSource) {
        ClassicConfiguration configuration = new ClassicConfiguration(Migrations.class.getClassLoader());
        configuration.setPluginRegister(new SharedPlugins());
        configuration.setDataSource(dataSource);
        configuration.setLocationsAsStrings(PORTABLE, BY_VENDOR + vendor(dataSource));
        return new Flyway(configuration);
    }

    /** The folder name of the database's own migrations ({@code h2}, {@code postgresql}), as Spring Boot names it. */
    static String vendor(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return DatabaseDriver.fromProductName(JdbcUtils.commonDatabaseName(product)).getId();
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }

    /**
     * Flyway's plug-ins, found once and shared by the {@code Flyway} made from this configuration instead of
     * copied through Jackson (the configuration is not used for anything else, so nothing else sees them).
     */
    static final class SharedPlugins extends PluginRegister {
        @Override
        public PluginRegister getCopy() {
            return this;
        }
    }

    /**
     * The migration of an embedded H2 file database started before the context, on a thread of its own and a
     * connection of its own: opening the file and applying the migrations (half a second on a new database) then
     * run beside Spring's start-up, on the core it leaves mostly idle, instead of in it. A database that cannot be
     * opened is left for the context to meet and report as it always did; a migration that fails once the database
     * is open fails the context's migration with the same exception ({@link #failure}), since Flyway would only
     * find the failed version recorded.
     */
    static final class Early implements AutoCloseable {

        private final Future<Void> migrated;
        /** The connection that keeps the database open, null once known that there is none. */
        private final CompletableFuture<Connection> connection = new CompletableFuture<>();

        private Early(String url, String user, String password) {
            migrated = Futures.start("migrazione", () -> {
                migrate(url, user, password);
                return null;
            });
        }

        private void migrate(String url, String user, String password) {
            try {
                // Held until the context has connections of its own: H2 closes a database with its last one.
                connection.complete(DriverManager.getConnection(url, user, password));
            } catch (SQLException | RuntimeException e) {
                return; // not opened: the context opens it, or says why it cannot
            } finally {
                connection.complete(null); // no-op once the connection is there
            }
            flywayOf(new DriverManagerDataSource(url, user, password)).migrate();
        }

        /** Starts the migration of {@code url} if it is an embedded H2 file database. */
        static Optional<Early> start(String url, String user, String password) {
            return DatabaseOption.embeddedH2File(url) ? Optional.of(new Early(url, user, password)) : Optional.empty();
        }

        /**
         * Holds back the context's data sources until the migration has ended: a connection made meanwhile would
         * wait for H2's schema lock, which the migration's DDL holds, and could time out.
         */
        BeanPostProcessor beforeDataSources() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource) {
                        failure();
                    }
                    return bean;
                }
            };
        }

        /** Waits for the migration to end; what made it fail once the database was open, if it did. */
        Optional<RuntimeException> failure() {
            try {
                migrated.get();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of(e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(new IllegalStateException("migrazione interrotta", e));
            }
        }

        /**
         * Waits for the migration and closes the early connection: once the context has its own (the database
         * stays open), or when the context failed to start (nothing is left running or open).
         */
        @Override
        public void close() {
            failure();
            try {
                Connection opened = connection.get();
                if (opened != null && !opened.isClosed()) {
                    opened.close();
                }
            } catch (ExecutionException | SQLException e) {
                // Nothing was left open, or nothing can be done about it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
