package it.pa.monitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.xml.namespace.QName;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellBorder;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTStylesheet;

/**
 * POI's styles table, its XML written here as XMLBeans writes it: POI's save copies every font, fill, border
 * and format into one document and serialises it, for every small workbook (the traffic lights add three
 * formats per card). The entries are attribute-only elements of the spreadsheet namespace; each is walked once
 * and written as XMLBeans writes it. A stylesheet holding anything else (another element, text, a namespace,
 * an awkward character) is saved by POI.
 */
final class WrittenStyles extends StylesTable {

    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet xmlns=\"" + NS + "\">";

    @Override
    public void writeTo(OutputStream out) throws IOException {
        String xml = xml();
        if (xml == null) {
            super.writeTo(out);
            return;
        }
        out.write(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The XML POI's save writes for this table; null when it holds what this does not write. */
    String xml() {
        CTStylesheet sheet = getCTStylesheet();
        try (XmlCursor root = sheet.newCursor()) {
            // What writeTo sets is all the stylesheet may hold: nothing of an earlier save, nothing read.
            if (root.toFirstAttribute() || root.toFirstChild()) {
                return null;
            }
        }
        StringBuilder xml = new StringBuilder(8192).append(HEAD);
        Map<Short, String> formats = getNumberFormats();
        xml.append("<numFmts count=\"").append(formats.size()).append('"');
        if (formats.isEmpty()) {
            xml.append("/>");
        } else {
            xml.append('>');
            for (Map.Entry<Short, String> format : formats.entrySet()) {
                xml.append("<numFmt numFmtId=\"").append(format.getKey().intValue()).append("\" formatCode=\"");
                if (!attribute(xml, format.getValue())) {
                    return null;
                }
                xml.append("\"/>");
            }
            xml.append("</numFmts>");
        }
        List<XSSFFont> fonts = getFonts();
        List<XSSFCellFill> fills = getFills();
        List<XSSFCellBorder> borders = getBorders();
        if (!list(xml, "fonts", "font", fonts.size(), i -> fonts.get(i).getCTFont())
                || !list(xml, "fills", "fill", fills.size(), i -> fills.get(i).getCTFill())
                || !list(xml, "borders", "border", borders.size(), i -> borders.get(i).getCTBorder())) {
            return null;
        }
        int styleXfs = _getStyleXfsSize();
        if (styleXfs > 0 && !list(xml, "cellStyleXfs", "xf", styleXfs, this::getCellStyleXfAt)) {
            return null;
        }
        int xfs = getNumCellStyles();
        if (xfs > 0 && !list(xml, "cellXfs", "xf", xfs, this::getCellXfAt)) {
            return null;
        }
        int dxfs = _getDXfsSize();
        if (dxfs > 0 && !list(xml, "dxfs", "dxf", dxfs, this::getDxfAt)) {
            return null;
        }
        return xml.append("</styleSheet>").toString();
    }

    /** {@code <list count="n">} and each entry as element {@code entry}, as POI sets them and XMLBeans saves them. */
    private static boolean list(StringBuilder xml, String list, String entry, int size, IntFunction<XmlObject> entries) {
        xml.append('<').append(list).append(" count=\"").append(size).append('"');
        if (size == 0) {
            xml.append("/>");
            return true;
        }
        xml.append('>');
        for (int i = 0; i < size; i++) {
            if (!element(xml, entry, entries.apply(i))) {
                return false;
            }
        }
        xml.append("</").append(list).append('>');
        return true;
    }

    /**
     * {@code bean} as element {@code name}: its attributes (no namespace) and child elements (the spreadsheet
     * namespace, attributes only, no text), an empty element closed at once; false for anything else.
     */
    static boolean element(StringBuilder xml, String name, XmlObject bean) {
        try (XmlCursor cursor = bean.newCursor()) {
            XmlCursor.TokenType first = cursor.currentTokenType();
            if (!first.isStartdoc() && !first.isStart()) {
                return false;
            }
            Deque<String> open = new ArrayDeque<>();
            open.push(name);
            xml.append('<').append(name);
            boolean tagOpen = true;
            while (true) {
                XmlCursor.TokenType token = cursor.toNextToken();
                switch (token.intValue()) {
                    case XmlCursor.TokenType.INT_ATTR -> {
                        QName attribute = cursor.getName();
                        if (!tagOpen || !attribute.getNamespaceURI().isEmpty()) {
                            return false;
                        }
                        xml.append(' ').append(attribute.getLocalPart()).append("=\"");
                        if (!attribute(xml, cursor.getTextValue())) {
                            return false;
                        }
                        xml.append('"');
                    }
                    case XmlCursor.TokenType.INT_START -> {
                        QName element = cursor.getName();
                        if (!NS.equals(element.getNamespaceURI())) {
                            return false;
                        }
                        if (tagOpen) {
                            xml.append('>');
                        }
                        xml.append('<').append(element.getLocalPart());
                        open.push(element.getLocalPart());
                        tagOpen = true;
                    }
                    case XmlCursor.TokenType.INT_END, XmlCursor.TokenType.INT_ENDDOC -> {
                        String closed = open.pop();
                        if (tagOpen) {
                            xml.append("/>");
                        } else {
                            xml.append("</").append(closed).append('>');
                        }
                        tagOpen = false;
                        if (open.isEmpty()) {
                            return true;
                        }
                    }
                    default -> {
                        return false; // text, a namespace, a comment, a processing instruction
                    }
                }
            }
        }
    }

    /**
     * An attribute value as XMLBeans' saver writes it, for values of printable characters: '&', '<' and '"'
     * escaped; false for a value holding anything else ('>', control characters, surrogates).
     */
    static boolean attribute(StringBuilder xml, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '>' || (c >= 0x7F && c <= 0x9F) || (c >= 0xD800 && c <= 0xDFFF) || c >= 0xFFFE) {
                return false;
            }
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '"' -> xml.append("&quot;");
                default -> xml.append(c);
            }
        }
        return true;
    }
}
