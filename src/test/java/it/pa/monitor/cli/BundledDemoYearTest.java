package it.pa.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo year bundled in the jar ({@code src/main/resources/demo/}) is what {@link DemoYearFixture}
 * writes: same files, same cells, same arrivals lists. Regenerate it with
 * {@code mvn -q test -Dtest=BundledDemoYearTest -DregenerateSamples=true}.
 */
class BundledDemoYearTest {

    private static final Path BUNDLED = Path.of("src/main/resources/demo");

    @TempDir
    private Path fresh;

    @Test
    void bundledDemoYearIsWhatTheFixtureWrites() throws IOException {
        if (Boolean.getBoolean("regenerateSamples")) {
            deleteTree(BUNDLED);
            new DemoYearFixture().writeTo(BUNDLED);
        }
        new DemoYearFixture().writeTo(fresh);
        List<Path> expected = files(fresh);
        assertThat(files(BUNDLED)).isEqualTo(expected);
        for (Path file : expected) {
            Path bundled = BUNDLED.resolve(file.toString());
            Path generated = fresh.resolve(file.toString());
            if (file.toString().endsWith(".xlsx")) {
                assertThat(cells(bundled)).as(file.toString()).isEqualTo(cells(generated));
            } else {
                assertThat(Files.readAllLines(bundled)).as(file.toString()).isEqualTo(Files.readAllLines(generated));
            }
        }
    }

    @Test
    void aFileSentTwiceIsTheSameBytes() throws IOException {
        assertThat(Files.mismatch(BUNDLED.resolve("2022-Q1/scheda_S_AG_2022-Q1.xlsx"),
                BUNDLED.resolve("2022-Q1/scheda_S_AG_2022-Q1 - Copia.xlsx"))).isEqualTo(-1L);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> cells(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(file))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(c -> cells.add(sheet.getSheetName() + "!" + c.getAddress() + "="
                            + formatter.formatCellValue(c)));
                }
            }
        }
        return cells;
    }
}
