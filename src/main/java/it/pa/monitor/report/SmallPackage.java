package it.pa.monitor.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The zip of a small workbook's package, written as POI's {@code ZipPackage.saveImpl} writes it for a new
 * package: the same entries in the same order with the same bytes. The parts are POI's own (committed by POI);
 * only the package's bookkeeping parts ({@code [Content_Types].xml}, the relationship parts and the core
 * properties) are written here, as POI's DOM-and-XSLT path writes them: that path, a new JAXP transformer and a
 * DOM per part, was a tenth of a small workbook's cost. A package holding anything else (a core-properties part
 * already saved, external targets, an attribute needing escapes, relationship ids POI did not number itself)
 * is {@linkplain #writable not written here}: the caller lets POI save it.
 */
final class SmallPackage {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private final OPCPackage pkg;
    /** Every part POI's save writes, in its order, the core properties included. */
    private final List<PackagePart> parts = new ArrayList<>();
    private final PackagePropertiesPart core;
    private final String coreId;
    /** The creation time as POI writes it (formatting it is not cheap); null when not set. */
    private final String created;

    private SmallPackage(OPCPackage pkg, PackagePropertiesPart core, String coreId, String created) {
        this.pkg = pkg;
        this.core = core;
        this.coreId = coreId;
        this.created = created;
    }

    /**
     * The package written as POI would, or null when it holds something {@link #write} does not write as POI
     * does (then POI's own save is the way).
     */
    static SmallPackage writable(OPCPackage pkg) throws InvalidFormatException {
        if (!pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_PROPERTIES).isEmpty()
                || !pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_PROPERTIES_ECMA376).isEmpty()) {
            return null;
        }
        if (!(pkg.getPackageProperties() instanceof PackagePropertiesPart core)) {
            return null;
        }
        String created = core.getCreatedProperty().isPresent() ? core.getCreatedPropertyString() : null;
        if (!plainCore(core) || (created != null && !plainName(created))) {
            return null;
        }
        PackageRelationshipCollection packageRels = pkg.getRelationships();
        // POI numbers the core properties' relationship after the others, as it numbered them.
        for (int i = 0; i < packageRels.size(); i++) {
            if (!("rId" + (i + 1)).equals(packageRels.getRelationship(i).getId())) {
                return null;
            }
        }
        PackagePart corePart = core;
        SmallPackage small = new SmallPackage(pkg, core, "rId" + (packageRels.size() + 1), created);
        boolean coreAdded = false;
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart()) {
                continue;
            }
            int order = part.getPartName().compareTo(corePart.getPartName());
            if (order == 0 || part instanceof PackagePropertiesPart) {
                return null;
            }
            if (!coreAdded && order > 0) {
                small.parts.add(corePart);
                coreAdded = true;
            }
            if (!plainName(part.getPartName().getName()) || !plainRelationships(part.hasRelationships()
                    ? part.getRelationships() : null)) {
                return null;
            }
            small.parts.add(part);
        }
        if (!coreAdded) {
            small.parts.add(corePart);
        }
        return plainRelationships(packageRels) ? small : null;
    }

    /** The package into {@code zip}: content types, the package's relationships, then every part. */
    void write(ZipArchiveOutputStream zip) throws IOException, InvalidFormatException {
        entry(zip, "[Content_Types].xml", contentTypes());
        StringBuilder rels = relationships(pkg.getRelationships(), PackagingURIHelper.PACKAGE_RELATIONSHIPS_ROOT_PART_NAME);
        rels.setLength(rels.length() - "</Relationships>".length());
        relationship(rels, coreId, PackageRelationshipTypes.CORE_PROPERTIES,
                target(PackagingURIHelper.PACKAGE_ROOT_URI, core.getPartName().getURI()));
        rels.append("</Relationships>");
        entry(zip, "_rels/.rels", rels);
        for (PackagePart part : parts) {
            if (part == core) {
                entry(zip, ZipHelper.getZipItemNameFromOPCName(part.getPartName().getURI().getPath()), coreXml());
                continue;
            }
            // As POI's marshaller: an empty shared-strings part is left out.
            if (part.getSize() == 0 && part.getPartName().getName().equals(XSSFRelation.SHARED_STRINGS.getDefaultFileName())) {
                continue;
            }
            entry(zip, ZipHelper.getZipItemNameFromOPCName(part.getPartName().getURI().getPath()), out -> {
                try (InputStream in = part.getInputStream()) {
                    IOUtils.copy(in, out);
                }
            });
            if (part.hasRelationships()) {
                PackagePartName relsName = PackagingURIHelper.getRelationshipPartName(part.getPartName());
                entry(zip, ZipHelper.getZipURIFromOPCName(relsName.getURI().toASCIIString()).getPath(),
                        relationships(part.getRelationships(), relsName));
            }
        }
        zip.finish();
    }

    /**
     * {@code [Content_Types].xml}: POI's manager given every part's type (xml and rels known from the start), a
     * type of a new extension becoming that extension's default, the others overrides; both sorted.
     */
    private StringBuilder contentTypes() {
        Map<String, String> defaults = new TreeMap<>();
        defaults.put("rels", ContentTypes.RELATIONSHIPS_PART);
        defaults.put("xml", ContentTypes.PLAIN_OLD_XML);
        Map<PackagePartName, String> overrides = new TreeMap<>();
        for (PackagePart part : parts) {
            String type = part.getContentType();
            boolean defaultType = defaults.containsValue(type);
            String extension = part.getPartName().getExtension().toLowerCase(Locale.ROOT);
            if (extension.isEmpty() || (defaults.containsKey(extension) && !defaultType)
                    || (!defaults.containsKey(extension) && defaultType)) {
                overrides.put(part.getPartName(), type);
            } else if (!defaultType) {
                defaults.put(extension, type);
            }
        }
        StringBuilder xml = new StringBuilder(2048).append(HEAD).append("<Types xmlns=\"").append(TYPES).append("\">");
        defaults.forEach((extension, type) -> xml.append("<Default ContentType=\"").append(type)
                .append("\" Extension=\"").append(extension).append("\"/>"));
        overrides.forEach((name, type) -> xml.append("<Override ContentType=\"").append(type)
                .append("\" PartName=\"").append(name.getName()).append("\"/>"));
        return xml.append("</Types>");
    }

    private static StringBuilder relationships(PackageRelationshipCollection rels, PackagePartName relsName) {
        URI source = PackagingURIHelper.getSourcePartUriFromRelationshipPartUri(relsName.getURI());
        StringBuilder xml = new StringBuilder(1024).append(HEAD).append("<Relationships xmlns=\"")
                .append(RELATIONSHIPS).append("\">");
        for (PackageRelationship rel : rels) {
            relationship(xml, rel.getId(), rel.getRelationshipType(), target(source, rel.getTargetURI()));
        }
        return xml.append("</Relationships>");
    }

    private static String target(URI source, URI target) {
        return PackagingURIHelper.relativizeURI(source, target, true).toString();
    }

    /** One relationship, its attributes in the order POI's serialiser gives them (by name). */
    private static void relationship(StringBuilder xml, String id, String type, String target) {
        xml.append("<Relationship Id=\"").append(id).append("\" Target=\"").append(target).append("\" Type=\"")
                .append(type).append("\"/>");
    }

    /** The core properties POI writes for a new workbook: when it was created, and by what. */
    private StringBuilder coreXml() {
        StringBuilder xml = new StringBuilder(512).append(HEAD).append("<cp:coreProperties"
                + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        if (created != null) {
            xml.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(created)
                    .append("</dcterms:created>");
        }
        core.getCreatorProperty().ifPresent(creator -> xml.append("<dc:creator>").append(creator).append("</dc:creator>"));
        return xml.append("</cp:coreProperties>");
    }

    private static void entry(ZipArchiveOutputStream zip, String name, CharSequence xml) throws IOException {
        entry(zip, name, out -> out.write(xml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One entry, dated as POI dates them. A failure is thrown as it is (no closing of the entry in a {@code finally},
     * which could throw in its place): the zip is abandoned then.
     */
    private static void entry(ZipArchiveOutputStream zip, String name, Content content)
            throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        ZipHelper.adjustEntryTime(entry);
        zip.putArchiveEntry(entry);
        content.writeTo(zip);
        zip.closeArchiveEntry();
    }

    /** What an entry holds, written into the zip. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Core properties holding only what a new workbook's hold, in characters written as they are. */
    private static boolean plainCore(PackagePropertiesPart core) {
        List<Optional<?>> others = List.of(core.getCategoryProperty(), core.getContentStatusProperty(),
                core.getContentTypeProperty(), core.getDescriptionProperty(), core.getIdentifierProperty(),
                core.getKeywordsProperty(), core.getLanguageProperty(), core.getLastModifiedByProperty(),
                core.getLastPrintedProperty(), core.getModifiedProperty(), core.getRevisionProperty(),
                core.getSubjectProperty(), core.getTitleProperty(), core.getVersionProperty());
        return others.stream().noneMatch(Optional::isPresent) && core.getCreatorProperty().map(SmallPackage::plainName).orElse(true);
    }

    /** Internal relationships whose ids, types and targets need no escaping; true for none. */
    private static boolean plainRelationships(PackageRelationshipCollection rels) {
        if (rels == null) {
            return true;
        }
        for (PackageRelationship rel : rels) {
            if (rel.getTargetMode() != TargetMode.INTERNAL
                    || PackageRelationshipTypes.HYPERLINK_PART.equals(rel.getRelationshipType())
                    || !plainName(rel.getId()) || !plainName(rel.getRelationshipType())
                    || !plainName(rel.getTargetURI().toString())) {
                return false;
            }
        }
        return true;
    }

    /** Letters, digits, spaces and the punctuation of names and URIs: nothing an XML serialiser escapes. */
    private static boolean plainName(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ' ' || c == '/' || c == '.' || c == '_' || c == '-' || c == ':' || c == '+';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
