package it.pa.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.MonitorApplication;
import it.pa.monitor.plan.TranscribedPlans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake benchmark (not a test: skipped unless {@code -Dbench=true}): a full {@code run} over
 * thousands of monitoring sheets for the bundled plan, on a file database, reporting time per
 * file and the peak heap to {@code target/bench/intake.md}. Run it with
 * {@code mvn -B -q test -Dtest=IntakeBench -Dbench=true -Dbench.sheets=2000}.
 */
class IntakeBench {

    @TempDir
    private Path work;

    @Test
    void runOverManySheets() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        int sheets = Integer.getInteger("bench.sheets", 1000);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        List<TranscribedPlans.Published> values = TranscribedPlans.published("massa-carrara-2022");
        for (int i = 0; i < sheets; i++) {
            writeSheet(inbox.resolve(String.format("scheda-%05d.xlsx", i)), values, i);
        }
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.gc();

        Instant start = Instant.now();
        String out = run("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", "jdbc:h2:file:" + work.resolve("db/monitor"));
        Duration elapsed = Duration.between(start, Instant.now());
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        assertThat(out).contains("File: " + sheets + (sheets == 1 ? " accettato" : " accettati") + ", 0 scartati");
        Path report = Path.of("target/bench/intake.md");
        Files.createDirectories(report.getParent());
        String line = String.format("| %s | %d | %d | %.1f | %.2f | %d |%n", LocalDateTime.now().withNano(0), sheets,
                sheets * values.size(), elapsed.toMillis() / 1000.0, elapsed.toMillis() / (double) sheets,
                peakHeap / (1024 * 1024));
        if (!Files.exists(report)) {
            Files.writeString(report, "| when | sheets | values | seconds | ms per sheet | peak heap MB |\n"
                    + "|---|---|---|---|---|---|\n");
        }
        Files.writeString(report, line, java.nio.file.StandardOpenOption.APPEND);
        System.out.print(Files.readString(report));
    }

    /** A sheet of the central office carrying every published value, the first one varied by {@code n}. */
    private static void writeSheet(Path file, List<TranscribedPlans.Published> values, int n) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var stream = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Rilevazione");
            String[][] header = {{"Ente", "Camera di Commercio di Massa-Carrara"}, {"Periodo", "2022"},
                    {"Compilato da", "bench " + n}};
            int r = 0;
            for (String[] pair : header) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(pair[0]);
                row.createCell(1).setCellValue(pair[1]);
            }
            Row titles = sheet.createRow(++r);
            String[] columns = {"Codice obiettivo", "Codice indicatore", "Consuntivo"};
            for (int c = 0; c < columns.length; c++) {
                titles.createCell(c).setCellValue(columns[c]);
            }
            for (TranscribedPlans.Published value : values) {
                Row row = sheet.createRow(++r);
                row.createCell(0).setCellValue(value.key().objectiveCode());
                row.createCell(1).setCellValue(value.key().code());
                row.createCell(2).setCellValue(value.actual());
            }
            workbook.write(stream);
        }
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("monitor.intake.stable-seconds", "0");
            System.setProperty("monitor.progress", "false");
            MonitorApplication.run(args);
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
