package it.pa.monitor.workbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The parts of a plain .xlsx/.xlsm read straight from its zip, without POI's package model (which parses the
 * content types, relationships and core properties through DOM for every file): POI's own zip reader
 * ({@link ZipSecureFile}), so the zip-bomb limits and their messages are POI's. Only a package with nothing
 * unusual is taken on: every entry named plainly and typed, relationships and core properties as Excel, POI and
 * openpyxl write them, one workbook of worksheets. Anything else throws {@link NotPlain} and the package is opened
 * by POI as before; so a package POI would refuse is never read here.
 */
final class ZipParts implements Closeable {

    /** Thrown for a package this reader leaves to POI. */
    static final class NotPlain extends Exception {
        NotPlain(String message) {
            super(message, null, false, false);
        }
    }

    static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
    private static final String CORE_PROPERTIES_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
    private static final String CORE_PROPERTIES_NS =
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String DCTERMS_NS = "http://purl.org/dc/terms/";
    private static final String DCMITYPE_NS = "http://purl.org/dc/dcmitype/";
    private static final String OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String OFFICE_DOCUMENT = OFFICE_REL + "officeDocument";
    private static final String WORKSHEET = OFFICE_REL + "worksheet";
    private static final String SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The core-properties relationship types POI knows (it refuses a package with two of them). */
    private static final Set<String> CORE_PROPERTIES_RELS = Set.of(
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties");
    /** A part name as Office writes them: plain ASCII segments, none empty, none ending in a dot. */
    private static final Pattern PLAIN_NAME = Pattern.compile("([A-Za-z0-9_.-]*[A-Za-z0-9_-]/)*[A-Za-z0-9_.-]*[A-Za-z0-9_-]");
    private static final Pattern PLAIN_CONTENT_TYPE = Pattern.compile("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_]+");
    /** A W3CDTF date as Excel, POI and openpyxl write it (POI parses it; other forms are left to POI). */
    private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Set<String> CORE_ELEMENTS = Set.of(DC_NS + " title", DC_NS + " subject", DC_NS + " creator",
            DC_NS + " description", DC_NS + " language", DC_NS + " identifier", CORE_PROPERTIES_NS + " keywords",
            CORE_PROPERTIES_NS + " lastModifiedBy", CORE_PROPERTIES_NS + " revision", CORE_PROPERTIES_NS + " category",
            CORE_PROPERTIES_NS + " contentStatus", CORE_PROPERTIES_NS + " version", DCTERMS_NS + " created",
            DCTERMS_NS + " modified");
    private static final Set<String> CORE_NAMESPACES = Set.of(CORE_PROPERTIES_NS, DC_NS, DCTERMS_NS, DCMITYPE_NS,
            XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final ZipSecureFile zip;
    /** Entries by lower-case part name (POI compares part names ignoring case). */
    private final Map<String, ZipArchiveEntry> entries = new HashMap<>();
    /** The content type of each part, by lower-case part name. */
    private final Map<String, String> types = new HashMap<>();
    private final String workbook;
    private final LinkedHashMap<String, String> sheets = new LinkedHashMap<>();

    private ZipParts(ZipSecureFile zip) throws IOException, XMLStreamException, NotPlain {
        this.zip = zip;
        List<String> names = new ArrayList<>();
        int count = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            count++;
            String name = entry.getName();
            if (name.endsWith("/") || name.equals(CONTENT_TYPES)) {
                continue;
            }
            if (!PLAIN_NAME.matcher(name).matches() || name.lastIndexOf('.') <= name.lastIndexOf('/')) {
                throw new NotPlain("entry " + name);
            }
            if (entries.put(key(name), entry) != null) {
                throw new NotPlain("two entries " + name);
            }
            names.add(name);
        }
        if (count > ZipSecureFile.getMaxFileCount() || zip.getEntry(CONTENT_TYPES) == null) {
            throw new NotPlain("entries");
        }
        for (String name : entries.keySet()) {
            // POI refuses a part whose name extends another's (OPC rule M1.11): xl/a.xml and xl/a.xml/b.xml.
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                if (entries.containsKey(name.substring(0, slash))) {
                    throw new NotPlain("part name derived from " + name.substring(0, slash));
                }
            }
        }
        contentTypes(names);
        for (String type : List.of(XSSFRelation.STYLES.getContentType(), XSSFRelation.THEME.getContentType(),
                XSSFRelation.SHARED_STRINGS.getContentType())) {
            if (Collections.frequency(types.values(), type) > 1) {
                throw new NotPlain("two parts of " + type); // POI's part-name order is not a plain one
            }
        }
        for (String name : names) {
            String type = types.get(key(name));
            if (type.equals(RELATIONSHIPS_TYPE)) {
                if (!name.endsWith(".rels") || !("/" + name).contains("/_rels/")) {
                    throw new NotPlain("relationships " + name);
                }
                relationships(name, null);
            } else if (type.equals(CORE_PROPERTIES_TYPE)) {
                coreProperties(name);
            }
        }
        Map<String, String[]> root = relationships("_rels/.rels", "");
        String document = null;
        for (String[] rel : root.values()) {
            if (rel[0].startsWith("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")) {
                throw new NotPlain("strict OOXML");
            }
            if (rel[0].equals(OFFICE_DOCUMENT)) {
                if (document != null) {
                    throw new NotPlain("two office documents");
                }
                document = rel[1];
            }
        }
        if (document == null || !entries.containsKey(key(document))) {
            throw new NotPlain("no workbook");
        }
        this.workbook = document;
        int slash = document.lastIndexOf('/');
        Map<String, String[]> workbookRels = relationships(
                document.substring(0, slash + 1) + "_rels/" + document.substring(slash + 1) + ".rels",
                document.substring(0, slash + 1));
        sheets(workbookRels);
    }

