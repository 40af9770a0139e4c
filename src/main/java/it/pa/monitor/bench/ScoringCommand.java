package it.pa.monitor.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench scoring}: scoring alone ({@link ScoringBench}) over a workload already generated, in this JVM. */
@Command(name = "scoring", hidden = true,
        description = "Scores the plan of a generated workload for its four quarters, without a database, and prints the time.")
final class ScoringCommand implements Callable<Integer> {

    @Option(names = "--workload", required = true, description = "folder written by bench generate")
    private Path workload;

    @Override
    public Integer call() throws Exception {
        ScoringBench.Result result = ScoringBench.measure(Workload.load(workload));
        System.out.println(line(result));
        return 0;
    }

    /** The console line of {@code bench run} and of this command. */
    static String line(ScoringBench.Result r) {
        return String.format(Locale.ROOT, "scoring alone %d indicators × %d periods (%d values): %.3f s"
                + " (median of %d rounds after %d warm-up rounds, fastest %.3f s, CPU %.3f s per round)", r.indicators(),
                r.periods(), r.values(), r.medianMillis() / 1000.0, ScoringBench.MEASURED_ROUNDS,
                ScoringBench.WARM_UP_ROUNDS, r.fastestMillis() / 1000.0, r.cpuMillis() / 1000.0);
    }
}
