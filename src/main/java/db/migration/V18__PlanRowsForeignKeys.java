package db.migration;

import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11: on H2, the foreign keys of the plan's tables on plan go, as V16's and V17's did. Storing a plan of
 * 1 000 offices writes 60 000 indicator rows in one transaction, and H2 backed the key with an index of plan_id
 * of its own, a third B-tree beside the rows and the primary key, written by every insert and walked again by
 * the commit; no query needs it: every primary key of these tables begins with plan_id, which every read and
 * delete goes by. The keys' ON DELETE CASCADE is what PlanRepository now does itself: it deletes the replaced
 * plan's rows from each of these tables before the plan row, in the same transaction, and writes the new rows
 * with the id of the plan it has just inserted. PostgreSQL keeps the keys (it builds no index for them).
 */
public class V18__PlanRowsForeignKeys extends BaseJavaMigration {

    /** The plan's tables, each with plan_id referencing plan (V2, V9). */
    static final List<String> PLAN_TABLES = List.of("methodology_parameter", "org_unit", "ambito",
            "strategic_objective", "operational_objective", "operational_objective_unit", "indicator", "scorecard",
            "scorecard_row", "pira_link", "plan_history");

    @Override
    public void migrate(Context context) throws Exception {
        H2ForeignKeys.drop(context.getConnection(), "V18",
                PLAN_TABLES.stream().map(table -> new H2ForeignKeys.Key(table, "plan_id", "plan")).toList());
    }
}
