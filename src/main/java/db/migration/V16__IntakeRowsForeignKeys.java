package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11: on H2, the foreign keys of the two tables intake writes for every value (reported_value and
 * value_in_force) go. H2 backs each foreign key with an index of the referencing column, its own B-tree
 * rewritten at every commit, that is one file's transaction; no query reads these four: values are reached
 * by id (value_in_force.value_id, value_conflict), by the value_in_force primary key (which begins with
 * ente_id) and by reported_value_period_ix (which begins with ente_id, for the Qualità dati conflicts; V20 dropped
 * it, V21 gave the conflicts a key of their own); H2 reuses no longer index for a re-added key. The referenced
 * rows (ente, submitted_file, reported_value) are never deleted, and intake writes each child row in the transaction that wrote or read its parent, with the
 * parent's id from that transaction. PostgreSQL keeps the keys: it builds no index for them, so there they
 * cost one look-up of the parent per row and still guard a database other programs may write. The foreign
 * keys of the other tables stay on both (V17 drops those of the scores). {@link H2ForeignKeys} finds and drops
 * them.
 */
public class V16__IntakeRowsForeignKeys extends BaseJavaMigration {

    private static final List<H2ForeignKeys.Key> DROPPED = List.of(
            new H2ForeignKeys.Key("reported_value", "ente_id", "ente"),
            new H2ForeignKeys.Key("reported_value", "file_id", "submitted_file"),
            new H2ForeignKeys.Key("value_in_force", "ente_id", "ente"),
            new H2ForeignKeys.Key("value_in_force", "value_id", "reported_value"));

    @Override
    public void migrate(Context context) throws Exception {
        H2ForeignKeys.drop(context.getConnection(), "V16", DROPPED);
    }
}
