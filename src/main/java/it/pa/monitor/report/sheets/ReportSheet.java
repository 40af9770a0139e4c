package it.pa.monitor.report.sheets;

import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.layout.ReportStyles;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** A sheet of the Relazione: its name and mode once, the sheet created here and filled by the subclass. */
public abstract class ReportSheet implements SheetWriter {

    private final String name;
    private final Mode mode;

    ReportSheet(String name, Mode mode) {
        this.name = name;
        this.mode = mode;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Mode mode() {
        return mode;
    }

    @Override
    public final boolean write(Workbook workbook, ReportData data, ReportStyles styles) {
        if (!appliesTo(data)) {
            return false;
        }
        fill(workbook.createSheet(name), data, styles);
        return true;
    }

    /** Whether the plan calls for the sheet at all (PIRA only with a Pira sheet...); yes by default. */
    boolean appliesTo(ReportData data) {
        return true;
    }

    /** Writes the sheet's content on the new, empty sheet. */
    abstract void fill(Sheet sheet, ReportData data, ReportStyles styles);
}
