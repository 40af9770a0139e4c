package it.pa.monitor.report.layout;

/**
 * A shared-strings table that files a plain text (no runs of formatting) under the text itself, so that
 * {@link Cells} can put a text cell's index straight into the cell: POI's {@code setCellValue(String)} first
 * wraps every text in a rich-text XML bean, and reading a cell's text back builds another. A workbook may be one
 * too: its cells are plain values (SXSSF's) and {@link Cells} files each text in its shared strings when it makes
 * the cell, as XSSF would.
 */
public interface PlainTexts {

    /** The table's index of {@code text}, added if new; counted as one more use, as POI counts it. */
    int index(String text);

    /** The plain text at {@code index}; null when the entry there is not one this table knows as plain. */
    String text(int index);
}
