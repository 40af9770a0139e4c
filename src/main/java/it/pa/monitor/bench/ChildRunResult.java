package it.pa.monitor.bench;

/**
 * The full {@code run} in a child process: wall time, whether it completed, what it accepted and stored, and
 * the duration of each Spring Batch step (from the child's log), the peak heap (largest heap occupancy the GC log shows) and peak resident memory of the child.
 */
record ChildRunResult(long millis, boolean completed, String failure, int accepted, int rejected, long values,
        long peakHeapMb, long peakRssMb, java.util.Map<String, Long> stepMillis, String command,
        String profile) {
}
