package it.pa.monitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench run}: for each N, generates (or reuses) the workload, measures the two floors and the full
 * {@code run} in fresh JVMs, and writes the table to {@code docs/PERFORMANCE.md}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Measures the floors and the full run for each N and writes docs/PERFORMANCE.md.")
final class BenchRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--units", split = ",", defaultValue = "250,1000,4000",
            description = "numbers of uffici, comma-separated (default: ${DEFAULT-VALUE})")
    private List<Integer> units;

    @Option(names = "--indicators", defaultValue = "60", description = "indicators per ufficio (default: ${DEFAULT-VALUE})")
    private int indicators;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--bad-percent", defaultValue = "3", description = "share of bad workbooks (default: ${DEFAULT-VALUE})")
    private double badPercent;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of the child JVMs (default: ${DEFAULT-VALUE})")
    private String heap;

    @Option(names = "--work", defaultValue = "target/bench", description = "working folder (default: ${DEFAULT-VALUE})")
    private Path work;

    @Option(names = "--out", defaultValue = "docs/PERFORMANCE.md", description = "table written here (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "a full run taking longer is killed (default: ${DEFAULT-VALUE})")
    private long timeoutMinutes;

    @Option(names = "--sample-seconds", defaultValue = "0",
            description = "take a thread dump of the full run this often and summarise it (default: off)")
    private long sampleSeconds;

    @Option(names = "--repeat", defaultValue = "1",
            description = "POI floor and full run measured this many times in turn for each N; the table shows the pair"
                    + " with the median ratio, or the first failed run, after which that N stops (default: ${DEFAULT-VALUE})")
    private int repeat;

    @Option(names = "--note", description = "a remark printed at the top of the table (e.g. the machine was busy)")
    private String note;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeat must be 1 or more");
        }
        // originalArgs holds the whole command line ("run" included); quoted as a shell would need it
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("run")) {
            args.remove(0);
        }
        String command = "java -jar target/monitor.jar bench run " + args.stream()
                .map(a -> a.matches("[\\w./:,=-]*") ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        PerformanceReport report = new PerformanceReport(command.strip(), note);
        List<BenchRow> rows = new ArrayList<>();
        for (int n : units) {
            rows.add(measure(new WorkloadSpec(n, indicators, seed, badPercent)));
            report.write(out, rows, heap);
        }
        System.out.println("Table written to " + out.toAbsolutePath().normalize());
        return rows.stream().allMatch(BenchRow::outcomeAsExpected) ? 0 : 3;
    }

    private BenchRow measure(WorkloadSpec workloadSpec) throws Exception {
        int n = workloadSpec.units();
        Path generated = work.resolve("workload-" + n + "-" + indicators + "-" + seed);
        long start = System.nanoTime();
        Workload workload = reuseOrGenerate(workloadSpec, generated);
        long generationMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "N=%d: workload ready in %.1f s (%s)%n", n, generationMillis / 1000.0, workload.inbox());
        FloorReaders.Result fastexcel = FloorCommand.inChild("fastexcel", "fastexcel-reader", workload.inbox(), heap);
        System.out.printf(Locale.ROOT, "N=%d: fastexcel floor %.2f s, %d cells%n", n, fastexcel.millis() / 1000.0,
                fastexcel.cells());
        ScoringBench.Result scoring = ScoringBench.measure(workload);
        System.out.printf(Locale.ROOT, "N=%d: %s%n", n, ScoringCommand.line(scoring));
        List<BenchRow.Pair> pairs = new ArrayList<>();
        for (int round = 1; round <= repeat; round++) {
            BenchRow.Pair pair = measurePair(workloadSpec, workload, round);
            pairs.add(pair);
            if (!pair.run().completed()) {
                break; // the failure is what the line shows; more runs of a failing N would only take long
            }
        }
        return new BenchRow(workload, generationMillis, pairs, fastexcel, scoring);
    }

    /** The POI floor, then the full run in a fresh folder and database, one right after the other. */
    private BenchRow.Pair measurePair(WorkloadSpec workloadSpec, Workload workload, int round) throws Exception {
        int n = workloadSpec.units();
        String label = repeat > 1 ? String.format(Locale.ROOT, "N=%d (%d of %d)", n, round, repeat) : "N=" + n;
        FloorReaders.Result poi = FloorCommand.inChild("poi", "POI SAX", workload.inbox(), heap);
        System.out.printf(Locale.ROOT, "%s: POI SAX floor %.2f s, %d cells%n", label, poi.millis() / 1000.0, poi.cells());
        // One folder per round: each run's log, GC log and workbooks stay to be looked at.
        Path runDir = work.resolve("run-" + n + "-" + indicators + "-" + seed + (repeat > 1 ? "-r" + round : ""));
        deleteRecursively(runDir);
        Path inbox = Files.createDirectories(runDir.resolve("inbox"));
        try (Stream<Path> files = Files.list(workload.inbox())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        ChildRun.Result run = new ChildRun(heap, timeoutMinutes, sampleSeconds).run(runDir, inbox, workloadSpec.period());
        BenchRow.Pair pair = new BenchRow.Pair(poi, run);
        System.out.printf(Locale.ROOT, "%s: full run %.1f s (%.2f x the floor), %s, peak heap %d MB, steps %s%n", label,
                run.millis() / 1000.0, pair.ratio(),
                run.completed() ? run.accepted() + " accepted, " + run.rejected() + " rejected" : "FAILED: " + run.failure(),
                run.peakHeapMb(), run.stepMillis());
        if (!run.profile().isEmpty()) {
            System.out.println(run.profile());
        }
        return pair;
    }

    /** The same spec generates the same files, so a complete earlier generation is reused. */
    private static Workload reuseOrGenerate(WorkloadSpec workloadSpec, Path dir) throws IOException {
        if (Files.exists(dir.resolve(Workload.MANIFEST))) {
            Workload existing = Workload.load(dir);
            long files;
            try (Stream<Path> listed = Files.list(existing.inbox())) {
                files = listed.count();
            }
            if (existing.spec().equals(workloadSpec) && files == workloadSpec.units() + 1L) {
                return existing;
            }
        }
        deleteRecursively(dir);
        return new WorkloadGenerator(workloadSpec).generate(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
