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
        BenchRow.Pair middle = pair(2_000, 4_400); // 2.2 ×: not the median floor (2.0 s) nor the median run (2.3 s)
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
                .isEqualTo("3 pairs, POI floor → full run, in the order measured: 1.00 s → 2.0 s (2.00 ×); "
                        + "1.00 s → failed (shown); 1.00 s → 2.2 s (2.20 ×); the line shows the first failed run");
    }

    @Test
    void everyPairIsListedAndARunThatCountedOtherThanGeneratedIsNamed() {
        BenchRow.Pair odd = new BenchRow.Pair(floor(1_000), new ChildRun.Result(2_050, true, null, 2, 2, 120, 300, 600,
                Map.of(), "java ...", ""));
        BenchRow row = new BenchRow(WORKLOAD, 0, List.of(pair(1_000, 2_300), odd, pair(1_000, 2_100)), floor(250),
                null);

        // ratios 2.3, 2.05, 2.1: the median is the third pair, whose counts are as generated
        assertThat(row.run().millis()).isEqualTo(2_100);
        assertThat(row.outcomeAsExpected()).isFalse();
        assertThat(PerformanceReport.pairs(row))
                .isEqualTo("3 pairs, POI floor → full run, in the order measured: 1.00 s → 2.3 s (2.30 ×); "
                        + "1.00 s → 2.1 s (2.05 ×), 2 accepted and 2 rejected; 1.00 s → 2.1 s (2.10 ×) (shown); "
                        + "the line shows the pair with the median ratio");
    }

    @Test
    void aLineNeedsAPair() {
        assertThatThrownBy(() -> new BenchRow(WORKLOAD, 0, List.of(), floor(250), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BenchRow.Pair pair(long floorMillis, long runMillis) {
        return new BenchRow.Pair(floor(floorMillis), new ChildRun.Result(runMillis, true, null, 3, 1, 180, 300, 600,
                Map.of(), "java ...", ""));
    }

    private static FloorReaders.Result floor(long millis) {
        return new FloorReaders.Result("POI SAX", 5, 5_000, millis);
    }
}
