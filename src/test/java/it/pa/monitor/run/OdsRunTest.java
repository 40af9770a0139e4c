package it.pa.monitor.run;

import it.pa.monitor.intake.rejection.ErrorsSheet;
import it.pa.monitor.intake.sheet.SheetFixture;

import it.pa.monitor.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled samples saved by LibreOffice as .ods (src/test/resources/ods) go through the whole
 * run exactly as the .xlsx ones: same values with the same provenance, same results, the published
 * 99,89 % for the ente; a rejected .ods gets its error report as .xlsx, saying so.
 */
public class OdsRunTest {

    private static final Path ODS = Path.of("src/test/resources/ods");
    private static final Path SAMPLES = Path.of("src/main/resources/samples");

    @TempDir
    private Path work;

    @Test
    void samplesSavedAsOdsGiveTheResultsOfTheXlsxSamples() throws Exception {
        String xlsxDb = run("xlsx", SAMPLES, ".xlsx");
        String odsDb = run("ods", ODS, "_2022.ods", "piano-2022.ods");
        CommandRun ods = last;
        assertThat(ods.output()).contains("Piano piano-2022.ods: CARICATO")
                .contains("File: 7 accettati, 0 scartati, 0 saltati; 50 valori registrati")
                .contains("Risultati Camera di Commercio di Massa-Carrara 2022: ente 99,89 %, 50 indicatori misurati su 50");
        String values = "SELECT v.objective_code || '/' || v.indicator_code || '#' || v.occurrence || ' = ' || v.raw_value"
                + " || ' @ ' || REPLACE(f.file_name, '.xlsx', '.ods') || '!' || v.sheet || '!' || v.cell"
                + " FROM reported_value v JOIN submitted_file f ON f.id = v.file_id ORDER BY 1";
        String scores = "SELECT item_level || ' ' || code || ' = ' || CAST(achievement AS VARCHAR) FROM item_score"
                + " ORDER BY 1";
        assertThat(rows(odsDb, values)).hasSize(50).isEqualTo(rows(xlsxDb, values));
        assertThat(rows(odsDb, scores)).isNotEmpty().isEqualTo(rows(xlsxDb, scores));
    }

