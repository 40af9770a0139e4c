package it.pa.monitor.intake.sheet;

import com.github.pjfanning.xlsx.StreamingReader;
import it.pa.monitor.workbook.OdsWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Opens a submitted workbook for reading cell values: .xlsx/.xlsm as a stream of rows, so a large
 * sheet never sits whole in memory, .xls with HSSF (the format caps it at 65,536 rows) and .ods
 * through {@link OdsWorkbook}.
 */
public final class SubmittedWorkbook {

    /** Rows the streaming reader keeps decoded at a time: enough to parse efficiently, small in memory. */
    private static final int ROW_CACHE = 200;

    private SubmittedWorkbook() {
    }

    /** Every format a workbook may come in, as said to the offices. */
    public static final String ACCEPTED_FORMATS = ".xlsx, .xlsm, .xls, .ods";

    /**
     * The format is told by the file's first bytes, not its extension: offices rename files. An .ods
     * is read whole (see {@link OdsWorkbook}); the program's row limit keeps it small.
     */
    public static Workbook open(Path file) throws IOException {
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.open(file);
        }
        FileMagic magic = FileMagic.valueOf(file.toFile());
        return switch (magic) {
            case OOXML -> StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(8192).open(file.toFile());
            case OLE2 -> openOle2(file);
            default -> throw new IOException("not a workbook (" + magic + ")");
        };
    }

    private static Workbook openOle2(Path file) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        try {
            // Also rejects a password-protected .xlsx (an OLE2 container holding the encrypted package)
            // with an EncryptedDocumentException; the workbook closes the file system when it closes.
            return new HSSFWorkbook(fs);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }
}
