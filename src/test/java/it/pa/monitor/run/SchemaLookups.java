package it.pa.monitor.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the schema tests of the migrations that drop H2's foreign keys (V16, V17, V18) set up and look up. */
final class SchemaLookups {

    /** "INDEX_NAME:COLUMN,COLUMN" per index of a table, on H2. */
    private static final String INDEX_COLUMNS = "SELECT c.INDEX_NAME || ':' || LISTAGG(c.COLUMN_NAME, ',') WITHIN"
            + " GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c WHERE c.TABLE_NAME = ?"
            + " GROUP BY c.INDEX_NAME";

    private SchemaLookups() {
    }

    /** A new database of that kind, migrated to the latest version. */
    static DriverManagerDataSource migrated(TestDatabase.Kind kind, Path work) {
        DriverManagerDataSource dataSource = dataSource(TestDatabase.create(kind, work));
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /**
     * A new database of that kind migrated up to {@code version}, holding the ente 7 and its file 11 of 2022-Q1: what a
     * test of a later migration puts values under.
     */
    static DriverManagerDataSource withEnteAndFile(TestDatabase.Kind kind, Path work, String version) {
        DriverManagerDataSource dataSource = dataSource(TestDatabase.create(kind, work));
        Flyway.configure().dataSource(dataSource).target(version).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO ente (id, name) VALUES (7, 'Camera di Prova')");
        jdbc.update("INSERT INTO submitted_file (id, sha256, file_name, period, kind, status, ente_id, received_at,"
                + " processed_at, size_bytes) VALUES (11, ?, 'scheda_S_RM.xlsx', '2022-Q1', 'SCHEDA', 'ACCETTATO', 7,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 100)", "a".repeat(64));
        return dataSource;
    }

    static DriverManagerDataSource dataSource(TestDatabase db) {
        return new DriverManagerDataSource(db.url(), db.user() == null ? "sa" : db.user(),
                db.password() == null ? "" : db.password());
    }

    /** "column > referenced table" per foreign key of the table, in lower case. */
    static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String spelled = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), spelled)) {
            while (rs.next()) {
                keys.add((rs.getString("FKCOLUMN_NAME") + " > " + rs.getString("PKTABLE_NAME"))
                        .toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    /** The indexes of an H2 table (its name in upper case) with their columns in order. */
    static List<String> indexColumns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList(INDEX_COLUMNS, String.class, table);
    }
}
