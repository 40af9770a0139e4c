package it.pa.monitor.report;

import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes one sheet of the consolidated workbook (FORMATS.md §5). {@link #order()} is the sheet's
 * position (1 = Sintesi ... 10 = Fonti). Sheets up to {@link #LAST_IN_MEMORY} are written on an
 * in-memory workbook (they carry charts and cards); later ones stream (SXSSF) to bounded memory.
 */
public interface SheetWriter {

    /** Sheets 1-7 are built in memory; 8-10 (Risultati, Qualità dati, Fonti) stream. */
    int LAST_IN_MEMORY = 7;

    int order();

    /** The sheet name, exactly as FORMATS.md §5 gives it. */
    String name();

    /** Writes the sheet; {@code false} when it does not apply (PIRA without a Pira sheet in the plan). */
    boolean write(Workbook workbook, ReportData data, ReportStyles styles);
}
