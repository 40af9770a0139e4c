package it.pa.monitor.plan.load;

import it.pa.monitor.jdbc.TestDataSources;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.TargetParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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

    /**
     * {@code plan} copied to {@code target} with an ISO-date cell ({@code t="d"}) added in column Z of row {@code row}
     * of the first worksheet (in the zip's order) that has such a row: outside the plan's columns, a cell the fast
     * reader does not read, so that it leaves the file to the streaming reader when it meets it.
     */
    static Path withIsoDateCell(Path plan, int row, Path target) throws IOException {
        boolean added = false;
        // Read by its central directory: the generator's zip writes its entries' sizes after their data.
        try (ZipFile in = new ZipFile(plan.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content;
                try (InputStream part = in.getInputStream(entry)) {
                    content = part.readAllBytes();
                }
                String xml = new String(content, StandardCharsets.UTF_8);
                int at = !added && entry.getName().startsWith("xl/worksheets/")
                        ? xml.indexOf("<row r=\"" + row + "\"") : -1;
                if (at >= 0) {
                    int end = xml.indexOf("</row>", at);
                    content = (xml.substring(0, end) + "<c r=\"Z" + row + "\" t=\"d\"><v>2025-01-01T00:00:00</v></c>"
                            + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
                    added = true;
                }
                out.write(content);
                out.closeEntry();
            }
        }
        if (!added) {
            throw new IllegalArgumentException("no worksheet of " + plan.getFileName() + " has a row " + row);
        }
        return target;
    }
}
