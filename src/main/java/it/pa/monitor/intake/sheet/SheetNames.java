package it.pa.monitor.intake.sheet;

import it.pa.monitor.workbook.OdsWorkbook;
import it.pa.monitor.workbook.ZipLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;

/** The sheet names of a workbook, read without loading its cells: enough to tell what it is. */
public final class SheetNames {

    private static final String OFFICE_DOCUMENT =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String STRICT_OFFICE_DOCUMENT =
            "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private SheetNames() {
    }

    public static List<String> of(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OdsWorkbook.isSpreadsheet(file)) {
            return OdsWorkbook.sheetNames(file);
        }
        if (name.endsWith(".xls")) {
            return xls(file);
        }
        return ooxml(file);
    }

    /**
     * The names of the workbook's BoundSheet records, read as events up to the end of its global part: an .xls is
     * not loaded whole to be told apart (a large one would fill the memory before it could be rejected).
     */
    static List<String> xls(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            List<String> names = new ArrayList<>();
            HSSFRequest request = new HSSFRequest();
            AbortableHSSFListener listener = new AbortableHSSFListener() {
                @Override
                public short abortableProcessRecord(org.apache.poi.hssf.record.Record record) {
                    if (record instanceof BoundSheetRecord sheet) {
                        names.add(sheet.getSheetname());
                        return 0;
                    }
                    return 1; // the end of the globals: every sheet has been named
                }
            };
            request.addListener(listener, BoundSheetRecord.sid);
            request.addListener(listener, EOFRecord.sid);
            try {
                new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
            } catch (HSSFUserException e) {
                throw new IOException(e);
            }
            return names;
        }
    }

    /**
     * The {@code <sheet name="...">} entries of the package's workbook part, read with StAX from the
     * zip under the {@link ZipLimits}: opening the whole package with POI cost more than the read itself.
     */
    private static List<String> ooxml(Path file) throws IOException {
        ZipLimits.apply();
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw new IOException("not an Office Open XML workbook: no [Content_Types].xml");
            }
            ZipArchiveEntry workbook = zip.getEntry(workbookPart(zip));
            if (workbook == null) {
                throw new IOException("not an Office Open XML workbook: no workbook part");
            }
            try (InputStream in = zip.getInputStream(workbook)) {
                return sheetNames(in);
            }
        } catch (XMLStreamException e) {
            throw new IOException("not an Office Open XML workbook: " + e.getMessage(), e);
        }
    }

    /** The zip entry of the workbook part, as the package relationships name it. */
    private static String workbookPart(ZipSecureFile zip) throws IOException, XMLStreamException {
        ZipArchiveEntry rels = zip.getEntry("_rels/.rels");
        if (rels == null) {
            throw new IOException("not an Office Open XML workbook: no _rels/.rels");
        }
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                        String type = xml.getAttributeValue(null, "Type");
                        String target = xml.getAttributeValue(null, "Target");
                        if (target != null && (OFFICE_DOCUMENT.equals(type) || STRICT_OFFICE_DOCUMENT.equals(type))) {
                            return entryName(target);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        throw new IOException("not an Office Open XML workbook: no office document relationship");
    }

    private static String entryName(String target) throws IOException {
        try {
            String path = new URI("/").resolve(new URI(null, null, target, null)).normalize().getPath();
            return path.startsWith("/") ? path.substring(1) : path;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("not an Office Open XML workbook: bad workbook part name " + target, e);
        }
    }

    private static List<String> sheetNames(InputStream in) throws XMLStreamException {
        List<String> names = new ArrayList<>();
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        try {
            int depth = 0;
            boolean inSheets = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = xml.getLocalName();
                    if (depth == 2 && "sheets".equals(local)) {
                        inSheets = true;
                    } else if (inSheets && depth == 3 && "sheet".equals(local)) {
                        String sheet = xml.getAttributeValue(null, "name");
                        if (sheet != null) {
                            names.add(sheet);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && "sheets".equals(xml.getLocalName())) {
                        return names; // nothing after <sheets> names a sheet
                    }
                    depth--;
                }
            }
            return names;
        } finally {
            xml.close();
        }
    }
}
