package it.pa.monitor.workbook;

import java.util.stream.IntStream;
import org.apache.poi.ss.util.CellReference;

/** A column's letters as Excel shows them ({@code A}, {@code AA}), the first columns worked out once. */
public final class ColumnLetters {

    /** Every cell written or read has its address: the first 256 columns (Excel 2003's sheet) are kept. */
    private static final String[] FIRST = IntStream.range(0, 256)
            .mapToObj(CellReference::convertNumToColString).toArray(String[]::new);

    private ColumnLetters() {
    }

    /** The letters of the 0-based {@code column}. */
    public static String of(int column) {
        return column >= 0 && column < FIRST.length ? FIRST[column] : CellReference.convertNumToColString(column);
    }
}
