package it.pa.monitor.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.bench.Workload;
import it.pa.monitor.bench.WorkloadGenerator;
import it.pa.monitor.bench.WorkloadSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain package is read straight from the zip ({@link ZipParts}) and gives exactly what POI's package gave
 * (sheets, every cell with its format, merged regions); an odd one is left to POI, so it opens, or fails, as before.
 */
class ZipPartsTest {

    private static final String CORE = "docProps/core.xml";

    @TempDir
    private Path temp;

    @Test
    void workbooksWrittenByPoiAreReadFromTheZipAsThroughPoisPackage() throws IOException {
        List<Path> files = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook);
            files.add(save(workbook, "celle.xlsx"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            fill(workbook);
            files.add(save(workbook, "macro.xlsm"));
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            fill(workbook);
            files.add(save(workbook, "streamed.xlsx"));
        }
        for (Path file : files) {
            assertPlainAndReadAlike(file);
        }
    }

    @Test
    void theGeneratedPlanAndMonitoringSheetsAreReadFromTheZipAsThroughPoisPackage() throws IOException {
        Workload workload = new WorkloadGenerator(new WorkloadSpec(6, 20, 7, 25)).generate(temp.resolve("carico"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(workload.inbox())) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(7).anyMatch(f -> f.getFileName().toString().equals(workload.planFile()));
        for (Path file : files) {
            assertPlainAndReadAlike(file);
        }
    }

    /** Relationship targets written absolute, or climbing out of a folder, name the same parts. */
    @Test
    void targetsWrittenOtherwiseResolveToTheSameParts() throws IOException {
        Path base = base();
        String rels = text(base, "xl/_rels/workbook.xml.rels");
        assertThat(rels).contains("Target=\"worksheets/sheet1.xml\"");
        Path absolute = replaced(base, "assoluto.xlsx", "xl/_rels/workbook.xml.rels",
                rels.replace("Target=\"", "Target=\"/xl/"));
        Path climbing = replaced(base, "risale.xlsx", "xl/_rels/workbook.xml.rels",
                rels.replace("Target=\"", "Target=\"../xl/"));
        for (Path file : List.of(absolute, climbing)) {
            assertPlainAndReadAlike(file);
            assertThat(read(file, XlsxSheets::open)).isEqualTo(read(base, XlsxSheets::open));
        }
    }

    @Test
    void oddPackagesAreLeftToPoiAndOpenOrFailAsBefore() throws IOException {
        Path base = base();
        String core = text(base, CORE);
        String types = text(base, "[Content_Types].xml");
        String rels = text(base, "_rels/.rels");
        assertThat(core).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
        Map<String, Path> odd = new LinkedHashMap<>();
        // POI refuses these (OPC rules M4.2, M4.4, M4.5, M1.14 and M4.1)
        odd.put("mc", replaced(base, "mc.xlsx", CORE, core.replace("<cp:coreProperties ",
                "<cp:coreProperties xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" ")));
        odd.put("lang", replaced(base, "lang.xlsx", CORE, core.replace("<dc:creator>",
                "<dc:creator xml:lang=\"it\">")));
        odd.put("tipo", replaced(base, "tipo.xlsx", CORE, core.replace("</cp:coreProperties>",
                "<dc:title xsi:type=\"dcterms:W3CDTF\">t</dc:title></cp:coreProperties>")));
        odd.put("senza tipo", added(base, "senza-tipo.xlsx", "xl/extra.sconosciuto", "?"));
        odd.put("due proprietà", replaced(base, "due-core.xlsx", "_rels/.rels", rels.replace("</Relationships>",
                "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                        + "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>")));
        odd.put("doctype tipi", replaced(base, "doctype-tipi.xlsx", "[Content_Types].xml",
                types.replace("<Types ", "<!DOCTYPE Types>\n<Types ")));
        odd.put("doctype cartella", replaced(base, "doctype-cartella.xlsx", "xl/workbook.xml",
                text(base, "xl/workbook.xml").replace("<workbook ", "<!DOCTYPE workbook>\n<workbook ")));
        odd.put("nome derivato", added(base, "derivato.xlsx", "xl/styles.xml/extra.xml", "<a/>"));
        // POI may read these: this reader does not try
        odd.put("data", replaced(base, "data.xlsx", CORE, core.replaceAll(
                "(<dcterms:created[^>]*>)[^<]*", "$12025-03-15T10:00:00.5+01:00")));
        odd.put("spazio", added(base, "spazio.xlsx", "xl/immagine 1.xml", "<a/>"));
        odd.put("relazioni rotte", added(base, "rotte.xlsx", "xl/worksheets/_rels/sheet1.xml.rels", "<Relationships"));
        odd.put("tipi ripetuti", replaced(base, "tipi.xlsx", "[Content_Types].xml", types.replace("</Types>",
                "<Default Extension=\"XML\" ContentType=\"application/xml\"/></Types>")));
        odd.put("esterno", replaced(base, "esterno.xlsx", "xl/_rels/workbook.xml.rels",
                text(base, "xl/_rels/workbook.xml.rels").replace("Target=\"styles.xml\"",
                        "Target=\"http://example.org/styles.xml\" TargetMode=\"External\"")));

        for (Map.Entry<String, Path> e : odd.entrySet()) {
            assertThatThrownBy(() -> ZipParts.open(e.getValue()).close()).as(e.getKey())
                    .isInstanceOf(ZipParts.NotPlain.class);
            assertThat(read(e.getValue(), XlsxSheets::open)).as(e.getKey())
                    .isEqualTo(read(e.getValue(), XlsxSheets::openPackage));
        }
        assertThat(read(odd.get("senza tipo"), XlsxSheets::open)).startsWith("refused");
        assertThat(read(odd.get("doctype tipi"), XlsxSheets::open)).startsWith("refused");
        assertThat(read(odd.get("spazio"), XlsxSheets::open)).isEqualTo(read(base, XlsxSheets::open));
    }

    /** Parts are inflated through POI's own guarded stream: the zip-bomb limits, and their message, are POI's. */
    @Test
    void partsAreReadWithinPoisZipBombLimits() throws IOException, ZipParts.NotPlain {
        try (ZipParts parts = ZipParts.open(base()); InputStream sheet = parts.open("xl/worksheets/sheet1.xml")) {
            assertThat(sheet).isInstanceOf(ZipArchiveThresholdInputStream.class);
        }
    }

    private void assertPlainAndReadAlike(Path file) throws IOException {
        try (ZipParts parts = ZipParts.open(file)) {
            assertThat(parts.sheets()).as(file.getFileName().toString()).isNotEmpty();
        } catch (ZipParts.NotPlain e) {
            throw new AssertionError(file.getFileName() + " left to POI: " + e.getMessage());
        }
        String fromZip = read(file, XlsxSheets::open);
        assertThat(fromZip).doesNotStartWith("refused").contains("sheet ");
        assertThat(fromZip).as(file.getFileName().toString()).isEqualTo(read(file, XlsxSheets::openPackage));
    }

    @FunctionalInterface
    private interface Opener {
        XlsxSheets open(Path file) throws IOException;
    }

    /** Every sheet, row, cell (value and number format) and merged region; or the failure. */
    private static String read(Path file, Opener opener) {
        StringBuilder out = new StringBuilder();
        try (XlsxSheets sheets = opener.open(file)) {
            WorkbookCells cells = sheets.cells();
            for (String name : sheets.sheetNames()) {
                out.append("sheet ").append(name).append('\n');
                XlsxSheets.SheetRows rows = sheets.rows(name);
                while (rows.hasNext()) {
                    Row row = rows.next();
                    out.append("row ").append(row.getRowNum()).append(" hidden=").append(row.getZeroHeight()).append('\n');
                    for (Cell cell : row) {
                        out.append(cell.getAddress()).append(' ').append(cell.getCellType()).append(' ')
                                .append(cell.getCellStyle() == null ? "-" : cell.getCellStyle().getDataFormatString())
                                .append(" = ").append(cells.read(cell)).append('\n');
                    }
                }
                for (CellRangeAddress merged : rows.mergedRegions()) {
                    out.append("merged ").append(merged.formatAsString()).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "refused " + e.getClass().getSimpleName() + " " + root;
        }
        return out.toString();
    }

    /** {@link XlsxSheetsTest}'s cells, plus a hidden row, a merge and a second sheet with a header. */
    private static void fill(Workbook workbook) {
        XlsxSheetsTest.fill(workbook);
        Sheet sheet = workbook.getSheet("Celle");
        sheet.createRow(3).setZeroHeight(true);
        sheet.getRow(3).createCell(1).setCellValue("nascosta");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A5:A7"));
        workbook.createSheet("Secondo").createRow(0).createCell(0).setCellValue("Codice");
    }

    private Path base() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook);
            workbook.getProperties().getCoreProperties().setCreator("Ufficio");
            return save(workbook, "base.xlsx");
        }
    }

    private Path save(Workbook workbook, String name) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    private static String text(Path file, String name) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path replaced(Path from, String name, String entry, String content) throws IOException {
        return rewritten(from, name, entry, content, false);
    }

    private Path added(Path from, String name, String entry, String content) throws IOException {
        return rewritten(from, name, entry, content, true);
    }

    private Path rewritten(Path from, String name, String entry, String content, boolean add) throws IOException {
        Path to = temp.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (add) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return to;
    }
}
