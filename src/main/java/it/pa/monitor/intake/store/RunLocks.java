package it.pa.monitor.intake.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Database locks that let several runs share one database: two runs never process the same file
 * (same content) at once, nor update the values in force or the scores of one period at once. On
 * PostgreSQL they are transaction-scoped advisory locks: held until the transaction that took them
 * ends, released by the server if the run dies. An H2 file database needs none: H2 lets only one
 * process open it.
 */
@Component
public class RunLocks {

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean postgres;

    public RunLocks(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
        this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Waits until no other run holds the file with this content, then holds it until the transaction ends. */
    public void lockFile(String sha256) {
        lock("file:" + sha256);
    }

    /** Waits until no other run writes values or scores of this period, then holds it until the transaction ends. */
    public void lockPeriod(String period) {
        lock("period:" + period);
    }

    private void lock(String name) {
        if (!postgres) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a run lock is held until its transaction ends: take it in one");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(:key)", java.util.Map.of("key", key(name)), (RowCallbackHandler) row -> { });
    }

    /** A 64-bit key from the name's SHA-256: collisions are so unlikely, and would only make a run wait. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
