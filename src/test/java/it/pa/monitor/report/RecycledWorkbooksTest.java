package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.values.Period;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit workbooks filled one after another in the same workbook ({@link RecycledWorkbooks}) are, file by file, what a
 * new workbook filled for each unit writes: every part byte for byte but the creation time.
 */
class RecycledWorkbooksTest {

    private static final String CREATED = "docProps/core.xml";

    @TempDir
    Path output;

    /** One unit's workbook: its name and content. */
    private record Unit(String name, Consumer<UnitResultsWorkbook.Layout> content) {
    }

    /**
     * Every small unit workbook of two real plans, with and without warnings, in an order that goes from units
     * with comments to units without and back: each file is the one a new workbook writes.
     */
    @Test
    void aWorkbookFilledForUnitAfterUnitWritesWhatANewOneWrites() throws Exception {
        ReportStyles.Template template = ReportStyles.Template.make();
        List<Unit> withComments = new ArrayList<>();
        List<Unit> withoutComments = new ArrayList<>();
        // With values left out, the cards say in a comment why an indicator has no result.
        for (ReportData data : List.of(ReportFixtures.massaCarrara(), ReportFixtures.tno(),
                ReportFixtures.withoutEvery(4, "massa-carrara-2022", Period.parse("2022-S1"), Period.parse("2022")),
                ReportFixtures.withoutEvery(3, "tno-2022", Period.parse("2022-S1"), Period.parse("2022")))) {
            UnitLookups lookups = new UnitLookups(data.plan());
            List<Problem> issues = List.of(Problem.cellWarning("Rilevazione", "C8", "=SUM(A1) & <x>",
                    "target diverso dal piano («>= 10,00 N.»): vale quello del piano").inFile("scheda_S_RM_2022.xlsx"));
            for (OrgUnit unit : data.plan().units()) {
                for (List<Problem> unitIssues : List.of(issues, List.<Problem>of())) {
                    if (UnitResultsWorkbook.rows(data, lookups, unit, unitIssues) > RecipientWorkbooks.IN_MEMORY_ROWS) {
                        continue;
                    }
                    Unit written = new Unit(data.plan().year() + "-" + unit.code() + "-" + unitIssues.size() + ".xlsx",
                            layout -> UnitResultsWorkbook.fill(layout, data, lookups, unit, unitIssues));
                    (parts(fresh(written, template)).containsKey("xl/comments1.xml") ? withComments : withoutComments)
                            .add(written);
                }
            }
        }
        assertThat(withComments).hasSizeGreaterThan(5);
        // A unit that takes part in no objective has no card table, so no comment.
        List<Unit> order = new ArrayList<>();
        for (int i = 0; i < Math.max(withComments.size(), withoutComments.size()); i++) {
            if (i < withComments.size()) {
                order.add(withComments.get(i));
            }
            if (i < withoutComments.size()) {
                order.add(withoutComments.get(i));
            }
        }
        assertThat(withoutComments).isNotEmpty();

        RecycledWorkbooks recycled = new RecycledWorkbooks(template);
        for (Unit unit : order) {
            Path mine = recycled.save(output.resolve("riusate"), unit.name(), unit.content());
            assertSameParts(mine, fresh(unit, template));
        }
    }

    /**
     * A workbook whose content made what the emptying does not take away (a style, a filter with its name in the
     * workbook) is not filled again: the next units' files are still what a new workbook writes.
     */
    @Test
    void aWorkbookLeftOtherThanLaidOutIsNotFilledAgain() throws Exception {
        ReportStyles.Template template = ReportStyles.Template.make();
        ReportData data = ReportFixtures.massaCarrara();
        UnitLookups lookups = new UnitLookups(data.plan());
        List<OrgUnit> units = data.plan().units().stream()
                .filter(u -> UnitResultsWorkbook.rows(data, lookups, u, List.of()) <= RecipientWorkbooks.IN_MEMORY_ROWS)
                .toList();
        assertThat(units).hasSizeGreaterThan(3);
        List<Consumer<UnitResultsWorkbook.Layout>> extras = List.of(
                layout -> layout.results().getWorkbook().createCellStyle(),
                layout -> layout.warnings().setAutoFilter(CellRangeAddress.valueOf("A3:E3")),
                layout -> layout.missing().addMergedRegion(CellRangeAddress.valueOf("A1:B1")),
                layout -> layout.results().setRowBreak(1));
        RecycledWorkbooks recycled = new RecycledWorkbooks(template);
        int n = 0;
        for (Consumer<UnitResultsWorkbook.Layout> extra : extras) {
            for (OrgUnit unit : units.subList(0, 2)) {
                Consumer<UnitResultsWorkbook.Layout> plain = layout -> UnitResultsWorkbook.fill(layout, data, lookups,
                        unit, List.of());
                Unit odd = new Unit("odd-" + n + ".xlsx", plain.andThen(extra));
                assertSameParts(recycled.save(output.resolve("riusate"), odd.name(), odd.content()), fresh(odd, template));
                Unit next = new Unit("next-" + n++ + ".xlsx", plain);
                assertSameParts(recycled.save(output.resolve("riusate"), next.name(), next.content()),
                        fresh(next, template));
            }
        }
    }

    /** The unit's workbook written in a new workbook, as the run writes a small workbook on its own. */
    private Path fresh(Unit unit, ReportStyles.Template template) {
        return RecipientWorkbooks.save(output.resolve("nuove"), unit.name(), 1,
                workbook -> unit.content().accept(UnitResultsWorkbook.layout(workbook, template)));
    }

    private static void assertSameParts(Path mine, Path theirs) throws Exception {
        Map<String, byte[]> recycled = parts(mine);
        Map<String, byte[]> made = parts(theirs);
        assertThat(recycled.keySet()).as(mine.toString()).isEqualTo(made.keySet());
        for (String part : made.keySet()) {
            if (!part.equals(CREATED)) {
                assertThat(new String(recycled.get(part), StandardCharsets.UTF_8)).as(mine + " " + part)
                        .isEqualTo(new String(made.get(part), StandardCharsets.UTF_8));
            }
        }
    }

    private static Map<String, byte[]> parts(Path file) throws Exception {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return parts;
    }
}
