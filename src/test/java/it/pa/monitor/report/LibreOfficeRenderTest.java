package it.pa.monitor.report;

import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.sheets.ConfrontoAnniSheet;
import it.pa.monitor.report.sheets.ConfrontoAnniSheetTest;
import it.pa.monitor.report.sheets.RisorseSheet;
import it.pa.monitor.report.sheets.SintesiSheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workbook opens in LibreOffice (headless conversion to PDF succeeds and yields pages),
 * the closest automatic check of "no repair prompt". Skipped where LibreOffice is not installed:
 * the build and CI do not need it ({@code src/test/scripts/render-report.sh} renders pages to look at).
 */
public class LibreOfficeRenderTest {

    @TempDir
    private Path folder;

    @Test
    void theConsolidatedWorkbookConvertsToPdf() throws Exception {
        assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
        Path workbook = new RelazioneWriter(RelazioneWriterTest.allSheets()).write(ReportFixtures.tno(), folder);
        Process soffice = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://"
                + folder.resolve("profile").toAbsolutePath(), "--convert-to", "pdf", "--outdir",
                folder.toString(), workbook.toString()).redirectErrorStream(true).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Path pdf = folder.resolve(workbook.getFileName().toString().replace(".xlsx", ".pdf"));
        assertThat(pdf).exists();
        String content = Files.readString(pdf, StandardCharsets.ISO_8859_1);
        assertThat(content).startsWith("%PDF");
        // One page object per printed page: at least one per sheet.
        long pages = java.util.regex.Pattern.compile("/Type\\s*/Page(?!s)").matcher(content).results().count();
        assertThat(pages).isGreaterThanOrEqualTo(10);
    }

    /** The sheets and workbooks of issue 12: Risorse, Confronto anni, a unit's Esiti and a dirigente's Cruscotto. */
    @Test
    void theNewSheetsAndTheRecipientWorkbooksConvertToPdf() throws Exception {
        assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
        ReportData data = ReportFixtures.massaCarraraWithStorico(ConfrontoAnniSheetTest.STORICO,
                ConfrontoAnniSheetTest.SIGNIFICANT, new java.util.ArrayList<>());
        Path relazione = new RelazioneWriter(List.of(new SintesiSheet(), new ConfrontoAnniSheet()))
                .write(data, folder.resolve("rel"));
        Path tno = new RelazioneWriter(List.of(new RisorseSheet())).write(ReportFixtures.tno(), folder.resolve("tno"));
        List<Path> recipients = new RecipientWorkbooks().write(data, java.util.Map.of(), folder.resolve("out"));
        Path unit = recipients.stream().filter(p -> p.getFileName().toString().equals("Esiti-S_PRO-2022.xlsx"))
                .findFirst().orElseThrow();
        Path scorecard = recipients.stream().filter(p -> p.getFileName().toString().startsWith("Cruscotto-CR01"))
                .findFirst().orElseThrow();
        for (Path workbook : List.of(relazione, tno, unit, scorecard)) {
            Path pdfFolder = folder.resolve("pdf");
            Process soffice = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://"
                    + folder.resolve("profile").toAbsolutePath(), "--convert-to", "pdf", "--outdir",
                    pdfFolder.toString(), workbook.toString()).redirectErrorStream(true).start();
            assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).isTrue();
            Path pdf = pdfFolder.resolve(workbook.getFileName().toString().replace(".xlsx", ".pdf"));
            assertThat(pdf).as("%s", workbook).exists();
            assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        }
    }

    private static boolean onPath(String command) throws IOException {
        for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
