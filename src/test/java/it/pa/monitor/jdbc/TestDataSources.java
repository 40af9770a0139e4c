package it.pa.monitor.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Databases for a repository test class: new in-memory H2 databases, and the default database of one embedded
 * PostgreSQL server (real binaries from Maven, no Docker) started on first use and stopped by {@link #close()}.
 */
public final class TestDataSources implements AutoCloseable {

    private EmbeddedPostgres postgres;

    /** {@code "h2"}: a new in-memory database; {@code "postgresql"}: the server's default one (earlier tables stay). */
    public DataSource fresh(String kind, String prefix) throws IOException {
        return kind.equals("h2") ? h2(prefix) : postgres();
    }

    /** A new in-memory H2 database, kept while the JVM runs (every connection may close). */
    public static DataSource h2(String prefix) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + prefix + "_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** The PostgreSQL server's default database; the server starts on the first call. */
    public synchronized DataSource postgres() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
        }
        return postgres.getPostgresDatabase();
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
