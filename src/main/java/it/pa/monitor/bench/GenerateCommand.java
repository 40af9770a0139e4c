package it.pa.monitor.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench generate}: writes a workload (plan and monitoring workbooks) deterministically from a seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a plan of N uffici x M indicators and one filled monitoring workbook per ufficio.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--units", required = true, description = "number of uffici (one monitoring workbook each)")
    private int units;

    @Option(names = "--indicators", required = true, description = "indicators per ufficio")
    private int indicators;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--bad-percent", defaultValue = "3",
            description = "share of monitoring workbooks with a value intake must reject (default: ${DEFAULT-VALUE})")
    private double badPercent;

    @Option(names = "--dir", description = "output folder (default: target/bench/workload-N-M-S); files go to <dir>/inbox")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        WorkloadSpec spec = new WorkloadSpec(units, indicators, seed, badPercent);
        Path target = dir != null ? dir : Path.of("target", "bench", "workload-" + units + "-" + indicators + "-" + seed);
        long start = System.nanoTime();
        Workload workload = new WorkloadGenerator(spec).generate(target);
        System.out.printf("Generated in %.1f s: %s (plan %s, %d monitoring workbooks, %d made bad: %s; %d values in the"
                + " good ones)%n", (System.nanoTime() - start) / 1e9, workload.inbox().toAbsolutePath().normalize(),
                workload.planFile(), workload.monitoringFiles(), workload.expectedRejected(),
                String.join(", ", workload.badFiles()), workload.goodValues());
        System.out.printf("Run it with: java -jar target/monitor.jar run --period %s --inbox %s%n", spec.period(),
                workload.inbox());
        return 0;
    }
}
