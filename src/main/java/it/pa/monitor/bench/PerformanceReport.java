package it.pa.monitor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the benchmark table with the machine, JDK, date and command it was measured with. */
final class PerformanceReport {

    /** What follows this line in the file (analysis written by hand) survives a re-run. */
    static final String KEPT = "<!-- kept by bench run -->";

    private final String command;
    private final String note;
    private final ZonedDateTime started = ZonedDateTime.now();
    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    PerformanceReport(String command, String note) {
        this.command = command;
        this.note = note;
    }

    void write(Path file, List<BenchRow> rows, String heap) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String kept = "";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            kept = old.contains(KEPT) ? "\n" + old.substring(old.indexOf(KEPT)) : "";
        }
        Files.writeString(file, markdown(rows, heap) + kept, StandardCharsets.UTF_8);
    }

    String markdown(List<BenchRow> rows, String heap) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Written by `bench run` (issue 11). Re-run it with the command below on a quiet machine;\n")
                .append("the table is replaced by every run.\n\n");
        if (note != null && !note.isBlank()) {
            md.append("> **Note:** ").append(note.strip()).append("\n\n");
        }
        md.append("- **Command:** `").append(command).append("`\n");
        md.append("- **Date:** ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)))
                .append("\n");
        md.append("- **Machine:** ").append(machine()).append("\n");
        md.append(String.format(Locale.ROOT, "- **Load average** (1 min) at start %.2f, at end %.2f%n", loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        md.append("- **JDK:** ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append("\n");
        md.append("- **Full run:** `run` in a fresh JVM with `-Xmx").append(heap)
                .append("` on a file H2 database: intake, scoring and the consolidated workbook;")
                .append(" its wall time includes JVM and Spring start-up, the jar's launcher and the worker JVM it starts")
                .append(" (see the README).\n");
        md.append("- **Floors:** every cell of every file (plan included) read by one thread in a fresh JVM")
                .append(" doing nothing else, time measured inside that JVM.\n\n");
        md.append("| N uffici | M | files | values | POI SAX floor | fastexcel floor | full run | run ÷ POI floor"
                + " | run ÷ fastexcel floor | files/s | values/s | peak heap | peak RSS | scoring alone, 4 quarters"
                + " | scan / plan / intake / archive / scoring / report / rest | outcome |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (BenchRow row : rows) {
            md.append(line(row)).append('\n');
        }
        md.append("\nfiles = the plan and one monitoring workbook per ufficio; values = values stored by the run")
                .append(" (values in the accepted files when the run failed); peak heap = largest heap occupancy in the")
                .append(" run's GC log (`-Xlog:gc`, the worker's), peak RSS = the worker's `VmHWM`; steps from the Spring Batch log;")
                .append(" report = the consolidated and per-recipient workbooks (the job's last step);")
                .append(" run ÷ floor = the full run's wall time over the floor's;")
                .append(" with `--repeat R`, the POI floor and the full run are measured R times in turn, after the")
                .append(" fastexcel floor and scoring alone (measured once), and the line shows the pair with the median")
                .append(" ratio, or the first failed run, after which that N stops (every pair is listed under its N below);")
                .append(" archive runs beside scoring and report, on its own thread;")
                .append(" rest = the wall time outside the steps (the longer of archive and scoring + report counted):")
                .append(" the launcher's and the worker's JVM and Spring start-up and shutdown;")
                .append(" scoring alone = the scoring step's pure functions (values in force, projections, every level of")
                .append(" the plan) for the four quarters, in the benchmark's own JVM without a database, values made from")
                .append(" the workload's model: median of ").append(ScoringBench.MEASURED_ROUNDS).append(" rounds after ")
                .append(ScoringBench.WARM_UP_ROUNDS).append(" warm-up rounds.\n");
        md.append("\nThe generated workloads (`bench generate`): M indicators per ufficio under one operational objective")
                .append(" each (35 % numeric, 15 % days, 28 % percentages, 12 % deadlines, 10 % yes/no targets), 20 uffici")
                .append(" per area, one strategic objective per area under up to four ambiti; values typed as text with")
                .append(" Italian separators and units or as native number, percent and date cells, 5 % left empty,")
                .append(" 3 % `N.C.`; about 3 % of the monitoring workbooks carry one value intake must reject.\n");
        for (BenchRow row : rows) {
            md.append("\n### N = ").append(row.workload().spec().units()).append("\n\n");
            md.append("- child: `").append(row.run().command()).append("`\n");
            md.append(String.format(Locale.ROOT, "- generation: %.1f s; bad files expected %d: %s%n",
                    row.generationMillis() / 1000.0, row.workload().expectedRejected(),
                    String.join(", ", row.workload().badFiles())));
            md.append("- floors: ").append(floor(row.poi())).append("; ").append(floor(row.fastexcel())).append("\n");
            if (row.pairs().size() > 1) {
                md.append("- ").append(pairs(row)).append("\n");
            }
            md.append("- ").append(ScoringCommand.line(row.scoring())).append("\n");
            if (!row.run().profile().isEmpty()) {
                md.append("- stack samples of the child:\n\n```\n").append(row.run().profile()).append("```\n");
            }
        }
        return md.toString();
    }

    /** Every pair of a line, in the order measured, and which one the line shows. */
    static String pairs(BenchRow row) {
        List<BenchRow.Pair> pairs = row.pairs();
        BenchRow.Pair shown = BenchRow.Pair.shown(pairs);
        return pairs.stream().map(pair -> String.format(Locale.ROOT, "%.2f s → %s%s, peak heap %d MB%s",
                        pair.poi().millis() / 1000.0, pair.run().completed() ? String.format(Locale.ROOT, "%.1f s (%.2f ×)",
                                pair.run().millis() / 1000.0, pair.ratio()) : "failed", counted(pair.run(), row),
                        pair.run().peakHeapMb(), pair == shown ? " (shown)" : ""))
                .collect(Collectors.joining("; ", pairs.size() + " pairs, POI floor → full run, in the order measured: ",
                        shown.run().completed() ? "; the line shows the pair with the median ratio"
                                : "; the line shows the first failed run"));
    }

    /** A completed run's file counts, when they are not the generated ones. */
    private static String counted(ChildRun.Result run, BenchRow row) {
        return run.completed() && !row.countedAsGenerated(run)
                ? String.format(Locale.ROOT, ", %d accepted and %d rejected", run.accepted(), run.rejected()) : "";
    }

    private static String floor(FloorReaders.Result floor) {
        return String.format(Locale.ROOT, "%s %d files, %d cells in %.2f s", floor.reader(), floor.files(),
                floor.cells(), floor.millis() / 1000.0);
    }

    private static String line(BenchRow row) {
        ChildRun.Result run = row.run();
        double seconds = run.millis() / 1000.0;
        String cells = String.format(Locale.ROOT, "| %d | %d | %d | %d | %.2f s | %.2f s | ",
                row.workload().spec().units(), row.workload().spec().indicators(), row.files(),
                run.completed() ? run.values() : row.workload().goodValues(), row.poi().millis() / 1000.0,
                row.fastexcel().millis() / 1000.0);
        if (!run.completed()) {
            return cells + String.format(Locale.ROOT, "**failed** after %.1f s | — | — | — | — | %d MB | %d MB | %s | %s | %s |",
                    seconds, run.peakHeapMb(), run.peakRssMb(), scoring(row.scoring()), steps(run),
                    run.failure().replace("|", "/"));
        }
        String outcome = row.outcomeAsExpected()
                ? String.format("ok: %d accepted, %d rejected as generated", run.accepted(), run.rejected())
                : row.countedAsGenerated(run) ? "**unexpected** counts in another run (see the pairs below)"
                : String.format("**unexpected**: %d accepted, %d rejected; generated %d bad", run.accepted(),
                        run.rejected(), row.workload().expectedRejected());
        return cells + String.format(Locale.ROOT, "%.1f s | %.1f × | %.1f × | %.1f | %.0f | %d MB | %d MB | %s | %s | %s |",
                seconds, BenchRow.Pair.shown(row.pairs()).ratio(),
                run.millis() / (double) Math.max(1, row.fastexcel().millis()), row.files() / seconds,
                run.values() / seconds, run.peakHeapMb(), run.peakRssMb(), scoring(row.scoring()), steps(run), outcome);
    }

    /** Scoring alone: the median round of the four quarters. */
    private static String scoring(ScoringBench.Result scoring) {
        return String.format(Locale.ROOT, "%.3f s", scoring.medianMillis() / 1000.0);
    }

    /**
     * The Spring Batch steps (the workbooks are the last one), then the rest of the wall time: start-up, shutdown.
     * Archive runs beside scoring and report, so only the longer of the two branches is taken from the wall time.
     */
    private static String steps(ChildRun.Result run) {
        Map<String, Long> steps = run.stepMillis();
        if (steps.isEmpty()) {
            return "—";
        }
        // The archive runs beside scoring and report: only the longer of the two branches adds to the wall time.
        long rest = run.millis() - steps.getOrDefault("scan", 0L) - steps.getOrDefault("plan", 0L)
                - steps.getOrDefault("intake", 0L) - Math.max(steps.getOrDefault("archive", 0L),
                steps.getOrDefault("scoring", 0L) + steps.getOrDefault("report", 0L));
        return List.of("scan", "plan", "intake", "archive", "scoring", "report").stream()
                .map(step -> steps.containsKey(step) ? String.format(Locale.ROOT, "%.1f", steps.get(step) / 1000.0) : "—")
                .collect(Collectors.joining(" / ", "", String.format(Locale.ROOT, " / %.1f s", rest / 1000.0)));
    }

    private static String machine() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB memory, %s %s", Runtime.getRuntime().availableProcessors(),
                cpuModel(), memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("cpu model unknown");
        } catch (IOException | RuntimeException e) {
            return "cpu model unknown";
        }
    }
}
