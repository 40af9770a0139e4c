package it.pa.monitor.intake.sheet;

import it.pa.monitor.values.CellValue;
import it.pa.monitor.workbook.ColumnLetters;
import java.util.Objects;

/** One cell of a monitoring sheet: its address as Excel shows it ({@code D12}), row 1-based, column 0-based. */
public record SheetCell(String address, int row, int column, CellValue value) {

    public SheetCell {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(value, "value");
    }

    /** The cell at {@code row} (1-based) and {@code column} (0-based) holding {@code value}. */
    public static SheetCell at(int row, int column, CellValue value) {
        return new SheetCell(address(row, column), row, column, value);
    }

    /** The Excel address ({@code D12}) of a 1-based row and 0-based column. */
    public static String address(int row, int column) {
        return ColumnLetters.of(column) + row;
    }

    public boolean isBlank() {
        return value.isBlank();
    }
}
