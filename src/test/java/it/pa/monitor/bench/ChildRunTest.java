package it.pa.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the benchmark reads the child's GC log, Spring Batch's step times and the run's count of its files. */
class ChildRunTest {

    @TempDir
    private Path temp;

    @Test
    void peakHeapIsTheLargestOccupancyBeforeACollectionOrAtExit() throws Exception {
        Path log = Files.writeString(temp.resolve("gc.log"), """
                [0.012s][info][gc] Using G1
                [0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(512M) 3.101ms
                [2.100s][info][gc] GC(1) Pause Full (G1 Compaction Pause) 480M->300M(512M) 80.5ms
                [2.300s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 310M->305M(512M) 2.0ms
                [3.000s][info][gc,heap,exit]  garbage-first heap   total 524288K, used 123456K [0x00000000e0000000, 0x0000000100000000)
                """);
        assertThat(ChildRun.peakHeapMb(log)).isEqualTo(480);

        Path atExit = Files.writeString(temp.resolve("exit.log"), """
                [0.512s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(512M) 3.101ms
                [3.000s][info][gc,heap,exit]  garbage-first heap   total 524288K, used 102400K [0x00000000e0000000, 0x0000000100000000)
                """);
        // 102400 K = 100 MB at exit, more than the 25 MB before the only collection
        assertThat(ChildRun.peakHeapMb(atExit)).isEqualTo(100);
    }

    @Test
    void stepTimesAreReadFromTheSpringBatchLog() throws Exception {
        Path log = Files.writeString(temp.resolve("monitor.log"), """
                2026-11-29 20:34:27.619 INFO  [main] o.s.batch.core.step.AbstractStep - Step: [scan] executed in 4s302ms
                2026-11-29 20:34:35.926 INFO  [main] o.s.batch.core.step.AbstractStep - Step: [plan] executed in 1m8s141ms
                2026-11-29 20:34:45.561 INFO  [main] o.s.batch.core.step.AbstractStep - Step: [scoring] executed in 494ms
                """);
        assertThat(ChildRun.stepMillis(log)).containsEntry("scan", 4_302L).containsEntry("plan", 68_141L)
                .containsEntry("scoring", 494L).hasSize(3);
        assertThat(ChildRun.durationMillis("1h2m3s4ms")).isEqualTo(3_600_000L + 120_000 + 3_000 + 4);
    }

    /** The Italian line, singular and plural alike: accepted, rejected and skipped files, values stored. */
    @Test
    void theFilesLineIsReadInTheSingularAndThePlural() {
        java.util.regex.Matcher many = ChildRun.FILES.matcher("Elaborazione 2025 - cartella di arrivo /x\n"
                + "File: 970 accettati, 30 scartati, 0 saltati; 55214 valori registrati, 0 avvisi\n");
        assertThat(many.find()).isTrue();
        assertThat(java.util.List.of(many.group(1), many.group(2), many.group(3), many.group(4)))
                .containsExactly("970", "30", "0", "55214");
        java.util.regex.Matcher one = ChildRun.FILES.matcher(
                "File: 1 accettato, 1 scartato, 1 saltato; 1 valore registrato, 1 avviso");
        assertThat(one.find()).isTrue();
        assertThat(one.group(4)).isEqualTo("1");
        assertThat(ChildRun.FILES.matcher("Files: 1 accepted, 0 rejected, 0 skipped; 1 values stored").find())
                .isFalse();
    }
}
