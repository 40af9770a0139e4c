package it.pa.monitor.bench;

/** What a floor reader did: files and non-empty cells read, in how many milliseconds. */
record FloorResult(String reader, int files, long cells, long millis) {
}
