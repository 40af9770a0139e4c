package it.pa.monitor.intake.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sheet names read from the workbook part alone are those POI's package reader lists. */
class SheetNamesTest {

    @TempDir
    private Path dir;

    @Test
    void namesInWorkbookOrderAsPoiListsThem() throws Exception {
        Path file = TestWorkbooks.xlsx(dir, "piano.xlsx", wb -> {
            TestWorkbooks.sheet(wb, "Aree & obiettivi", TestWorkbooks.row("x"));
            TestWorkbooks.sheet(wb, "Indicatori", TestWorkbooks.row("x"));
            TestWorkbooks.sheet(wb, "Unità <2025>", TestWorkbooks.row("x"));
            wb.setSheetHidden(2, true);
        });

        assertThat(SheetNames.of(file)).containsExactly("Aree & obiettivi", "Indicatori", "Unità <2025>")
                .isEqualTo(poiNames(file));
    }

    @Test
    void followsThePackageRelationshipToAWorkbookPartElsewhere() throws Exception {
        Path file = TestWorkbooks.xlsx(dir, "scheda.xlsx", wb -> TestWorkbooks.sheet(wb, "Rilevazione",
                TestWorkbooks.row("x")));
        Path moved = rewrite(file, dir.resolve("spostata.xlsx"), (name, text) -> switch (name) {
            case "_rels/.rels" -> text.replace("Target=\"xl/workbook.xml\"", "Target=\"/xl/libro.xml\"");
            case "[Content_Types].xml" -> text.replace("/xl/workbook.xml", "/xl/libro.xml");
            default -> text;
        }, name -> switch (name) {
            case "xl/workbook.xml" -> "xl/libro.xml";
            case "xl/_rels/workbook.xml.rels" -> "xl/_rels/libro.xml.rels";
            default -> name;
        });

        assertThat(SheetNames.of(moved)).containsExactly("Rilevazione").isEqualTo(poiNames(moved));
    }

    @Test
    void aZipWithoutAWorkbookIsNotAWorkbook() throws IOException {
        Path zip = dir.resolve("archivio.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("leggimi.txt"));
            out.write("niente".getBytes(StandardCharsets.UTF_8));
        }
        Path text = Files.writeString(dir.resolve("testo.xlsx"), "non una cartella di lavoro");

        assertThatThrownBy(() -> SheetNames.of(zip)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SheetNames.of(text)).isInstanceOf(IOException.class);
    }

    private static List<String> poiNames(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return names;
        }
    }

    private interface TextEdit {
        String apply(String entry, String text);
    }

    private interface Rename {
        String apply(String entry);
    }

    /** A copy of the package with some entries' text edited and some entries renamed. */
    private static Path rewrite(Path source, Path target, TextEdit edit, Rename rename) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = readAll(in);
                if (entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")) {
                    bytes = edit.apply(entry.getName(), new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(rename.apply(entry.getName())));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }


    /**
     * An .xls is named from its BoundSheet records, an .ods from its content's tables, neither loaded whole: the names
     * are those POI's and SODS's whole readers list, in order.
     */
    @Test
    void anXlsAndAnOdsAreNamedAsTheirWholeReadersNameThem() throws IOException {
        Path xls = TestWorkbooks.xls(dir, "scheda.xls", wb -> {
            wb.createSheet("Istruzioni");
            TestWorkbooks.sheet(wb, "Rilevazione", TestWorkbooks.row("Codice indicatore", "Consuntivo"),
                    TestWorkbooks.row("IND_01", 1));
            wb.createSheet("_meta");
            wb.setSheetHidden(2, true);
        });
        List<String> whole = new ArrayList<>();
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(
                Files.newInputStream(xls))) {
            workbook.forEach(sheet -> whole.add(sheet.getSheetName()));
        }
        assertThat(SheetNames.of(xls)).isEqualTo(whole).containsExactly("Istruzioni", "Rilevazione", "_meta");

        for (String sample : List.of("piano-2022.ods", "scheda_S_RM_2022.ods", "celle.ods")) {
            Path ods = Path.of("src/test/resources/ods", sample);
            List<String> bySods = new com.github.miachm.sods.SpreadSheet(ods.toFile()).getSheets().stream()
                    .map(com.github.miachm.sods.Sheet::getName).toList();
            assertThat(SheetNames.of(ods)).as(sample).isNotEmpty().isEqualTo(bySods);
        }
    }
}
