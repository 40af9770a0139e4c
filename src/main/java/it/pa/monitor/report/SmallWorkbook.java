package it.pa.monitor.report;

import it.pa.monitor.report.layout.PlainTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * An in-memory workbook for the small per-unit and per-dirigente workbooks: one zip written at the
 * end, no temporary files and no second zip as a streamed workbook needs. Its shared-strings table
 * recognises a repeated plain text by the text itself: POI's serialises every string it is given to
 * XML only to look it up, which was the dearest part of writing a text cell; {@link PlainTexts} lets
 * the report's cells skip the rich-text bean POI wraps every text in, written and read back.
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
    static final class PlainStrings extends SharedStringsTable implements PlainTexts {

        private static final char PLAIN = '\u0001';

        /** The plain texts given to {@link #index}, by text and by index. */
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        @Override
        public int index(String text) {
            Integer known = indexes.get(text);
            if (known != null) {
                count++; // as POI's table counts a repeated string
                return known;
            }
            int index = addSharedStringItem(new XSSFRichTextString(text));
            indexes.put(text, index);
            while (texts.size() <= index) {
                texts.add(null);
            }
            // POI reads "_xHHHH_" back as the character it escapes: such a text is left to POI to read.
            texts.set(index, text.contains("_x") ? null : text);
            return index;
        }

        @Override
        public String text(int index) {
            return index >= 0 && index < texts.size() ? texts.get(index) : null;
        }

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
