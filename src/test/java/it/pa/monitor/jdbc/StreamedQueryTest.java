package it.pa.monitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A streamed query gives the rows of the same query run plainly, in its order, on both databases; on H2 its
 * session reads lazily during the query only, also when handling a row fails.
 */
class StreamedQueryTest {

    /** More rows than H2 keeps in memory for a result at this test's heap or at -Xmx512m. */
    private static final int ROWS = 45_000;

    private static final TestDataSources DATABASES = new TestDataSources();

    @AfterAll
    static void stopPostgres() throws IOException {
        DATABASES.close();
    }

    private static JdbcTemplate database(String kind) throws IOException, SQLException {
        return database(kind, false);
    }

    /** {@code autoCommit}: the connection as a pool hands it out outside a transaction (a thread of its own). */
    private static JdbcTemplate database(String kind, boolean autoCommit) throws IOException, SQLException {
        Connection connection;
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:streamed_" + UUID.randomUUID().toString().replace("-", ""));
            h2.setUser("sa");
            connection = h2.getConnection();
        } else {
            connection = DATABASES.postgres().getConnection();
        }
        // One connection, in a transaction as the steps' (PostgreSQL reads by cursor only then).
        connection.setAutoCommit(false);
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("DROP TABLE IF EXISTS sample");
        jdbc.execute("CREATE TABLE sample (grp INT NOT NULL, seq INT NOT NULL, label VARCHAR, PRIMARY KEY (grp, seq))");
        jdbc.batchUpdate("INSERT INTO sample (grp, seq, label) VALUES (?, ?, ?)", rows(), 5_000,
                (ps, row) -> {
                    ps.setInt(1, row[0]);
                    ps.setInt(2, row[1]);
                    ps.setString(3, row[1] % 7 == 0 ? null : "riga " + row[0] + "." + row[1]);
                });
        if (autoCommit) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        return jdbc;
    }

    private static List<int[]> rows() {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new int[] {i % 3, ROWS - i});
        }
        return rows;
    }

    private static final String QUERY = "SELECT seq, label FROM sample WHERE grp = :grp ORDER BY grp, seq";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void givesTheRowsOfThePlainQueryInItsOrder(String kind) throws Exception {
        JdbcTemplate jdbc = database(kind);
        MapSqlParameterSource grp = new MapSqlParameterSource("grp", 1);
        List<String> plain = new NamedParameterJdbcTemplate(jdbc).query(QUERY, grp,
                (rs, n) -> rs.getInt(1) + ":" + rs.getString(2));
        List<String> streamed = new ArrayList<>();
        new StreamedQuery(jdbc).forEach(QUERY, grp, rs -> streamed.add(rs.getInt(1) + ":" + rs.getString(2)));
        assertThat(plain).hasSize(ROWS / 3).startsWith("2:riga 1.2", "5:riga 1.5", "8:riga 1.8");
        assertThat(streamed).isEqualTo(plain);
    }

    @Test
    void h2ReadsLazilyDuringTheQueryOnly() throws Exception {
        JdbcTemplate jdbc = database("h2");
        List<Boolean> lazyWhileReading = new ArrayList<>();
        new StreamedQuery(jdbc).forEach(QUERY, new MapSqlParameterSource("grp", 0),
                rs -> lazyWhileReading.add(lazy(jdbc)));
        assertThat(lazyWhileReading).hasSize(ROWS / 3).containsOnly(true);
        assertThat(lazy(jdbc)).isFalse();
        assertThatThrownBy(() -> new StreamedQuery(jdbc).forEach(QUERY, new MapSqlParameterSource("grp", 2), rs -> {
            throw new IllegalStateException("riga rifiutata");
        })).hasMessage("riga rifiutata");
        assertThat(lazy(jdbc)).isFalse();
    }

    /**
     * The caller's transaction goes on through the query: what it wrote before is still undone by its rollback
     * (a statement that committed it would also release the scoring step's period lock).
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void leavesTheCallersTransactionOpen(String kind) throws Exception {
        JdbcTemplate jdbc = database(kind);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            connection.commit();
            return null;
        });
        jdbc.update("INSERT INTO sample (grp, seq, label) VALUES (9, 1, 'non confermata')");
        List<String> seen = new ArrayList<>();
        new StreamedQuery(jdbc).forEach(QUERY, new MapSqlParameterSource("grp", 9), rs -> seen.add(rs.getString(2)));
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            connection.rollback();
            return null;
        });
        assertThat(seen).containsExactly("non confermata");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample WHERE grp = 9", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sample", Integer.class)).isEqualTo(ROWS);
    }

    /**
     * Outside a transaction PostgreSQL's driver ignores the fetch size and reads the whole result before the first
     * row: the query reads by cursor all the same (a portal stays open on the session while its rows are handled),
     * in a transaction of its own that ends with it, after a failure too.
     */
    @Test
    void postgresqlReadsByCursorOutsideATransactionToo() throws Exception {
        JdbcTemplate jdbc = database("postgresql", true);
        // The portal of the question itself is one of them.
        int alone = jdbc.queryForObject("SELECT COUNT(*) FROM pg_cursors", Integer.class);
        List<Integer> openCursors = new ArrayList<>();
        List<String> streamed = new ArrayList<>();
        new StreamedQuery(jdbc).forEach(QUERY, new MapSqlParameterSource("grp", 1), rs -> {
            streamed.add(rs.getInt(1) + ":" + rs.getString(2));
            if (streamed.size() == 1) {
                openCursors.add(jdbc.queryForObject("SELECT COUNT(*) FROM pg_cursors", Integer.class));
            }
        });
        assertThat(streamed).hasSize(ROWS / 3).startsWith("2:riga 1.2", "5:riga 1.5");
        assertThat(openCursors).containsExactly(alone + 1);
        assertThat(autoCommit(jdbc)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_cursors", Integer.class)).isEqualTo(alone);
        assertThatThrownBy(() -> new StreamedQuery(jdbc).forEach(QUERY, new MapSqlParameterSource("grp", 2), rs -> {
            throw new IllegalStateException("riga rifiutata");
        })).hasMessage("riga rifiutata");
        assertThat(autoCommit(jdbc)).isTrue();
        // Committed at once again: a row written now is there for every other session.
        jdbc.update("INSERT INTO sample (grp, seq, label) VALUES (8, 1, 'confermata')");
        try (Connection other = DATABASES.postgres().getConnection()) {
            assertThat(new JdbcTemplate(new SingleConnectionDataSource(other, true))
                    .queryForObject("SELECT COUNT(*) FROM sample WHERE grp = 8", Integer.class)).isOne();
        }
    }

    private static boolean autoCommit(JdbcTemplate jdbc) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) Connection::getAutoCommit);
    }

    private static boolean lazy(JdbcTemplate jdbc) {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).isLazyQueryExecution());
    }
}
