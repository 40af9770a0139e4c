package it.pa.monitor.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.pa.monitor.BundledSamples;
import it.pa.monitor.CommandRun;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filled template opened and saved again by LibreOffice ({@code soffice --headless --convert-to
 * xlsx}) is accepted by intake with the same values. Skipped where LibreOffice is not installed.
 */
class LibreOfficeRoundTripTest {

    @TempDir
    Path work;

    @Test
    void aTemplateSavedByLibreOfficeIsAcceptedWithTheSameValues() throws Exception {
        assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not on the PATH");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        BundledSamples.copy("piano-2022.xlsx", inbox);
        String db = CommandRun.fileDb(work.resolve("db"));
        assertThat(CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db).exitCode()).isZero();
        Path templates = work.resolve("templates");
        assertThat(CommandRun.of("templates", "--period", "2022", "--unit", "S_RF", "--output", templates.toString(),
                "--db", db).exitCode()).isZero();
        Path filled = templates.resolve("scheda_S_RF_2022.xlsx");
        Map<IndicatorKey, String> published = new LinkedHashMap<>();
        TranscribedPlans.published("massa-carrara-2022").forEach(p -> published.put(p.key(), p.actual()));
        // S_RF: OO_2.1.1 (3), OO_2.1.2 (1), OO_2.1.3 (3), OO_2.3.1 (1), OO_2.3.2 (1).
        assertThat(TemplateSheet.fill(filled, published, "Ufficio Ragioneria")).isEqualTo(9);

        Path converted = Files.createDirectories(work.resolve("converted"));
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + work.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "xlsx", "--outdir", converted.toString(), filled.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        Path resaved = converted.resolve("scheda_S_RF_2022.xlsx");
        assertThat(resaved).exists();
        assertThat(Files.mismatch(resaved, filled)).as("LibreOffice rewrote the file").isNotEqualTo(-1L);
        Files.copy(resaved, inbox.resolve("scheda_S_RF_2022.xlsx"));

        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db);
        assertThat(run.output()).contains("File: 1 accettato, 0 scartati, 0 saltati; 9 valori registrati, 0 avvisi");
        Map<String, String> expected = new TreeMap<>();
        published.forEach((key, value) -> expected.put(key.reference(), value));
        Map<String, BigDecimal> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT objective_code, indicator_code, value_number"
                     + " FROM reported_value")) {
            while (rs.next()) {
                stored.put(rs.getString(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
            }
        }
        assertThat(stored).hasSize(9);
        // The published text ("87,14 %", "2,00 N.") and the number stored are the same figure.
        stored.forEach((key, number) -> assertThat(new BigDecimal(expected.get(key).replaceAll("[^0-9,\\-]", "")
                .replace(',', '.'))).as(key).isEqualByComparingTo(number));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
