package it.pa.monitor.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A query whose rows are handled one at a time as the database reads them. H2 otherwise builds a query's whole
 * result before handing over the first row, and a result over {@code h2.maxMemoryRows} (20 000 rows at
 * {@code -Xmx512m}) goes through a temporary store: each of a period's 60 000 values or scores written there and
 * read back. So on H2 the statement runs with the session's {@code LAZY_QUERY_EXECUTION} on (off again
 * afterwards); on PostgreSQL the fetch size makes the driver read the rows in blocks through a cursor, which it
 * does only inside a transaction: on a connection outside one (a pool's, on a thread of its own) the query runs in a
 * transaction of its own, ended with it. The rows, their order and their values are the same either way.
 */
public final class StreamedQuery {

    /** Rows per block fetched from PostgreSQL. */
    static final int FETCH_SIZE = 500;

    private final JdbcOperations jdbc;

    public StreamedQuery(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} (named parameters) and hands each row to {@code rows}, in the query's order. */
    public void forEach(String sql, SqlParameterSource parameters, RowCallbackHandler rows) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        List<SqlParameter> declared = NamedParameterUtils.buildSqlParameterList(parsed, parameters);
        PreparedStatementCreator statement = new PreparedStatementCreatorFactory(
                NamedParameterUtils.substituteNamedParameters(parsed, parameters), declared)
                .newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, parameters, null));
        // One connection for the setting and the query: the transaction's, or one of the pool's for both.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean lazy = isH2(connection);
            // Without a transaction PostgreSQL's driver ignores the fetch size and reads the whole result first.
            boolean ownTransaction = !lazy && connection.getAutoCommit();
            if (lazy) {
                setLazy(connection, true);
            }
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            boolean read = false;
            try (PreparedStatement ps = statement.createPreparedStatement(connection)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.processRow(rs);
                    }
                }
                read = true;
            } finally {
                if (lazy) {
                    setLazy(connection, false);
                }
                if (ownTransaction) {
                    end(connection, read);
                }
            }
            return null;
        });
    }

    /** Ends the query's own transaction (committed after a whole read, else rolled back) and autocommits again. */
    private static void end(Connection connection, boolean read) throws SQLException {
        try {
            if (read) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean isH2(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static void setLazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + on);
        }
    }
}
