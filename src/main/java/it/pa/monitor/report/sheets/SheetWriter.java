package it.pa.monitor.report.sheets;

import it.pa.monitor.report.RelazioneWriter;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;

import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes one sheet of the consolidated workbook (FORMATS.md §5). Where it goes among the others
 * is {@link RelazioneWriter}'s business; the sheet says how it must be written ({@link #mode()}).
 */
public interface SheetWriter {

    /** How a sheet is built. */
    enum Mode {
        /** On the whole in-memory model: charts that read their cells back, heights set after the rows. */
        IN_MEMORY,
        /** Through SXSSF, rows strictly top to bottom, only a window of them in memory: sheets that grow with the plan. */
        STREAMED
    }

    /** The sheet name, exactly as FORMATS.md §5 gives it. */
    String name();

    /** Whether the sheet streams or needs the in-memory model. */
    Mode mode();

    /** Writes the sheet; {@code false} when it does not apply (PIRA without a Pira sheet in the plan). */
    boolean write(Workbook workbook, ReportData data, ReportStyles styles);
}