    @Test
    void aRejectedOdsGetsItsErrorReportAsXlsxAndOtherFormatsAreToldWhatIsAccepted() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(ODS.resolve("piano-2022.ods"), inbox.resolve("piano-2022.ods"));
        Files.copy(ODS.resolve("scheda_ISR_errata.ods"), inbox.resolve("scheda_ISR_errata.ods"));
        Files.writeString(inbox.resolve("scheda_ISR.csv"), "Codice indicatore;Consuntivo\nStudi_ISR;10\n");
        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("File: 0 accettati, 2 scartati")
                .contains("SCARTATO scheda_ISR_errata.ods: 2 errori da correggere")
                .contains("SCARTATO scheda_ISR.csv: formato non accettato (formati accettati: .xlsx, .xlsm, .xls, .ods)");
        Path report = work.resolve("output/2022/scarti/scheda_ISR_errata-errori.xlsx");
        assertThat(report).exists();
        assertThat(inbox.resolve("scarti/2022/scheda_ISR_errata.ods")).exists();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
            Sheet errori = workbook.getSheet("Errori");
            assertThat(errori.getRow(2).getCell(0).getStringCellValue()).contains(ErrorsSheet.OPEN_DOCUMENT_NOTE);
            List<String> listed = new ArrayList<>();
            for (int r = ErrorsSheet.HEADER_ROW + 1; r <= errori.getLastRowNum(); r++) {
                listed.add(formatter.formatCellValue(errori.getRow(r).getCell(0)) + "!"
                        + formatter.formatCellValue(errori.getRow(r).getCell(1)) + " "
                        + formatter.formatCellValue(errori.getRow(r).getCell(2)));
            }
            // The value typed as text (D7) and the formula whose result is #DIV/0! (D8), at their A1 addresses.
            assertThat(listed).containsExactly("Rilevazione!D7 dieci", "Rilevazione!D8 #DIV/0!");
            Sheet copy = workbook.getSheet("Rilevazione");
            assertThat(copy.getRow(6).getCell(3).getCellComment()).isNotNull();
            assertThat(copy.getRow(7).getCell(3).getCellComment()).isNotNull();
            assertThat(formatter.formatCellValue(copy.getRow(6).getCell(1))).isEqualTo("Studi_ISR");
        }
    }

    @Test
    void anOdsAndAnXlsxOfTheSameNameBothRejectedKeepAnErrorReportEach() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(ODS.resolve("piano-2022.ods"), inbox.resolve("piano-2022.ods"));
        Path ods = Files.copy(ODS.resolve("scheda_ISR_errata.ods"), inbox.resolve("scheda_ISR_errata.ods"));
        // The same office sends the sheet again as .xlsx, a value still typed as text: received after the .ods.
        Path xlsx = SheetFixture.forUnit(IntakeRunTest.ENTE, "ISR", "2022")
                .row("OS_1.1", "Studi_ISR", ">= 2,00 N.", "circa tre")
                .writeTo(inbox, "scheda_ISR_errata.xlsx");
        Files.setLastModifiedTime(ods, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(xlsx, FileTime.fromMillis(1_000_000_060_000L));
        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("File: 0 accettati, 2 scartati");
        Path scarti = work.resolve("output/2022/scarti");
        // The first archived keeps the plain name, the second gets " (2)", as the archive names a file already there.
        assertThat(listedValues(scarti.resolve("scheda_ISR_errata-errori.xlsx")))
                .containsExactly("Rilevazione!D7 dieci", "Rilevazione!D8 #DIV/0!");
        assertThat(listedValues(scarti.resolve("scheda_ISR_errata (2)-errori.xlsx")))
                .singleElement().asString().endsWith(" circa tre");
        assertThat(inbox.resolve("scarti/2022/scheda_ISR_errata.ods")).exists();
        assertThat(inbox.resolve("scarti/2022/scheda_ISR_errata.xlsx")).exists();
    }

    /** The Errori sheet's rows of an error report: sheet!cell and the value as typed. */
    private static List<String> listedValues(Path report) throws Exception {
        DataFormatter formatter = new DataFormatter();
        List<String> listed = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
            Sheet errori = workbook.getSheet("Errori");
            for (int r = ErrorsSheet.HEADER_ROW + 1; r <= errori.getLastRowNum(); r++) {
                listed.add(formatter.formatCellValue(errori.getRow(r).getCell(0)) + "!"
                        + formatter.formatCellValue(errori.getRow(r).getCell(1)) + " "
                        + formatter.formatCellValue(errori.getRow(r).getCell(2)));
            }
        }
        return listed;
    }

    private CommandRun last;

    /** Runs the samples of {@code folder} (the plan first named, or piano-2022 + suffix) on a fresh H2 database. */
    private String run(String name, Path folder, String sheetSuffix, String... plan) throws IOException {
        Path inbox = Files.createDirectories(work.resolve(name).resolve("inbox"));
        String planFile = plan.length > 0 ? plan[0] : "piano-2022" + sheetSuffix;
        Files.copy(folder.resolve(planFile), inbox.resolve(planFile));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path sheet : files.filter(f -> f.getFileName().toString().startsWith("scheda_")
                    && f.getFileName().toString().endsWith(sheetSuffix)).toList()) {
                Files.copy(sheet, inbox.resolve(sheet.getFileName()));
            }
        }
        String db = "jdbc:h2:file:" + work.resolve(name).resolve("db/monitor").toAbsolutePath();
        last = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve(name).resolve("output").toString(), "--db", db);
        assertThat(last.exitCode()).as(last.output()).isZero();
        return db;
    }

    private static List<String> rows(String db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db, "sa", "");
             var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
