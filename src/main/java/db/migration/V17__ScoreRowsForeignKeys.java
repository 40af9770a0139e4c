package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11: on H2, the foreign keys of the scores (indicator_score and item_score on score_run) go, as V16's
 * did. A scoring run writes one indicator_score row per indicator (60 000 in a large plan) in one transaction;
 * H2 backed each key with an index of run_id of its own, a third B-tree beside the table's rows and its primary
 * key, and no query needs it: both primary keys begin with run_id, which every read and delete goes by. The
 * keys' ON DELETE CASCADE did what ScoreRepository now does itself: it deletes a period's earlier scores before
 * their score_run row, in the same transaction, and writes the new rows with the id of the run it has just
 * inserted. PostgreSQL keeps the keys (it builds no index for them).
 */
public class V17__ScoreRowsForeignKeys extends BaseJavaMigration {

    private static final List<H2ForeignKeys.Key> DROPPED = List.of(
            new H2ForeignKeys.Key("indicator_score", "run_id", "score_run"),
            new H2ForeignKeys.Key("item_score", "run_id", "score_run"));

    @Override
    public void migrate(Context context) throws Exception {
        H2ForeignKeys.drop(context.getConnection(), "V17", DROPPED);
    }
}
