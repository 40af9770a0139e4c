package it.pa.monitor.intake.sheet;

import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import java.nio.file.Path;
import java.util.List;

/** The next few monitoring sheets of a run, read on a small thread pool (see {@link ReadAhead}). */
public final class SheetReadAhead extends ReadAhead<ReadOutcome> {

    SheetReadAhead(MonitoringSheetReader reader, List<Path> files, int threads) {
        super(reader::read, files, threads);
    }
}
