package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.Indicator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample monitoring sheets ({@code src/main/resources/samples/scheda_<unità>_2022.xlsx},
 * what the README's run command drops next to the sample plan) are the values Massa-Carrara
 * published for 2022, one sheet per responsible unit (the strategic indicators, which no unit
 * answers for, in the sheet of the Area Segretario Generale). Regenerate them with
 * {@code mvn -q test -Dtest=BundledSampleSheetsTest -DregenerateSamples=true}.
 */
public class BundledSampleSheetsTest {

    private static final Path SAMPLES = Path.of("src/main/resources/samples");
    private static final String ENTE = "Camera di Commercio di Massa-Carrara";

    @TempDir
    private Path fresh;

    @Test
    void bundledSheetsAreThePublishedValues() throws IOException {
        Map<String, SheetFixture> sheets = sheets();
        assertThat(sheets).hasSize(7);
        for (Map.Entry<String, SheetFixture> sheet : sheets.entrySet()) {
            String name = "scheda_" + sheet.getKey() + "_2022.xlsx";
            if (Boolean.getBoolean("regenerateSamples")) {
                sheet.getValue().writeTo(SAMPLES, name);
            }
            Path expected = sheet.getValue().writeTo(fresh, name);
            assertThat(cells(SAMPLES.resolve(name))).as(name).isEqualTo(cells(expected));
        }
    }

    /** One sheet per unit answering for indicators; A_SG for those nobody answers for. */
    static Map<String, SheetFixture> sheets() {
        Plan plan = TranscribedPlans.plan("massa-carrara-2022");
        Map<String, SheetFixture> sheets = new LinkedHashMap<>();
        for (TranscribedPlans.Published value : TranscribedPlans.published("massa-carrara-2022")) {
            Indicator indicator = plan.indicators().stream().filter(i -> i.key().equals(value.key())).findFirst()
                    .orElseThrow();
            String unit = Objects.requireNonNullElse(indicator.responsibleUnitCode(), "A_SG");
            sheets.computeIfAbsent(unit, u -> SheetFixture.forUnit(ENTE, plan.findUnit(u).orElseThrow().name(), "2022")
                    .header("Compilato da", "Ufficio " + u).header("Data compilazione", "20/01/2023"))
                    .row(indicator.objectiveCode(), indicator.code(), indicator.target().raw(), value.actual());
        }
        return sheets;
    }

    private static List<String> cells(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(file))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(c -> cells.add(c.getAddress() + "=" + formatter.formatCellValue(c)));
                }
            }
        }
        return cells;
    }
}
