package it.pa.monitor.report;

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
class LibreOfficeRenderTest {

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

    private static boolean onPath(String command) throws IOException {
        for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
