package it.pa.monitor.report.layout;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTMergeCells;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorksheet;

/**
 * Merged regions added to one sheet as POI's {@code addMergedRegionUnsafe} adds them (no check
 * against the earlier ones: the caller lays them out apart), without looking up the sheet's list
 * of merges each time: POI asks the worksheet whether it has one, which counts all its elements,
 * one more conditional format per card, so that each merge cost more than the one before.
 */
public final class MergedRegions {

    private final Sheet sheet;
    private CTMergeCells merges;

    public MergedRegions(Sheet sheet) {
        this.sheet = sheet;
    }

    /** Merges {@code region}, which overlaps no merged region of the sheet. */
    public void add(CellRangeAddress region) {
        if (region.getNumberOfCells() < 2) {
            throw new IllegalArgumentException("Merged region " + region.formatAsString()
                    + " must contain 2 or more cells");
        }
        region.validate(SpreadsheetVersion.EXCEL2007);
        if (merges == null) {
            CTWorksheet worksheet = Cells.drawingSheet(sheet).getCTWorksheet();
            merges = worksheet.isSetMergeCells() ? worksheet.getMergeCells() : worksheet.addNewMergeCells();
        }
        merges.addNewMergeCell().setRef(region.formatAsString());
        long count = merges.getCount();
        merges.setCount(count == 0 ? merges.sizeOfMergeCellArray() : count + 1);
    }
}
