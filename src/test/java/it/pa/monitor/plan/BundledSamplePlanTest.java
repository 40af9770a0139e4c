package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample plan ({@code src/main/resources/samples/piano-2022.xlsx}, what the README's
 * run command loads) is exactly the Massa Carrara 2022 transcription under test resources.
 * Regenerate it after editing the transcription with
 * {@code mvn -q test -Dtest=BundledSamplePlanTest -DregenerateSamples=true}.
 */
class BundledSamplePlanTest {

    static final String TRANSCRIPTION = "massa-carrara-2022";
    private static final Path SAMPLE = Path.of("src/main/resources/samples/piano-2022.xlsx");

    @Test
    void bundledSampleIsTheMassaCarraraTranscription() throws IOException {
        PlanFixture fixture = PlanFixture.load(TRANSCRIPTION);
        if (Boolean.getBoolean("regenerateSamples")) {
            fixture.writeTo(SAMPLE.getParent(), SAMPLE.getFileName().toString());
        }
        try (Workbook expected = fixture.toWorkbook(); InputStream in = Files.newInputStream(SAMPLE);
             Workbook bundled = WorkbookFactory.create(in)) {
            assertThat(cells(bundled)).isEqualTo(cells(expected));
        }
    }

    private static List<String> cells(Workbook workbook) {
        DataFormatter formatter = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                row.forEach(cell -> cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "="
                        + formatter.formatCellValue(cell)));
            }
        }
        return cells;
    }
}
