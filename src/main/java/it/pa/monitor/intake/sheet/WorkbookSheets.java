package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.WorkbookCells;
import it.pa.monitor.workbook.XlsxSheets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The sheets of an open workbook as {@link WorkbookTableReader} walks them: by position, each read once,
 * rows in file order, cells read through one {@link WorkbookCells}. A POI workbook (streamed .xlsx, .xls,
 * .ods) or an .xlsx parsed by {@link XlsxSheets} answer alike.
 */
interface WorkbookSheets {

    /** The sheet names, in workbook order. */
    List<String> names();

    /** The rows of the sheet at {@code index}, in file order. */
    Iterator<Row> rows(int index);

    /** The merged regions of the sheet at {@code index}: all of them once its rows have been read to the end. */
    List<CellRangeAddress> mergedRegions(int index);

    /** The cell reader for this workbook. */
    WorkbookCells cells();

    static WorkbookSheets of(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        WorkbookCells cells = new WorkbookCells(workbook);
        return new WorkbookSheets() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public Iterator<Row> rows(int index) {
                return workbook.getSheetAt(index).iterator();
            }

            @Override
            public List<CellRangeAddress> mergedRegions(int index) {
                return workbook.getSheetAt(index).getMergedRegions();
            }

            @Override
            public WorkbookCells cells() {
                return cells;
            }
        };
    }

    static WorkbookSheets of(XlsxSheets sheets) {
        List<String> names = sheets.sheetNames();
        WorkbookCells cells = sheets.cells();
        Map<Integer, XlsxSheets.SheetRows> opened = new HashMap<>();
        return new WorkbookSheets() {
            @Override
            public List<String> names() {
                return names;
            }

            @Override
            public Iterator<Row> rows(int index) {
                try {
                    XlsxSheets.SheetRows rows = sheets.rows(names.get(index));
                    opened.put(index, rows);
                    return rows;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public List<CellRangeAddress> mergedRegions(int index) {
                XlsxSheets.SheetRows rows = opened.get(index);
                return rows == null ? List.of() : rows.mergedRegions();
            }

            @Override
            public WorkbookCells cells() {
                return cells;
            }
        };
    }
}
