package it.pa.monitor.workbook;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** A read-only row of {@link XlsxSheets}: its cells by column, a later cell of a column replacing an earlier one. */
final class XlsxRow implements Row {

    private final int rowNum;
    private final boolean hidden;
    private Cell[] cells = new Cell[16];
    private int size;

    XlsxRow(int rowNum, boolean hidden) {
        this.rowNum = rowNum;
        this.hidden = hidden;
    }

    void put(Cell cell) {
        int column = cell.getColumnIndex();
        if (column >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
        }
        if (cells[column] == null) {
            size++;
        }
        cells[column] = cell;
    }

    @Override
    public int getRowNum() {
        return rowNum;
    }

    @Override
    public Cell getCell(int cellnum) {
        return cellnum >= 0 && cellnum < cells.length ? cells[cellnum] : null;
    }

    @Override
    public Cell getCell(int cellnum, MissingCellPolicy policy) {
        Cell cell = getCell(cellnum);
        if (policy == MissingCellPolicy.RETURN_BLANK_AS_NULL && cell != null && cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (policy == MissingCellPolicy.CREATE_NULL_AS_BLANK && cell == null) {
            throw readOnly();
        }
        return cell;
    }

    @Override
    public short getFirstCellNum() {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                return (short) i;
            }
        }
        return -1;
    }

    @Override
    public short getLastCellNum() {
        for (int i = cells.length - 1; i >= 0; i--) {
            if (cells[i] != null) {
                return (short) (i + 1);
            }
        }
        return -1;
    }

    @Override
    public int getPhysicalNumberOfCells() {
        return size;
    }

    @Override
    public boolean getZeroHeight() {
        return hidden;
    }

    /** The cells in column order. */
    @Override
    public Iterator<Cell> cellIterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < cells.length && cells[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < cells.length;
            }

            @Override
            public Cell next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Cell cell = Objects.requireNonNull(cells[next]);
                next = advance(next + 1);
                return cell;
            }
        };
    }

    @Override
    public Sheet getSheet() {
        return null;
    }

    @Override
    public short getHeight() {
        return -1;
    }

    @Override
    public float getHeightInPoints() {
        return -1;
    }

    @Override
    public boolean isFormatted() {
        return false;
    }

    @Override
    public CellStyle getRowStyle() {
        return null;
    }

    @Override
    public int getOutlineLevel() {
        return 0;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a row read by XlsxSheets is read-only");
    }

    @Override
    public Cell createCell(int column) {
        throw readOnly();
    }

    @Override
    public Cell createCell(int column, CellType type) {
        throw readOnly();
    }

    @Override
    public void removeCell(Cell cell) {
        throw readOnly();
    }

    @Override
    public void setRowNum(int rowNum) {
        throw readOnly();
    }

    @Override
    public void setHeight(short height) {
        throw readOnly();
    }

    @Override
    public void setZeroHeight(boolean zHeight) {
        throw readOnly();
    }

    @Override
    public void setHeightInPoints(float height) {
        throw readOnly();
    }

    @Override
    public void setRowStyle(CellStyle style) {
        throw readOnly();
    }

    @Override
    public void shiftCellsRight(int firstShiftColumnIndex, int lastShiftColumnIndex, int step) {
        throw readOnly();
    }

    @Override
    public void shiftCellsLeft(int firstShiftColumnIndex, int lastShiftColumnIndex, int step) {
        throw readOnly();
    }
}
