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
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11: on H2, the foreign keys of the two tables intake writes for every value (reported_value and
 * value_in_force) go. H2 backs each foreign key with an index of the referencing column, its own B-tree
 * rewritten at every commit, that is one file's transaction; no query reads these four: values are reached
 * by id (value_in_force.value_id, value_conflict), by the value_in_force primary key (which begins with
 * ente_id) and by reported_value_period_ix (which begins with ente_id, for the Qualità dati conflicts); H2
 * reuses no longer index for a re-added key. The referenced rows (ente, submitted_file, reported_value) are
 * never deleted, and intake writes each child row in the transaction that wrote or read its parent, with the
 * parent's id from that transaction. PostgreSQL keeps the keys: it builds no index for them, so there they
 * cost one look-up of the parent per row and still guard a database other programs may write. The foreign
 * keys of the other tables stay on both. The constraint names were generated: they are found through the
 * JDBC metadata and dropped with standard SQL.
 */
public class V16__IntakeRowsForeignKeys extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V16__IntakeRowsForeignKeys.class);

    /** Table, referencing column, referenced table. */
    private static final List<List<String>> DROPPED = List.of(
            List.of("reported_value", "ente_id", "ente"),
            List.of("reported_value", "file_id", "submitted_file"),
            List.of("value_in_force", "ente_id", "ente"),
            List.of("value_in_force", "value_id", "reported_value"));

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (List<String> key : DROPPED) {
                List<String> found = foreignKeys(connection, key.get(0), key.get(1), key.get(2));
                if (found.isEmpty()) {
                    // Only a database whose names were spelled otherwise (say, opened with other H2 settings):
                    // the key stays, which costs time, not data; said so that it can be looked into.
                    log.warn("V16: no foreign key of {}.{} on {} found to drop", key.get(0), key.get(1), key.get(2));
                }
                for (String constraint : found) {
                    statement.execute("ALTER TABLE " + key.get(0) + " DROP CONSTRAINT " + quoted(constraint));
                }
            }
        }
    }

    /** The foreign keys of {@code table} on {@code column} alone that reference {@code referenced}. */
    private static List<String> foreignKeys(Connection connection, String table, String column, String referenced)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        List<String> multiColumn = new ArrayList<>();
        // As the database stores names, then as written: a table created with other case settings is found too.
        for (String spelled : new LinkedHashSet<>(List.of(metaData.storesUpperCaseIdentifiers()
                ? table.toUpperCase(Locale.ROOT) : table, table))) {
            try (ResultSet keys = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), spelled)) {
                while (keys.next()) {
                    String name = keys.getString("FK_NAME");
                    if (keys.getShort("KEY_SEQ") > 1) {
                        multiColumn.add(name);
                    } else if (keys.getString("FKCOLUMN_NAME").equalsIgnoreCase(column)
                            && keys.getString("PKTABLE_NAME").equalsIgnoreCase(referenced)) {
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