    /** Opens {@code file} as POI opens it, and checks that the package is one read here. */
    static ZipParts open(Path file) throws IOException, NotPlain {
        ZipSecureFile zip = new ZipSecureFile(file.toFile());
        try {
            return new ZipParts(zip);
        } catch (XMLStreamException | RuntimeException e) {
            zip.close();
            throw new NotPlain(e.toString());
        } catch (IOException | NotPlain e) {
            zip.close();
            throw e;
        }
    }

    /** The workbook's worksheets in workbook order, each name's first, to its part. */
    Map<String, String> sheets() {
        return sheets;
    }

    String workbook() {
        return workbook;
    }

    /** The part of {@code contentType} (styles, theme and shared strings are one at most); null when there is none. */
    String first(String contentType) {
        for (Map.Entry<String, String> e : types.entrySet()) {
            if (e.getValue().equals(contentType)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The part, inflated within POI's zip-bomb limits. */
    InputStream open(String part) throws IOException {
        ZipArchiveEntry entry = entries.get(key(part));
        if (entry == null) {
            throw new IOException("no part " + part);
        }
        return zip.getInputStream(entry);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The content type of every entry, as POI's {@code ContentTypeManager} gives it; one missing is refused by POI. */
    private void contentTypes(List<String> names) throws IOException, XMLStreamException, NotPlain {
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> overrides = new HashMap<>();
        read(zip.getInputStream(zip.getEntry(CONTENT_TYPES)), (parser, event, depth) -> {
            if (event != XMLStreamConstants.START_ELEMENT) {
                return;
            }
            String tag = parser.getLocalName();
            if (!TYPES_NS.equals(parser.getNamespaceURI()) || depth > 2
                    || !(depth == 1 ? tag.equals("Types") : tag.equals("Default") || tag.equals("Override"))) {
                throw new NotPlain("content types: " + tag);
            }
            if (depth == 2) {
                String type = attribute(parser, "ContentType");
                if (!PLAIN_CONTENT_TYPE.matcher(type).matches()) {
                    throw new NotPlain("content type " + type);
                }
                if (tag.equals("Default")) {
                    String extension = attribute(parser, "Extension");
                    if (!PLAIN_ID.matcher(extension).matches() || defaults.put(key(extension), type) != null) {
                        throw new NotPlain("extension " + extension);
                    }
                } else {
                    String part = attribute(parser, "PartName");
                    if (!part.startsWith("/") || !PLAIN_NAME.matcher(part.substring(1)).matches()
                            || overrides.put(key(part.substring(1)), type) != null) {
                        throw new NotPlain("override " + part);
                    }
                }
            }
        });
        for (String name : names) {
            String type = overrides.get(key(name));
            if (type == null) {
                type = defaults.get(key(name.substring(name.lastIndexOf('.') + 1)));
            }
            if (type == null) {
                throw new NotPlain("no content type for " + name);
            }
            types.put(key(name), type);
        }
    }

    /**
     * The relationships of a relationships part, by id: type and target part (resolved from {@code folder}, the
     * source part's folder; null for a part whose relationships are only checked). Every part's relationships are
     * checked as POI's parser would take them; those followed must point inside the package.
     */
    private Map<String, String[]> relationships(String part, String folder)
            throws IOException, XMLStreamException, NotPlain {
        ZipArchiveEntry entry = entries.get(key(part));
        if (entry == null) {
            if (folder == null || !folder.isEmpty()) {
                return Map.of();
            }
            throw new NotPlain("no package relationships");
        }
        Map<String, String[]> rels = new LinkedHashMap<>();
        int[] coreProperties = {0};
        read(zip.getInputStream(entry), (parser, event, depth) -> {
            if (event != XMLStreamConstants.START_ELEMENT) {
                return;
            }
            String tag = parser.getLocalName();
            if (!RELATIONSHIPS_NS.equals(parser.getNamespaceURI()) || depth > 2
                    || !tag.equals(depth == 1 ? "Relationships" : "Relationship")) {
                throw new NotPlain("relationships: " + tag);
            }
            if (depth == 2) {
                String id = attribute(parser, "Id");
                String type = attribute(parser, "Type");
                String target = attribute(parser, "Target");
                String mode = parser.getAttributeValue(null, "TargetMode");
                boolean internal = mode == null || mode.equals("Internal");
                if (!PLAIN_ID.matcher(id).matches() || type.isEmpty() || rels.containsKey(id)
                        || !(internal || mode.equals("External"))) {
                    throw new NotPlain("relationship " + id);
                }
                if (CORE_PROPERTIES_RELS.contains(type) && ++coreProperties[0] > 1) {
                    throw new NotPlain("two core properties");
                }
                String resolved = null;
                if (folder != null) {
                    if (!internal) {
                        throw new NotPlain("external " + target);
                    }
                    resolved = resolve(folder, target);
                }
                rels.put(id, new String[] {type, resolved});
            }
        });
        return rels;
    }

    /** A relationship's target as a part name: absolute, or relative to {@code folder}. */
    private static String resolve(String folder, String target) throws NotPlain {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new NotPlain("target " + target);
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        String name = String.join("/", segments);
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new NotPlain("target " + target);
        }
        return name;
    }

    /**
     * Core properties POI reads without complaint (its checks M4.2 to M4.5): known elements only, holding text, no
     * markup-compatibility namespace, no {@code xml:lang}, {@code xsi:type} only on the two dates, dates written plainly.
     */
    private void coreProperties(String part) throws IOException, XMLStreamException, NotPlain {
        boolean[] date = {false};
        StringBuilder text = new StringBuilder();
        read(zip.getInputStream(entries.get(key(part))), (parser, event, depth) -> {
            if (event == XMLStreamConstants.START_ELEMENT) {
                for (int i = 0; i < parser.getNamespaceCount(); i++) {
                    if (!CORE_NAMESPACES.contains(parser.getNamespaceURI(i))) {
                        throw new NotPlain("core properties namespace " + parser.getNamespaceURI(i));
                    }
                }
                String name = parser.getNamespaceURI() + " " + parser.getLocalName();
                if (depth == 1 ? !name.equals(CORE_PROPERTIES_NS + " coreProperties")
                        : depth > 2 || !CORE_ELEMENTS.contains(name)) {
                    throw new NotPlain("core property " + name);
                }
                date[0] = name.startsWith(DCTERMS_NS);
                if (parser.getAttributeCount() != (date[0] ? 1 : 0)) {
                    throw new NotPlain("core property attributes " + name);
                }
                if (date[0] && !(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(parser.getAttributeNamespace(0))
                        && "type".equals(parser.getAttributeLocalName(0))
                        && "dcterms".equals(parser.getPrefix())
                        && "dcterms:W3CDTF".equals(parser.getAttributeValue(0)))) {
                    throw new NotPlain("core property type " + name);
                }
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.CDATA) {
                text.append(parser.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT && depth == 2 && date[0]
                    && !PLAIN_DATE.matcher(text).matches()) {
                throw new NotPlain("core property date " + text);
            }
        });
    }

    /**
     * The workbook's {@code <sheet>}s (POI's sheet iterator takes any element so named, in any namespace), each a
     * worksheet relationship to a part there is.
     */
    private void sheets(Map<String, String[]> rels) throws IOException, XMLStreamException, NotPlain {
        Set<String> seen = new HashSet<>();
        read(open(workbook), (parser, event, depth) -> {
            if (event != XMLStreamConstants.START_ELEMENT || !parser.getLocalName().equalsIgnoreCase("sheet")) {
                return;
            }
            if (!parser.getLocalName().equals("sheet") || !SPREADSHEET_NS.equals(parser.getNamespaceURI())) {
                throw new NotPlain("sheet element " + parser.getName());
            }
            String name = null;
            String id = null;
            for (int i = 0; i < parser.getAttributeCount(); i++) {
                String local = parser.getAttributeLocalName(i);
                String ns = parser.getAttributeNamespace(i);
                if (local.equals("name") && (ns == null || ns.isEmpty())) {
                    name = parser.getAttributeValue(i);
                } else if (local.equals("id") && (OFFICE_REL.equals(ns + "/"))) {
                    id = parser.getAttributeValue(i);
                } else if (local.equalsIgnoreCase("name") || local.equalsIgnoreCase("id")) {
                    throw new NotPlain("sheet attribute " + local);
                }
            }
            String[] rel = id == null ? null : rels.get(id);
            if (name == null || name.isEmpty() || rel == null || !rel[0].equals(WORKSHEET)
                    || !entries.containsKey(key(rel[1])) || !seen.add(id)) {
                throw new NotPlain("sheet " + name);
            }
            sheets.putIfAbsent(name, rel[1]);
        });
    }

    /** What reading a part does with each of its events, given the depth of the element it is in or ends. */
    private interface PartEvents {
        void on(XMLStreamReader parser, int event, int depth) throws NotPlain;
    }

    /** Reads a part to its end, event by event, and closes it. */
    private static void read(InputStream part, PartEvents events) throws IOException, XMLStreamException, NotPlain {
        try (InputStream in = part) {
            XMLStreamReader parser = XML.createXMLStreamReader(in);
            try {
                int depth = 0;
                while (parser.hasNext()) {
                    int event = next(parser);
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                    }
                    events.on(parser, event, depth);
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                parser.close();
            }
        }
    }

    /** The next event; a document type or an entity (which POI's parsers refuse) is not plain. */
    private static int next(XMLStreamReader parser) throws XMLStreamException, NotPlain {
        int event = parser.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new NotPlain("document type or entity");
        }
        return event;
    }

    private static String attribute(XMLStreamReader parser, String name) throws NotPlain {
        String value = parser.getAttributeValue(null, name);
        if (value == null) {
            throw new NotPlain("no " + name);
        }
        return value;
    }
}
