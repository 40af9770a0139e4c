package it.pa.monitor.report;

import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * An in-memory workbook for the small per-unit and per-dirigente workbooks: one zip written at the
 * end, no temporary files and no second zip as a streamed workbook needs. Its shared-strings table
 * recognises a repeated plain text by the text itself: POI's serialises every string it is given to
 * XML only to look it up, which was the dearest part of writing a text cell.
 */
final class SmallWorkbook {

    private static final XSSFFactory FACTORY = new Factory();

    private SmallWorkbook() {
    }

    /** A new, empty workbook. */
    static XSSFWorkbook create() {
        return new XSSFWorkbook(FACTORY);
    }

    /** POI's own parts, except the shared strings. */
    private static final class Factory extends XSSFFactory {

        @Override
        public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
            return descriptor == XSSFRelation.SHARED_STRINGS ? new PlainStrings() : super.newDocumentPart(descriptor);
        }
    }

    /**
     * POI's table, written the same; only the key of its look-up changes for a plain string (no runs
     * of formatting): the text, marked so that it never equals the XML POI uses as key for the rest.
     */
    static final class PlainStrings extends SharedStringsTable {

        private static final char PLAIN = '\u0001';

        @Override
        protected String xmlText(CTRst string) {
            if (string.sizeOfRArray() == 0 && string.sizeOfRPhArray() == 0 && !string.isSetPhoneticPr()
                    && string.isSetT()) {
                return PLAIN + string.getT();
            }
            return super.xmlText(string);
        }
    }
}
