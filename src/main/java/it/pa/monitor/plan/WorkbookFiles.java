package it.pa.monitor.plan;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Opens a whole workbook read-only, whatever its format: .xlsx, .xlsm, .xls or .ods. */
public final class WorkbookFiles {

    private WorkbookFiles() {
    }

    /** The format is told by the content, not the extension. */
    public static Workbook open(Path file) throws IOException {
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.open(file);
        }
        return WorkbookFactory.create(file.toFile(), null, true);
    }
}
