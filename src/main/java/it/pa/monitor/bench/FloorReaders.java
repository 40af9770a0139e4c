package it.pa.monitor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The floors of the benchmark: every cell of every sheet of every file parsed by one thread, doing nothing
 * else; first with POI's SAX reader (values formatted as POI shows them), then with fastexcel-reader.
 */
final class FloorReaders {

    private FloorReaders() {
    }

    static Result poiSax(List<Path> files) throws Exception {
        long start = System.nanoTime();
        long[] cells = {0};
        XSSFSheetXMLHandler.SheetContentsHandler counter = new XSSFSheetXMLHandler.SheetContentsHandler() {
            @Override
            public void startRow(int rowNum) {
            }

            @Override
            public void endRow(int rowNum) {
            }

            @Override
            public void cell(String reference, String formattedValue, XSSFComment comment) {
                if (formattedValue != null && !formattedValue.isEmpty()) {
                    cells[0]++;
                }
            }
        };
        DataFormatter formatter = new DataFormatter();
        for (Path file : files) {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                Iterator<InputStream> sheets = reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream in = sheets.next()) {
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, counter, formatter, false));
                        xml.parse(new InputSource(in));
                    }
                }
            }
        }
        return new Result("POI SAX (XSSFReader + XSSFSheetXMLHandler)", files.size(), cells[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    static Result fastexcel(List<Path> files) throws IOException {
        long start = System.nanoTime();
        long cells = 0;
        for (Path file : files) {
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                Iterator<Sheet> sheets = workbook.getSheets().iterator();
                while (sheets.hasNext()) {
                    try (Stream<Row> rows = sheets.next().openStream()) {
                        Iterator<Row> iterator = rows.iterator();
                        while (iterator.hasNext()) {
                            for (Cell cell : iterator.next()) {
                                if (cell != null && cell.getType() != CellType.EMPTY && cell.getRawValue() != null) {
                                    cells++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Result("fastexcel-reader 0.19.0", files.size(), cells, (System.nanoTime() - start) / 1_000_000);
    }

    /** What a floor reader did: files and non-empty cells read, in how many milliseconds. */
    record Result(String reader, int files, long cells, long millis) {
    }
}
