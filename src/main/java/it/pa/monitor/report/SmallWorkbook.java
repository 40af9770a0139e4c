package it.pa.monitor.report;

import it.pa.monitor.report.layout.PlainTexts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.ss.usermodel.RichTextString;
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
     * POI's table, written the same, kept as the texts themselves: POI wraps every new text in a rich-text
     * bean, looks it up by its XML, copies it into the table's XML tree and serialises that tree at the end,
     * the dearest part of a small workbook's strings. Here a plain string (no runs of formatting) is the
     * text, looked up by itself and written as XMLBeans writes it; rich strings are kept as POI keeps them,
     * and a table holding one is written by POI's own path.
     */
    static final class PlainStrings extends SharedStringsTable implements PlainTexts {

        private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst count=\"")
                .getBytes(StandardCharsets.UTF_8);
        private static final String NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

        /** Every entry by index: a {@link String} for a plain text, a {@link CTRst} for a rich one. */
        private final List<Object> entries = new ArrayList<>();
        /** Plain texts by text, rich ones by POI's key (their XML). */
        private final Map<String, Integer> plain = new HashMap<>();
        private final Map<String, Integer> rich = new HashMap<>();
        private int richCount;
        /** Whether every plain text so far is {@link #writable}. */
        private boolean allWritable = true;

        @Override
        public int index(String text) {
            count++; // as POI's table counts every use
            Integer known = plain.get(text);
            if (known != null) {
                return known;
            }
            int index = entries.size();
            entries.add(text);
            plain.put(text, index);
            allWritable &= writable(text);
            uniqueCount++;
            return index;
        }

        @Override
        public String text(int index) {
            // POI reads "_xHHHH_" back as the character it escapes: such a text is left to POI to read.
            return index >= 0 && index < entries.size() && entries.get(index) instanceof String text
                    && !text.contains("_x") ? text : null;
        }

        @Override
        public int addSharedStringItem(RichTextString string) {
            if (!(string instanceof XSSFRichTextString xssf)) {
                throw new IllegalArgumentException("Only XSSFRichTextString argument is supported");
            }
            CTRst st = xssf.getCTRst();
            if (isPlain(st)) {
                return index(st.getT());
            }
            count++;
            String key = xmlText(st);
            Integer known = rich.get(key);
            if (known != null) {
                return known;
            }
            int index = entries.size();
            entries.add((CTRst) st.copy());
            rich.put(key, index);
            richCount++;
            uniqueCount++;
            return index;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            Object entry = entries.get(idx);
            return entry instanceof String text ? new XSSFRichTextString(text) : new XSSFRichTextString((CTRst) entry);
        }

        @Override
        public List<RichTextString> getSharedStringItems() {
            List<RichTextString> items = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                items.add(getItemAt(i));
            }
            return Collections.unmodifiableList(items);
        }

        /**
         * The XML POI writes: by hand when every entry is a plain text XMLBeans would write as it is escaped
         * here, through POI's table otherwise (made then from the entries, as POI would have made it).
         */
        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (richCount > 0 || entries.isEmpty() || !allWritable) {
                poiTable().writeTo(out);
                return;
            }
            Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
            out.write(HEAD);
            xml.write(Integer.toString(count));
            xml.write("\" uniqueCount=\"");
            xml.write(Integer.toString(uniqueCount));
            xml.write("\" xmlns=\"" + NAMESPACE + "\">");
            for (Object entry : entries) {
                String text = (String) entry;
                if (text.isEmpty()) {
                    xml.write("<si><t/></si>");
                    continue;
                }
                xml.write(Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))
                        ? "<si><t xml:space=\"preserve\">" : "<si><t>");
                escaped(xml, text);
                xml.write("</t></si>");
            }
            xml.write("</sst>");
            xml.flush();
        }

        /** POI's own table holding the same entries in the same order, with the same counts. */
        private SharedStringsTable poiTable() {
            SharedStringsTable table = new SharedStringsTable() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    count = PlainStrings.this.count; // a repeated text counts once more
                    super.writeTo(out);
                }
            };
            for (Object entry : entries) {
                table.addSharedStringItem(entry instanceof String text ? new XSSFRichTextString(text)
                        : new XSSFRichTextString((CTRst) entry));
            }
            return table;
        }

        /** A text whose XML is the text with '<' and '&' escaped: no character XMLBeans replaces or keeps apart. */
        static boolean writable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean plainChar = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c == '\t' || c == '\n';
                if (!plainChar || (c == '>' && i >= 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']')) {
                    return false;
                }
            }
            return true;
        }

        /** {@code text} as XMLBeans' saver escapes element content (for a {@link #writable} text). */
        private static void escaped(Writer xml, String text) throws IOException {
            int plainFrom = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '<' || c == '&') {
                    xml.write(text, plainFrom, i - plainFrom);
                    xml.write(c == '<' ? "&lt;" : "&amp;");
                    plainFrom = i + 1;
                }
            }
            xml.write(text, plainFrom, text.length() - plainFrom);
        }

        private static boolean isPlain(CTRst string) {
            return string.sizeOfRArray() == 0 && string.sizeOfRPhArray() == 0 && !string.isSetPhoneticPr()
                    && string.isSetT();
        }
    }
}
