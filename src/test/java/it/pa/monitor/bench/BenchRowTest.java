package it.pa.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which floor and full run a line of the benchmark shows when they were measured in several pairs. */
class BenchRowTest {

    /** 4 uffici, one of them bad: 3 accepted, 1 rejected. */
    private static final Workload WORKLOAD = new Workload(new WorkloadSpec(4, 60, 1, 3), Path.of("inbox"),
            "piano-2025.xlsx", List.of("scheda_U0002_2025.xlsx"), 180);

    @Test
    void theLineShowsThePairWithTheMedianRatio() {
        BenchRow.Pair slow = pair(1_000, 2_300); // 2.3 ×
        BenchRow.Pair fast = pair(1_000, 2_100); // 2.1 ×
        // 2.2 ×: its floor (2.0 s) is not the median floor (1.0 s), its run (4.4 s) not the median run (2.3 s)
        BenchRow.Pair middle = pair(2_000, 4_400);
        BenchRow row = new BenchRow(WORKLOAD, 0, List.of(slow, fast, middle), floor(250), null);

        assertThat(row.poi().millis()).isEqualTo(2_000);
        assertThat(row.run().millis()).isEqualTo(4_400);
        assertThat(row.outcomeAsExpected()).isTrue();
    }

    @Test
    void ofAnEvenNumberTheLowerMiddleOneIsShown() {
        // ratios 2.4, 2.0, 2.2, 2.1: sorted 2.0, 2.1, 2.2, 2.4, the lower middle one is 2.1
        List<BenchRow.Pair> pairs = List.of(pair(1_000, 2_400), pair(1_000, 2_000), pair(1_000, 2_200),
                pair(1_000, 2_100));

        assertThat(BenchRow.Pair.shown(pairs).run().millis()).isEqualTo(2_100);
        assertThat(BenchRow.Pair.shown(List.of(pair(800, 2_000))).ratio()).isEqualTo(2.5);
    }

    @Test
    void aFailedRunIsShownWhateverTheOthers() {
        BenchRow.Pair failed = new BenchRow.Pair(floor(1_000), new ChildRun.Result(9_000, false,
                "OutOfMemoryError: Java heap space (exit 1)", 0, 0, 0, 512, 700, Map.of(), "java ...", ""));
        BenchRow row = new BenchRow(WORKLOAD, 0, List.of(pair(1_000, 2_000), failed, pair(1_000, 2_200)), floor(250),
                null);

        assertThat(row.run().completed()).isFalse();
        assertThat(row.outcomeAsExpected()).isFalse();
        assertThat(PerformanceReport.pairs(row))
                .isEqualTo("3 pairs, POI floor → full run, in the order measured: 1.00 s → 2.0 s (2.00 ×), peak heap"
                        + " 300 MB; 1.00 s → failed, peak heap 512 MB (shown); 1.00 s → 2.2 s (2.20 ×), peak heap 300 MB;"
                        + " the line shows the first failed run");
    }

    @Test
    void everyPairIsListedWithTheCountsOfARunThatCountedOtherwise() {
        BenchRow.Pair odd = new BenchRow.Pair(floor(1_000), new ChildRun.Result(2_050, true, null, 2, 2, 120, 300, 600,
                Map.of(), "java ...", ""));
        BenchRow row = new BenchRow(WORKLOAD, 0, List.of(pair(1_000, 2_300), odd, pair(1_000, 2_100)), floor(250),
                null);

        // ratios 2.3, 2.05, 2.1: the median is the third pair, whose counts are as generated
        assertThat(row.run().millis()).isEqualTo(2_100);
        assertThat(row.outcomeAsExpected()).isFalse();
        assertThat(PerformanceReport.pairs(row))
                .isEqualTo("3 pairs, POI floor → full run, in the order measured: 1.00 s → 2.3 s (2.30 ×), peak heap"
                        + " 300 MB; 1.00 s → 2.1 s (2.05 ×), 2 accepted and 2 rejected, peak heap 300 MB; 1.00 s → 2.1 s"
                        + " (2.10 ×), peak heap 300 MB (shown); the line shows the pair with the median ratio");
        // The line shows the median pair's own figures, and says that another run counted otherwise.
        String line = tableLine(row);
        assertThat(line).startsWith("| 4 | 60 | 5 | 180 | 1.00 s | 0.25 s | 2.1 s | 2.1 × | 8.4 × |")
                .endsWith("| **unexpected** counts in another run (see the pairs below) |");
    }

    @Test
    void theTableLineTakesFloorRunAndRatioFromOnePair() {
        // floors 1.0, 1.6, 1.2 s and runs 2.0, 4.0, 2.7 s: ratios 2.0, 2.5, 2.25; the median pair is the third
        BenchRow row = new BenchRow(WORKLOAD, 0, List.of(pair(1_000, 2_000), pair(1_600, 4_000), pair(1_200, 2_700)),
                floor(300), null);

        // 2.7 s / 1.2 s = 2.25 × (2.3 × at one decimal), 2.7 s / 0.3 s = 9.0 ×; 5 files / 2.7 s = 1.9 files/s; 180 values / 2.7 s = 67 values/s
        assertThat(tableLine(row)).startsWith("| 4 | 60 | 5 | 180 | 1.20 s | 0.30 s | 2.7 s | 2.3 × | 9.0 × | 1.9 | 67 |")
                .endsWith("| ok: 3 accepted, 1 rejected as generated |");
    }

    @Test
    void aRepeatBelowOneIsRefusedBeforeAnythingIsMeasured(@org.junit.jupiter.api.io.TempDir Path temp) {
        int exit = new picocli.CommandLine(new BenchRunCommand()).execute("--repeat", "0", "--units", "20",
                "--work", temp.resolve("work").toString(), "--out", temp.resolve("PERFORMANCE.md").toString());

        assertThat(exit).isEqualTo(2); // picocli's exit code for a usage error
        assertThat(temp.resolve("work")).doesNotExist();
        assertThat(temp.resolve("PERFORMANCE.md")).doesNotExist();
    }

    @Test
    void aLineNeedsAPair() {
        assertThatThrownBy(() -> new BenchRow(WORKLOAD, 0, List.of(), floor(250), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The row's line in the table, without the scoring-alone column (no scoring measured here). */
    private static String tableLine(BenchRow row) {
        BenchRow withScoring = new BenchRow(row.workload(), 0, row.pairs(), row.fastexcel(),
                new ScoringBench.Result(240, 4, 700, 50, 40, 45, 240));
        return new PerformanceReport("bench run", null).markdown(List.of(withScoring), "512m").lines()
                .filter(l -> l.startsWith("| 4 |")).findFirst().orElseThrow();
    }

    private static BenchRow.Pair pair(long floorMillis, long runMillis) {
        return new BenchRow.Pair(floor(floorMillis), new ChildRun.Result(runMillis, true, null, 3, 1, 180, 300, 600,
                Map.of(), "java ...", ""));
    }

    private static FloorReaders.Result floor(long millis) {
        return new FloorReaders.Result("POI SAX", 5, 5_000, millis);
    }
}
