package it.pa.monitor.bench;

/** One line of the benchmark table: a workload, its two floors, scoring alone and the full run. */
record BenchRow(Workload workload, long generationMillis, FloorReaders.Result poi, FloorReaders.Result fastexcel,
                ScoringBench.Result scoring, ChildRun.Result run) {

    int files() {
        return workload.monitoringFiles() + 1;
    }

    /** Accepted and rejected exactly as the generator made them. */
    boolean outcomeAsExpected() {
        return run.completed() && run.accepted() == workload.expectedAccepted()
                && run.rejected() == workload.expectedRejected();
    }
}
