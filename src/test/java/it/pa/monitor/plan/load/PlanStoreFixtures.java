package it.pa.monitor.plan.load;

import it.pa.monitor.jdbc.TestDataSources;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.TargetParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the tests of the plan's store share: a plan built as the plan step builds it, an empty migrated database. */
final class PlanStoreFixtures {

    private PlanStoreFixtures() {
    }

    /** The plan as the plan step builds it from the workbook, before it is stored. */
    static Plan build(Path workbook) {
        List<Problem> problems = new ArrayList<>();
        PlanWorkbook tables = new PlanWorkbookReader().read(workbook, problems::add);
        return new PlanAssembler(new TargetParser(), problems::add).assemble(tables).orElseThrow();
    }

    /** A database of that kind ({@code "h2"} or {@code "postgresql"}) emptied and migrated to the latest version. */
    static JdbcTemplate database(TestDataSources databases, String kind, String prefix) throws IOException {
        DataSource source = databases.fresh(kind, prefix);
        Flyway.configure().dataSource(source).cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(source).load().migrate();
        return new JdbcTemplate(source);
    }
}
