package it.pa.monitor;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.internal.plugin.PluginRegister;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        ClassicConfiguration configuration = new ClassicConfiguration(Migrations.class.getClassLoader());
        configuration.setPluginRegister(new SharedPlugins());
        configuration.setDataSource(dataSource);
        configuration.setLocationsAsStrings(PORTABLE, BY_VENDOR + vendor(dataSource));
        return new Flyway(configuration);
    }

    @Bean
    FlywayMigrationInitializer flywayInitializer(Flyway flyway) {
        return new FlywayMigrationInitializer(flyway);
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
}
