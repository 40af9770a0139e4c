package it.pa.monitor.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench}: the workload generator and the performance benchmark (issue 11). Runs without Spring and
 * without a database of its own; nothing in the pipeline depends on it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Workload generator and performance benchmark (see docs/PERFORMANCE.md).",
        subcommands = {GenerateCommand.class, BenchRunCommand.class, FloorCommand.class, ScoringCommand.class})
public final class BenchCommand {

    /** Runs {@code bench <args>} and returns its exit code. */
    public static int execute(String... args) {
        return new CommandLine(new BenchCommand()).execute(args);
    }
}
