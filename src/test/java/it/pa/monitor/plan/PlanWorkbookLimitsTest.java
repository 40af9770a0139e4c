package it.pa.monitor.plan;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanSheet;
import it.pa.monitor.plan.load.PlanWorkbook;
import it.pa.monitor.plan.load.PlanWorkbookReader;

import it.pa.monitor.problem.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.TestWorkbooks;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan workbook is streamed, so its size is bounded by a row limit and the zip-bomb limits,
 * not by the heap: a plan over either is rejected with an Italian reason (issue 11).
 */
class PlanWorkbookLimitsTest {

    private static final Period YEAR = Period.parse("2022");

    @TempDir
    private Path dir;

    @Test
    void aPlanSheetAtTheRowLimitIsReadAndOneRowMoreIsRejectedWithTheReason() {
        // The tno-2022 transcription has 10 indicators (PlanLoadingTest, seed 000 lines 52-105).
        Path file = PlanFixture.load("tno-2022").writeTo(dir, "piano.xlsx");

        List<Problem> atLimit = new ArrayList<>();
        PlanWorkbook read = new PlanWorkbookReader(10).read(file, atLimit::add);
        assertThat(atLimit).isEmpty();
        assertThat(read.table(PlanSheet.INDICATORI).orElseThrow().rows()).hasSize(10);

        // A null repository: a rejected plan never reaches the database.
        PlanLoadOutcome over = new PlanLoader(new PlanWorkbookReader(9), null).load(file, YEAR);
        assertThat(over.accepted()).isFalse();
        assertThat(over.problems()).filteredOn(Problem::isError).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Indicatori");
            assertThat(p.message()).contains("il foglio «Indicatori» ha più di 9 righe di dati")
                    .contains("il piano non è stato caricato");
        });
    }

    @Test
    void theDefaultLimitHoldsTheLargestPlanOfTheBenchmark() {
        // bench: 4 000 uffici × 60 indicators, one row each in Indicatori.
        assertThat(PlanWorkbookReader.DEFAULT_MAX_ROWS).isGreaterThanOrEqualTo(4_000 * 60);
    }

    @Test
    void aZipBombPlanIsRejectedWithTheReason() throws IOException {
        Path valid = PlanFixture.load("tno-2022").writeTo(dir, "valido.xlsx");
        Path bomb = dir.resolve("piano-bomba.xlsx");
        List<String> replaced = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    TestWorkbooks.writeBombSheet(out, 64L * 1024 * 1024);
                    replaced.add(entry.getName());
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(replaced).isNotEmpty();
        // 64 MB of XML per sheet in a file of a few hundred KB: far over the 1:100 inflate ratio.
        assertThat(Files.size(bomb)).isLessThan(replaced.size() * 200_000L);

        PlanLoadOutcome outcome = new PlanLoader(new PlanWorkbookReader(), null).load(bomb, YEAR);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("possibile zip bomb").contains("non è stato letto"));
    }
}
