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

    /**
     * Where the sheet goes among the others; {@link #order()} unless the sheet sits between two
     * numbered ones (FORMATS.md §5: 6a {@code Risorse} = 6.5, 7a {@code Confronto anni} = 7.5).
     */
    default double position() {
        return order();
    }

    /** The sheet name, exactly as FORMATS.md §5 gives it. */
    String name();

    /** Writes the sheet; {@code false} when it does not apply (PIRA without a Pira sheet in the plan). */
    boolean write(Workbook workbook, ReportData data, ReportStyles styles);
}
