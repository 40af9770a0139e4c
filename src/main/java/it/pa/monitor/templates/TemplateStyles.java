package it.pa.monitor.templates;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of a template: locked by default, input cells unlocked and tinted. */
final class TemplateStyles {

    final CellStyle title;
    final CellStyle label;
    final CellStyle value;
    final CellStyle note;
    final CellStyle input;
    final CellStyle inputDate;
    final CellStyle header;
    final CellStyle text;
    final CellStyle textBand;
    final CellStyle weight;
    final CellStyle weightBand;
    final CellStyle earlier;
    final CellStyle actual;
    final CellStyle actualDate;
    final CellStyle paragraph;
    final CellStyle heading;

    TemplateStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font italic = workbook.createFont();
        italic.setItalic(true);
        short date = workbook.createDataFormat().getFormat("dd/mm/yyyy");

        title = workbook.createCellStyle();
        title.setFont(big);
        label = workbook.createCellStyle();
        label.setFont(bold);
        value = workbook.createCellStyle();
        note = workbook.createCellStyle();
        note.setFont(italic);
        input = inputStyle(workbook);
        inputDate = inputStyle(workbook);
        inputDate.setDataFormat(date);

        header = bordered(workbook);
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(workbook);
        text.setWrapText(true);
        textBand = banded(workbook, text);
        weight = bordered(workbook);
        weight.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        weightBand = banded(workbook, weight);
        earlier = bordered(workbook);
        earlier.setWrapText(true);
        earlier.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        earlier.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        actual = bordered(workbook);
        unlock(actual);
        actualDate = bordered(workbook);
        unlock(actualDate);
        actualDate.setDataFormat(date);

        paragraph = workbook.createCellStyle();
        paragraph.setWrapText(true);
        paragraph.setVerticalAlignment(VerticalAlignment.TOP);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
    }

    private static CellStyle inputStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderBottom(BorderStyle.THIN);
        unlock(style);
        return style;
    }

    /** Unlocked and light yellow: where the office types. */
    private static void unlock(CellStyle style) {
        style.setLocked(false);
        style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /** Every other objective's rows tinted, so the groups read apart. */
    private static CellStyle banded(Workbook workbook, CellStyle base) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(base);
        style.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }
}
