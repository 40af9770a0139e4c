package it.pa.monitor.report;

import it.pa.monitor.plan.OrgUnit;
import it.pa.monitor.plan.Scorecard;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.DisplayRounding;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: a scratch measurement of the per-recipient workbooks on one thread (ms and bytes allocated per
 * workbook), run by hand: {@code java -cp ... RecipientWorkbooksMicroBench OUT_DIR ROUNDS}.
 */
public final class RecipientWorkbooksMicroBench {

    private RecipientWorkbooksMicroBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        new RecipientWorkbooks(); // its JAXP setting, as in a run
        ReportData data = DisplayRounding.apply(ReportFixtures.massaCarrara());
        UnitLookups lookups = new UnitLookups(data.plan());
        it.pa.monitor.report.layout.ReportStyles.Template styles = it.pa.monitor.report.layout.ReportStyles.Template.make();
        Problem issue = Problem.cellWarning("Rilevazione", "C8", "=SUM(A1) & <x>",
                "target diverso dal piano («>= 10,00 N.»): vale quello del piano").inFile("scheda_S_RM_2022.xlsx");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            long c0 = threads.getThreadCpuTime(id);
            long a0 = threads.getThreadAllocatedBytes(id);
            int n = 0;
            for (int rep = 0; rep < 10; rep++) {
                for (OrgUnit unit : data.plan().units()) {
                    List<Problem> issues = unit.code().hashCode() % 3 == 0 ? List.of(issue) : List.of();
                    RecipientWorkbooks.save(out.resolve("u"), "Esiti-" + RecipientWorkbooks.fileName(unit.code()) + ".xlsx",
                            UnitResultsWorkbook.rows(data, lookups, unit, issues),
                            workbook -> UnitResultsWorkbook.write(workbook, data, lookups, unit, issues, styles));
                    n++;
                }
                for (Scorecard card : data.plan().scorecards()) {
                    RecipientWorkbooks.save(out.resolve("c"), "Cruscotto-" + RecipientWorkbooks.fileName(card.code()) + ".xlsx",
                            card.rows().size(), workbook -> RecipientWorkbooks.scorecard(workbook, data, card, styles));
                    n++;
                }
            }
            long c1 = threads.getThreadCpuTime(id);
            System.out.printf("round %d: %d workbooks, %.2f ms wall, %.2f ms cpu, %.0f KB alloc per workbook%n", round, n,
                    (System.nanoTime() - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (threads.getThreadAllocatedBytes(id) - a0) / 1024.0 / n);
        }
        System.out.println("files: " + Files.list(out.resolve("u")).count());
    }
}
