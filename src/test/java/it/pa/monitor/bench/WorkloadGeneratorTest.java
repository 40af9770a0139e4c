package it.pa.monitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.MonitorApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the benchmark's workload generator (issue 11) at N = 20: deterministic from the seed, the plan
 * loads, and intake rejects exactly the workbooks the generator made bad. No timing is asserted.
 */
class WorkloadGeneratorTest {

    private static final int UNITS = 20;
    private static final int INDICATORS = 5;
    /** 10 % of 20 workbooks: exactly 2 are made bad. */
    private static final double BAD_PERCENT = 10;

    /** One workload shared by the tests (generating takes a while on a busy machine); the run works on a copy. */
    @TempDir
    private static Path shared;
    private static Workload first;

    @TempDir
    private Path temp;

    @BeforeAll
    static void generateOnce() throws Exception {
        first = new WorkloadGenerator(new WorkloadSpec(UNITS, INDICATORS, 7, BAD_PERCENT)).generate(shared.resolve("7"));
    }

    @Test
    void sameSeedSameWorkbooksOtherSeedOtherWorkbooks() throws Exception {
        Workload again = generate(7, "again");
        Workload other = generate(8, "other");

        assertThat(cells(again.inbox().resolve(again.planFile()))).isEqualTo(cells(first.inbox().resolve(first.planFile())));
        assertThat(cells(again.inbox().resolve("scheda_U0005_2025.xlsx")))
                .isEqualTo(cells(first.inbox().resolve("scheda_U0005_2025.xlsx")));
        assertThat(again.badFiles()).isEqualTo(first.badFiles());
        for (String bad : first.badFiles()) {
            assertThat(cells(again.inbox().resolve(bad))).isEqualTo(cells(first.inbox().resolve(bad)));
        }
        assertThat(again.goodValues()).isEqualTo(first.goodValues());

        assertThat(cells(other.inbox().resolve(other.planFile()))).isNotEqualTo(cells(first.inbox().resolve(first.planFile())));
        assertThat(cells(other.inbox().resolve("scheda_U0005_2025.xlsx")))
                .isNotEqualTo(cells(first.inbox().resolve("scheda_U0005_2025.xlsx")));
    }

    @Test
    void scoringAloneScoresEveryIndicatorOfTheGeneratedPlanForTheFourQuarters() {
        ScoringBench.Result result = ScoringBench.measure(first);

        assertThat(result.indicators()).isEqualTo(UNITS * INDICATORS);
        assertThat(result.periods()).isEqualTo(4);
        // One value per indicator and quarter, about 5 % left empty.
        assertThat(result.values()).isBetween(4 * UNITS * INDICATORS * 80 / 100, 4 * UNITS * INDICATORS);
        // Every quarter scores at least the yes/no and deadline indicators that have a value; never more than all.
        assertThat(result.scored()).isPositive().isLessThanOrEqualTo(4 * UNITS * INDICATORS);
        assertThat(ScoringCommand.line(result)).startsWith("scoring alone 100 indicators × 4 periods");
    }

    @Test
    void generatesThePlanAndOneWorkbookPerUfficioWithTheCellsOfficesType() throws Exception {
        Workload workload = first;

        try (Stream<Path> files = Files.list(workload.inbox())) {
            assertThat(files.count()).isEqualTo(UNITS + 1);
        }
        assertThat(workload.badFiles()).hasSize(2);
        try (Workbook plan = WorkbookFactory.create(workload.inbox().resolve(workload.planFile()).toFile(), null, true)) {
            assertThat(plan.getSheet("Indicatori").getLastRowNum()).isEqualTo(UNITS * INDICATORS);
            assertThat(plan.getSheet("ObiettiviOperativi").getLastRowNum()).isEqualTo(UNITS);
            // 20 uffici make one area, plus the header row
            assertThat(plan.getSheet("Struttura").getLastRowNum()).isEqualTo(UNITS + 1);
        }
        List<String> kinds = new ArrayList<>();
        for (int u = 1; u <= UNITS; u++) {
            try (Workbook sheet = WorkbookFactory.create(workload.inbox().resolve(String.format("scheda_U%04d_2025.xlsx", u))
                    .toFile(), null, true)) {
                Sheet rilevazione = sheet.getSheet("Rilevazione");
                assertThat(rilevazione.getLastRowNum()).isEqualTo(7 + INDICATORS);
                for (int r = 8; r <= rilevazione.getLastRowNum(); r++) {
                    Cell value = rilevazione.getRow(r).getCell(7);
                    if (value != null) {
                        kinds.add(value.getCellType() + " " + value.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
        assertThat(kinds).contains("NUMERIC 0.00%", "NUMERIC dd/mm/yyyy", "STRING General", "NUMERIC General");
    }

    @Test
    void thePlanLoadsAndIntakeRejectsExactlyTheBadWorkbooks() throws Exception {
        Workload workload = first;
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        try (Stream<Path> files = Files.list(workload.inbox())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }

        String out = run("run", "--period", "2025", "--inbox", inbox.toString(), "--output",
                temp.resolve("output").toString(), "--db", "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        assertThat(out).contains("Piano piano-2025.xlsx: CARICATO - Camera di Commercio di Prova, anno 2025");
        assertThat(out).contains("unità: 1 area, 0 servizi, 20 uffici, 0 esterni");
        assertThat(out).contains("obiettivi operativi: 20, indicatori: 100");
        assertThat(out).contains("File: 18 accettati, 2 scartati, 0 saltati; " + workload.goodValues()
                + " valori registrati, 0 avvisi");
        Set<String> rejected = new TreeSet<>();
        Matcher line = Pattern.compile("SCARTATO (\\S+):").matcher(out);
        while (line.find()) {
            rejected.add(line.group(1));
        }
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(workload.badFiles());
    }

    private Workload generate(long seed, String dir) throws Exception {
        return new WorkloadGenerator(new WorkloadSpec(UNITS, INDICATORS, seed, BAD_PERCENT)).generate(temp.resolve(dir));
    }

    /** Every cell of every sheet: address, type, value and number format. */
    private static List<String> cells(Path file) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = switch (cell.getCellType()) {
                            case NUMERIC -> Double.toString(cell.getNumericCellValue());
                            case ERROR -> Byte.toString(cell.getErrorCellValue());
                            case STRING -> cell.getStringCellValue();
                            default -> cell.getCellType() == CellType.BLANK ? "" : cell.toString();
                        };
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + " " + cell.getCellType() + " "
                                + cell.getCellStyle().getDataFormatString() + " " + value);
                    }
                }
            }
        }
        return cells;
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("monitor.intake.stable-seconds", "0");
            System.setProperty("monitor.progress", "false");
            System.setProperty("monitor.log-dir", temp.resolve("logs").toString());
            MonitorApplication.run(args);
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
            System.clearProperty("monitor.log-dir");
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
