package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.OdsWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/** The sheet names of a workbook, read without loading its cells: enough to tell what it is. */
public final class SheetNames {

    private SheetNames() {
    }

    public static List<String> of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.sheetNames(file);
        }
        if (name.endsWith(".xls")) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                 HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
                List<String> names = new ArrayList<>();
                workbook.forEach(sheet -> names.add(sheet.getSheetName()));
                return names;
            }
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return names;
        } catch (OpenXML4JException e) {
            throw new IOException("not an Office Open XML workbook: " + e.getMessage(), e);
        }
    }
}
