package it.pa.monitor.workbook;

import java.util.EnumMap;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellPropertyType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;

/**
 * The cell style of {@link XlsxSheets}: only what reading a value needs, its number format (as POI's
 * {@code XSSFCellStyle} gives it: the {@code numFmtId} of the cell's {@code xf} and that format's code, the
 * workbook's own or built in). Parsing the whole styles part into POI's {@code StylesTable} cost more than
 * reading a monitoring sheet's cells; everything else about the style is not known here.
 */
final class FormatStyle implements CellStyle {

    private final short index;
    private final short format;
    private final String formatString;
    /**
     * What {@link DateUtil#isADateFormat(int, String)} says of the format, once asked: 0 not yet, 1 a date format,
     * 2 not. Written by whichever thread asks first; every thread would write the same.
     */
    private byte dateFormat;

    FormatStyle(int index, short format, String formatString) {
        this.index = (short) index;
        this.format = format;
        this.formatString = formatString;
    }

    /** Whether POI takes the format for a date's ({@link DateUtil#isADateFormat(int, String)}). */
    boolean isDateFormat() {
        if (dateFormat == 0) {
            dateFormat = DateUtil.isADateFormat(format, formatString) ? (byte) 1 : (byte) 2;
        }
        return dateFormat == 1;
    }

    @Override
    public short getIndex() {
        return index;
    }

    @Override
    public short getDataFormat() {
        return format;
    }

    @Override
    public String getDataFormatString() {
        return formatString;
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("XlsxSheets reads only the number format of a cell style");
    }

    @Override
    public void setDataFormat(short value) {
        throw unsupported();
    }

    @Override
    public void setFont(Font value) {
        throw unsupported();
    }

    @Override
    public int getFontIndex() {
        throw unsupported();
    }

    @Override
    public int getFontIndexAsInt() {
        throw unsupported();
    }

    @Override
    public void setHidden(boolean value) {
        throw unsupported();
    }

    @Override
    public boolean getHidden() {
        throw unsupported();
    }

    @Override
    public void setLocked(boolean value) {
        throw unsupported();
    }

    @Override
    public boolean getLocked() {
        throw unsupported();
    }

    @Override
    public void setQuotePrefixed(boolean value) {
        throw unsupported();
    }

    @Override
    public boolean getQuotePrefixed() {
        throw unsupported();
    }

    @Override
    public void setAlignment(HorizontalAlignment value) {
        throw unsupported();
    }

    @Override
    public HorizontalAlignment getAlignment() {
        throw unsupported();
    }

    @Override
    public void setWrapText(boolean value) {
        throw unsupported();
    }

    @Override
    public boolean getWrapText() {
        throw unsupported();
    }

    @Override
    public void setVerticalAlignment(VerticalAlignment value) {
        throw unsupported();
    }

    @Override
    public VerticalAlignment getVerticalAlignment() {
        throw unsupported();
    }

    @Override
    public void setRotation(short value) {
        throw unsupported();
    }

    @Override
    public short getRotation() {
        throw unsupported();
    }

    @Override
    public void setIndention(short value) {
        throw unsupported();
    }

    @Override
    public short getIndention() {
        throw unsupported();
    }

    @Override
    public void setBorderLeft(BorderStyle value) {
        throw unsupported();
    }

    @Override
    public BorderStyle getBorderLeft() {
        throw unsupported();
    }

    @Override
    public void setBorderRight(BorderStyle value) {
        throw unsupported();
    }

    @Override
    public BorderStyle getBorderRight() {
        throw unsupported();
    }

    @Override
    public void setBorderTop(BorderStyle value) {
        throw unsupported();
    }

    @Override
    public BorderStyle getBorderTop() {
        throw unsupported();
    }

    @Override
    public void setBorderBottom(BorderStyle value) {
        throw unsupported();
    }

    @Override
    public BorderStyle getBorderBottom() {
        throw unsupported();
    }

    @Override
    public void setLeftBorderColor(short value) {
        throw unsupported();
    }

    @Override
    public short getLeftBorderColor() {
        throw unsupported();
    }

    @Override
    public void setRightBorderColor(short value) {
        throw unsupported();
    }

    @Override
    public short getRightBorderColor() {
        throw unsupported();
    }

    @Override
    public void setTopBorderColor(short value) {
        throw unsupported();
    }

    @Override
    public short getTopBorderColor() {
        throw unsupported();
    }

    @Override
    public void setBottomBorderColor(short value) {
        throw unsupported();
    }

    @Override
    public short getBottomBorderColor() {
        throw unsupported();
    }

    @Override
    public void setFillPattern(FillPatternType value) {
        throw unsupported();
    }

    @Override
    public FillPatternType getFillPattern() {
        throw unsupported();
    }

    @Override
    public void setFillBackgroundColor(short value) {
        throw unsupported();
    }

    @Override
    public void setFillBackgroundColor(Color value) {
        throw unsupported();
    }

    @Override
    public short getFillBackgroundColor() {
        throw unsupported();
    }

    @Override
    public Color getFillBackgroundColorColor() {
        throw unsupported();
    }

    @Override
    public void setFillForegroundColor(short value) {
        throw unsupported();
    }

    @Override
    public void setFillForegroundColor(Color value) {
        throw unsupported();
    }

    @Override
    public short getFillForegroundColor() {
        throw unsupported();
    }

    @Override
    public Color getFillForegroundColorColor() {
        throw unsupported();
    }

    @Override
    public void cloneStyleFrom(CellStyle value) {
        throw unsupported();
    }

    @Override
    public void setShrinkToFit(boolean value) {
        throw unsupported();
    }

    @Override
    public boolean getShrinkToFit() {
        throw unsupported();
    }

    @Override
    public EnumMap<CellPropertyType, Object> getFormatProperties() {
        throw unsupported();
    }

    @Override
    public void invalidateCachedProperties() {
        throw unsupported();
    }
}
