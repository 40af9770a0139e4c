package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops single-column foreign keys on H2 only (V16, V17): there each is an index of its own beside the primary
 * key, rewritten at every commit. The constraint names were generated: they are found through the JDBC metadata
 * and dropped with standard SQL. Other databases are left as they are.
 */
final class H2ForeignKeys {

    private static final Logger log = LoggerFactory.getLogger(H2ForeignKeys.class);

    /** A foreign key: the table, its referencing column and the referenced table. */
    record Key(String table, String column, String referenced) {
    }

    private H2ForeignKeys() {
    }

    /** Drops {@code keys} when {@code connection} is to H2; {@code migration} names the caller in the log. */
    static void drop(Connection connection, String migration, List<Key> keys) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Key key : keys) {
                List<String> found = foreignKeys(connection, key);
                if (found.isEmpty()) {
                    // Only a database whose names were spelled otherwise (say, opened with other H2 settings):
                    // the key stays, which costs time, not data; said so that it can be looked into.
                    log.warn("{}: no foreign key of {}.{} on {} found to drop", migration, key.table(), key.column(),
                            key.referenced());
                }
                for (String constraint : found) {
                    statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quoted(constraint));
                }
            }
        }
    }

    /** The foreign keys of the key's table on its column alone that reference its referenced table. */
    private static List<String> foreignKeys(Connection connection, Key key) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        List<String> multiColumn = new ArrayList<>();
        String table = key.table();
        // As the database stores names, then as written: a table created with other case settings is found too.
        for (String spelled : new LinkedHashSet<>(List.of(metaData.storesUpperCaseIdentifiers()
                ? table.toUpperCase(Locale.ROOT) : table, table))) {
            try (ResultSet keys = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), spelled)) {
                while (keys.next()) {
                    String name = keys.getString("FK_NAME");
                    if (keys.getShort("KEY_SEQ") > 1) {
                        multiColumn.add(name);
                    } else if (keys.getString("FKCOLUMN_NAME").equalsIgnoreCase(key.column())
                            && keys.getString("PKTABLE_NAME").equalsIgnoreCase(key.referenced())) {
                        names.add(name);
                    }
                }
            }
        }
        names.removeAll(multiColumn);
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /** The generated name as H2 stores it (CONSTRAINT_96). */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
