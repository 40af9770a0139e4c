package it.pa.monitor.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.miachm.sods.SpreadSheet;
import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.workbook.OdsWorkbook;
import it.pa.monitor.workbook.PoiCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code templates --format ods}: the same templates as .xlsx, cell for cell (with the hidden _meta),
 * as OpenDocument; one filled in (as LibreOffice would save it) is accepted back by {@code run}.
 */
class OdsTemplatesTest {

    @TempDir
    private Path work;

    @Test
    void odsTemplatesHoldWhatTheXlsxOnesHoldAndComeBackFilled() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        String db = CommandRun.fileDb(work.resolve("db"));
        assertThat(CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db).exitCode()).isZero();
        Path xlsx = work.resolve("xlsx");
        Path ods = work.resolve("ods");
        assertThat(CommandRun.of("templates", "--period", "2022", "--output", xlsx.toString(), "--db", db).exitCode()).isZero();
        CommandRun generated = CommandRun.of("templates", "--period", "2022", "--output", ods.toString(), "--format", "ods",
                "--db", db);
        assertThat(generated.exitCode()).as(generated.errors()).isZero();

        List<Path> xlsxFiles = TemplateSheet.list(xlsx);
        assertThat(TemplateSheet.list(ods)).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(xlsxFiles.stream()
                        .map(p -> p.getFileName().toString().replace(".xlsx", ".ods")).toList());
        for (Path file : xlsxFiles) {
            Path odsFile = ods.resolve(file.getFileName().toString().replace(".xlsx", ".ods"));
            assertThat(OdsWorkbook.isSpreadsheet(odsFile)).isTrue();
            try (XSSFWorkbook expected = new XSSFWorkbook(file.toFile()); Workbook actual = OdsWorkbook.open(odsFile)) {
                for (String sheet : List.of(TemplateWorkbook.SHEET, TemplateWorkbook.META)) {
                    assertThat(cells(actual.getSheet(sheet))).as(odsFile + " " + sheet)
                            .isEqualTo(cells(expected.getSheet(sheet)));
                }
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new AssertionError(e);
            }
            SpreadSheet raw = new SpreadSheet(odsFile.toFile());
            assertThat(raw.getSheet(TemplateWorkbook.META).isHidden()).isTrue();
        }

        // ISR fills its template in LibreOffice: the published values as text in Consuntivo.
        Map<IndicatorKey, String> published = new java.util.HashMap<>();
        TranscribedPlans.published("massa-carrara-2022").forEach(v -> published.put(v.key(), v.actual()));
        Path isr = ods.resolve("scheda_ISR_2022.ods");
        int filled = 0;
        try (XSSFWorkbook template = TemplateSheet.open(xlsx.resolve("scheda_ISR_2022.xlsx"))) {
            var sheet = template.getSheet(TemplateWorkbook.SHEET);
            int consuntivo = TemplateSheet.columns(sheet).get("Consuntivo");
            SpreadSheet document = new SpreadSheet(isr.toFile());
            for (Map.Entry<Integer, IndicatorKey> row : TemplateSheet.rows(sheet).entrySet()) {
                String value = published.get(row.getValue());
                if (value != null) {
                    document.getSheet(TemplateWorkbook.SHEET).getRange(row.getKey(), consuntivo).setValue(value);
                    filled++;
                }
            }
            document.save(isr.toFile());
        }
        assertThat(filled).isPositive();
        Files.copy(isr, inbox.resolve(isr.getFileName()));
        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db);
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("File: 1 accettato, 0 scartati, 0 saltati; " + filled + " valori registrati");
    }

    /** Every non-blank cell as "A1=text", as the program reads it; not the generation time of _meta. */
    private static List<String> cells(Sheet sheet) {
        List<String> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = PoiCells.read(cell).text();
                if (!text.isBlank() && !text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                    cells.add(cell.getAddress() + "=" + text);
                }
            }
        }
        return cells;
    }
}
