package it.pa.monitor.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One line of the benchmark table: a workload, its two floors, scoring alone and the full run. The POI floor and
 * the full run come in {@link Pair}s, measured one after the other; the line shows {@link Pair#shown} of them.
 */
record BenchRow(Workload workload, long generationMillis, List<Pair> pairs, FloorReaders.Result fastexcel,
                ScoringBench.Result scoring) {

    BenchRow {
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a line needs at least one floor and full run");
        }
    }

    /** The POI floor of the pair shown. */
    FloorReaders.Result poi() {
        return Pair.shown(pairs).poi();
    }

    /** The full run of the pair shown. */
    ChildRun.Result run() {
        return Pair.shown(pairs).run();
    }

    int files() {
        return workload.monitoringFiles() + 1;
    }

    /** Accepted and rejected exactly as the generator made them, in every full run. */
    boolean outcomeAsExpected() {
        return pairs.stream().map(Pair::run).allMatch(run -> run.completed() && countedAsGenerated(run));
    }

    /** Whether {@code run} accepted and rejected as many files as the generator made good and bad. */
    boolean countedAsGenerated(ChildRun.Result run) {
        return run.accepted() == workload.expectedAccepted() && run.rejected() == workload.expectedRejected();
    }

    /**
     * The POI floor and the full run measured right after it. On a machine whose speed drifts from one minute to the
     * next (a shared host), the two measured side by side give the ratio in which the target is expressed.
     */
    record Pair(FloorReaders.Result poi, ChildRun.Result run) {

        /** The full run's time over the POI floor's (a floor under 1 ms counted as 1 ms). */
        double ratio() {
            return run.millis() / (double) Math.max(1, poi.millis());
        }

        /**
         * The pair a line shows: the first whose full run failed, so that a failure is never hidden by the others;
         * else the one with the median ratio (of an even number, the lower of the two middle ones).
         */
        static Pair shown(List<Pair> pairs) {
            return pairs.stream().filter(pair -> !pair.run().completed()).findFirst().orElseGet(() -> {
                List<Pair> byRatio = pairs.stream().sorted(Comparator.comparingDouble(Pair::ratio)).toList();
                return byRatio.get((byRatio.size() - 1) / 2);
            });
        }
    }
}
