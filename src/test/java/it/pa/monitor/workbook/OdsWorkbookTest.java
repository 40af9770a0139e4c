package it.pa.monitor.workbook;

import it.pa.monitor.plan.load.PlanWorkbook;
import it.pa.monitor.plan.load.PlanWorkbookReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import com.github.miachm.sods.SpreadSheet;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FORMATS.md §2 cell rules on .ods files saved by LibreOffice (src/test/resources/ods/README.md). */
public class OdsWorkbookTest {

    private static final Path ODS = Path.of("src/test/resources/ods");

    @TempDir
    private Path temp;

    @Test
    void typedCellsOfLibreOfficeReadAsTheirXlsxCounterparts() throws IOException {
        try (Workbook workbook = OdsWorkbook.open(ODS.resolve("celle.ods"))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Rilevazione");
            assertThat(value(sheet, "A1").text()).isEqualTo("testo");
            // A %-formatted cell holding 0.9583 is 95,83 %, as in .xlsx.
            assertThat(value(sheet, "B1")).satisfies(v -> {
                assertThat(v.number()).isEqualByComparingTo("0.9583");
                assertThat(v.percentFormat()).isTrue();
            });
            assertThat(value(sheet, "A2").date()).isEqualTo(LocalDate.of(2025, 12, 18));
            // Formulas: their computed value; errors keep their code.
            assertThat(value(sheet, "B3").number()).isEqualByComparingTo("5");
            assertThat(value(sheet, "C3").number()).isEqualByComparingTo(new BigDecimal("95.83"));
            assertThat(value(sheet, "A3").error()).isEqualTo("#DIV/0!");
            assertThat(value(sheet, "C4").error()).isEqualTo("#N/A");
            assertThat(value(sheet, "E10").error()).isEqualTo("#VALUE!");
            // LibreOffice's own Err:502 (square root of -1) has no Excel code: still an error, never text.
            assertThat(value(sheet, "D10").error()).isNotNull();
            assertThat(value(sheet, "A4").number()).isEqualByComparingTo("1635.5");
            assertThat(value(sheet, "B11").text()).isEqualTo("95,83 %");
            assertThat(value(sheet, "B11").number()).isNull();
            assertThat(sheet.getRow(6).getZeroHeight()).as("row 7 is hidden").isTrue();
            assertThat(sheet.getRow(0).getZeroHeight()).isFalse();
            assertThat(sheet.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A8:B8"));
            assertThat(value(sheet, "A8").text()).isEqualTo("merged");
            assertThat(value(sheet, "B8").isBlank()).as("a covered cell is empty, as in Excel").isTrue();
        }
    }

    @Test
    void aFormulaSavedWithoutItsValueIsEvaluatedNeverReadAsZero() throws IOException {
        try (Workbook workbook = OdsWorkbook.open(ODS.resolve("formule-senza-valore.ods"))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(value(sheet, "B3").number()).isEqualByComparingTo("5");
            assertThat(value(sheet, "A4").text()).isEqualTo("Sì");
        }
    }

    @Test
    void openDocumentIsToldByItsMediaTypeNotItsName() throws IOException {
        assertThat(OdsWorkbook.isSpreadsheet(ODS.resolve("celle.ods"))).isTrue();
        Path text = zip("lettera.ods", "application/vnd.oasis.opendocument.text");
        assertThat(OdsWorkbook.isOpenDocument(text)).isTrue();
        assertThat(OdsWorkbook.isSpreadsheet(text)).isFalse();
        assertThat(OdsWorkbook.isSpreadsheet(Path.of("src/main/resources/samples/piano-2022.xlsx"))).isFalse();
    }

    @Test
    void aPackageWithoutContentIsRefusedWithAReason() throws IOException {
        Path empty = zip("vuoto.ods", OdsWorkbook.MEDIA_TYPE);
        assertThatThrownBy(() -> OdsWorkbook.open(empty)).isInstanceOf(OdsWorkbook.UnreadableOds.class)
                .hasMessageContaining("content.xml");
    }

    @Test
    void aPlanSavedAsOdsReadsAsTheXlsxPlan() throws IOException {
        PlanWorkbookReader reader = new PlanWorkbookReader();
        var problemsOds = new java.util.ArrayList<Problem>();
        var problemsXlsx = new java.util.ArrayList<Problem>();
        PlanWorkbook ods = reader.read(ODS.resolve("piano-2022.ods"), problemsOds::add);
        PlanWorkbook xlsx = reader.read(Path.of("src/main/resources/samples/piano-2022.xlsx"), problemsXlsx::add);
        assertThat(problemsOds).isEmpty();
        assertThat(problemsXlsx).isEmpty();
        assertThat(ods.tables().keySet()).isEqualTo(xlsx.tables().keySet());
        ods.tables().forEach((sheet, table) -> assertThat(table.rows()).as(sheet.sheetName())
                .isEqualTo(xlsx.tables().get(sheet).rows()));
    }

    private static CellValue value(Sheet sheet, String address) {
        CellAddress at = new CellAddress(address);
        var row = sheet.getRow(at.getRow());
        Cell cell = row == null ? null : row.getCell(at.getColumn());
        return PoiCells.read(cell);
    }

    private Path zip(String name, String mediaType) throws IOException {
        Path file = temp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("mimetype"));
            out.write(mediaType.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        return file;
    }

    /**
     * The sheet names read with StAX (to tell a file's kind without loading it) are the ones SODS gives once it has
     * loaded the whole document: every .ods of the tests, and one saved by SODS with names that need escaping.
     */
    @Test
    void sheetNamesAreTheOnesSodsReads() throws IOException {
        SpreadSheet named = new SpreadSheet();
        for (String name : List.of("Scheda", "Dati & note <2025>", "È l'ultimo \"foglio\"")) {
            named.appendSheet(new com.github.miachm.sods.Sheet(name, 2, 2));
        }
        Path saved = temp.resolve("nomi.ods");
        named.save(saved.toFile());
        List<Path> files = new ArrayList<>();
        try (var listed = Files.list(Path.of("src/test/resources/ods"))) {
            listed.filter(p -> p.toString().endsWith(".ods")).sorted().forEach(files::add);
        }
        files.add(saved);
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            List<String> sods = new SpreadSheet(file.toFile()).getSheets().stream()
                    .map(com.github.miachm.sods.Sheet::getName).toList();
            assertThat(OdsWorkbook.sheetNames(file)).as(file.getFileName().toString()).isNotEmpty().isEqualTo(sods);
        }
        assertThat(OdsWorkbook.sheetNames(saved)).containsExactly("Scheda", "Dati & note <2025>", "È l'ultimo \"foglio\"");
    }
}
