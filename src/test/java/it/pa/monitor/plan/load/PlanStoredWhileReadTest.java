package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.bench.Workload;
import it.pa.monitor.bench.WorkloadGenerator;
import it.pa.monitor.bench.WorkloadSpec;
import it.pa.monitor.jdbc.TestDataSources;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plan's indicators stored while its workbook is read ({@link PlanRepository#storingAhead}): the plan stored is the
 * plan read, as {@link PlanRepository#replace} stores it; a plan rejected once some of its indicators were stored
 * leaves the stored plan and the rest of the caller's transaction as they were; a plan read again another way is
 * stored whole, once.
 */
class PlanStoredWhileReadTest {

    private static final TestDataSources DATABASES = new TestDataSources();
    private static final Period YEAR = Period.parse("2025");
    /** 40 uffici × 60 indicators: 2 400 Indicatori rows, two batches stored ahead and the rest at the end. */
    private static final WorkloadSpec SPEC = new WorkloadSpec(40, 60, 5, 0);

    @TempDir
    private static Path generated;
    private static Path planFile;

    @TempDir
    private Path folder;

    @BeforeAll
    static void generate() throws IOException {
        Workload workload = new WorkloadGenerator(SPEC).generate(generated);
        planFile = workload.inbox().resolve(workload.planFile());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        DATABASES.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void thePlanStoredWhileReadIsThePlanRead(String db) throws Exception {
        JdbcTemplate jdbc = database(db);
        Noting repository = new Noting(jdbc);
        PlanLoader loader = loader(repository);
        assertThat(SPEC.units() * SPEC.indicators()).isGreaterThan(2 * IndicatorRows.STORED_AHEAD_ROWS);

        assertThat(inTransaction(jdbc, () -> loader.load(planFile, YEAR, "0".repeat(64))).accepted()).isTrue();

        assertThat(repository.storedAhead).isEqualTo(2 * IndicatorRows.STORED_AHEAD_ROWS); // the last 400 at the end

        Plan built = build(planFile);
        Plan read = new PlanRepository(jdbc).find(built.ente(), built.year()).orElseThrow(); // a new cache: a read
        assertThat(PlanAsStored.of(built)).contains(read);
        assertThat(read.indicators()).hasSize(SPEC.units() * SPEC.indicators());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class))
                .isEqualTo(SPEC.units() * SPEC.indicators());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan", Integer.class)).isEqualTo(1);
    }

    @Test
    void theIndicatorsHandedOverAreInTheDatabaseBeforeThePlanIsWhole() throws Exception {
        JdbcTemplate jdbc = database("h2");
        PlanRepository repository = new PlanRepository(jdbc);
        Plan built = build(planFile);
        List<Indicator> assembled = new ArrayList<>(built.indicators().subList(0, 1_500));

        int[] storedBeforeFinish = {-1};
        inTransaction(jdbc, () -> repository.storingAhead("piano.xlsx", "0".repeat(64), replacing -> {
            replacing.indicators(built.ente(), built.year(), built.periodicity(), assembled);
            replacing.settle(true);
            storedBeforeFinish[0] = jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class);
            replacing.finish(built);
            return null;
        }));

        assertThat(storedBeforeFinish[0]).isEqualTo(1_500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class))
                .isEqualTo(built.indicators().size());
        assertThat(new PlanRepository(jdbc).find(built.ente(), built.year())).isEqualTo(PlanAsStored.of(built));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aPlanRejectedAfterSomeOfItsIndicatorsWereStoredLeavesTheStoredPlanAndTheRestOfTheTransaction(String db)
            throws Exception {
        JdbcTemplate jdbc = database(db);
        Noting repository = new Noting(jdbc);
        PlanLoader loader = loader(repository);
        assertThat(inTransaction(jdbc, () -> loader.load(planFile, YEAR, "0".repeat(64))).accepted()).isTrue();
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM indicator ORDER BY row_no");
        Map<String, Object> planBefore = jdbc.queryForMap("SELECT * FROM plan");
        // Row 2 001 of Indicatori: past the first two batches stored ahead.
        Path revised = withIndicatoriCell(planFile, 2_001, "Target", "quanto basta", "piano-rivisto.xlsx");

        PlanLoadOutcome outcome = inTransaction(jdbc, () -> {
            jdbc.update("INSERT INTO ente (name) VALUES ('Altro ente')"); // the caller's own work, before the plan
            return loader.load(revised, YEAR, "1".repeat(64));
        });

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.problems()).anyMatch(p -> p.isError() && "Target".equals(p.column()));
        assertThat(repository.storedAhead).isEqualTo(2 * IndicatorRows.STORED_AHEAD_ROWS);
        assertThat(jdbc.queryForMap("SELECT * FROM plan")).isEqualTo(planBefore);
        assertThat(jdbc.queryForList("SELECT * FROM indicator ORDER BY row_no")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ente WHERE name = 'Altro ente'", Integer.class))
                .isEqualTo(1);
        Plan built = build(planFile);
        assertThat(repository.find(built.ente(), built.year())).isEqualTo(PlanAsStored.of(built));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aPlanReadAgainWithItsFormulasEvaluatedIsStoredWholeOnce(String db) throws Exception {
        JdbcTemplate jdbc = database(db);
        Noting repository = new Noting(jdbc);
        PlanLoader loader = loader(repository);
        // A formula saved without its value (a script's workbook): the plan is read a second time, whole, by POI,
        // after two batches of the first read's indicators were stored.
        Path withFormula = withIndicatoriFormula(planFile, 2_100, "Nome", "\"Indicatore \" & \"calcolato\"");

        PlanLoadOutcome outcome = inTransaction(jdbc, () -> loader.load(withFormula, YEAR, "2".repeat(64)));

        assertThat(outcome.accepted()).as(outcome.problems().toString()).isTrue();
        assertThat(repository.storedAhead).isEqualTo(2 * IndicatorRows.STORED_AHEAD_ROWS); // by the first read
        Plan built = build(withFormula);
        assertThat(built.indicators()).anyMatch(i -> i.name().equals("Indicatore calcolato"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class))
                .isEqualTo(SPEC.units() * SPEC.indicators());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan", Integer.class)).isEqualTo(1);
        assertThat(new PlanRepository(jdbc).find(built.ente(), built.year())).isEqualTo(PlanAsStored.of(built));
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aPlanTheFastReaderLeavesHalfWayIsStoredOnceFromTheStreamingReadersRead(String db) throws Exception {
        JdbcTemplate jdbc = database(db);
        Noting repository = new Noting(jdbc);
        PlanLoader loader = loader(repository);
        // An ISO-date cell (t="d") in Indicatori's row 2 201, outside the plan's columns: the fast reader, having
        // handed two batches to be stored, leaves the file to the streaming reader, which reads it from the start.
        Path withIsoDate = PlanStoreFixtures.withIsoDateCell(planFile, 2_201, folder.resolve("piano-data-iso.xlsx"));

        PlanLoadOutcome outcome = inTransaction(jdbc, () -> loader.load(withIsoDate, YEAR, "3".repeat(64)));

        assertThat(outcome.accepted()).as(outcome.problems().toString()).isTrue();
        assertThat(repository.storedAhead).as("by the second read").isEqualTo(2 * IndicatorRows.STORED_AHEAD_ROWS);
        Plan built = build(withIsoDate);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class))
                .isEqualTo(SPEC.units() * SPEC.indicators());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan", Integer.class)).isEqualTo(1);
        assertThat(new PlanRepository(jdbc).find(built.ente(), built.year())).isEqualTo(PlanAsStored.of(built));
    }

    @Test
    void theStreamingReadersReadHasATextBudgetOfItsOwn() throws Exception {
        JdbcTemplate jdbc = database("h2");
        // The fast reader spends most of the plan's text before the ISO-date cell in Indicatori's row 2 201.
        Path withIsoDate = PlanStoreFixtures.withIsoDateCell(planFile, 2_201, folder.resolve("piano-budget.xlsx"));
        long text = PlanFixture.textOf(withIsoDate);
        PlanLoader exact = new PlanLoader(new PlanWorkbookReader(PlanWorkbookReader.DEFAULT_MAX_ROWS, text, 0),
                new PlanRepository(jdbc));

        PlanLoadOutcome outcome = inTransaction(jdbc, () -> exact.load(withIsoDate, YEAR, "4".repeat(64)));

        assertThat(outcome.problems()).as("a budget of exactly the plan's text, spent afresh").noneMatch(Problem::isError);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator", Integer.class))
                .isEqualTo(SPEC.units() * SPEC.indicators());
    }

    @Test
    void aTransactionOnAnotherDatabaseIsRefusedRatherThanCommittedApart() throws Exception {
        JdbcTemplate plans = database("h2");
        DataSource other = DATABASES.fresh("h2", "other");
        PlanRepository repository = new PlanRepository(plans);

        assertThatThrownBy(() -> new TransactionTemplate(new DataSourceTransactionManager(other)).executeWithoutResult(
                status -> repository.storingAhead("piano.xlsx", "0".repeat(64), replacing -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("caller's transaction");
    }

    /** The repository, noting how many indicators its last load handed to the storing thread while reading. */
    private static final class Noting extends PlanRepository {

        private int storedAhead = -1;

        Noting(JdbcTemplate jdbc) {
            super(jdbc);
        }

        @Override
        public <T> T storingAhead(String sourceFile, String sha256, Function<Replacing, T> load) {
            return super.storingAhead(sourceFile, sha256, replacing -> {
                try {
                    return load.apply(replacing);
                } finally {
                    storedAhead = replacing.storedAhead();
                }
            });
        }
    }

    /** The plan step's loader, storing through {@code repository}. */
    private static PlanLoader loader(PlanRepository repository) {
        return new PlanLoader(new PlanWorkbookReader(), repository);
    }

    /** {@code work} in one transaction, as the plan step runs its tasklet. */
    private static <T> T inTransaction(JdbcTemplate jdbc, Supplier<T> work) {
        return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .execute(status -> work.get());
    }

    /** The plan with one Indicatori cell (data row {@code dataRow}, 1-based) set to {@code text}. */
    private Path withIndicatoriCell(Path plan, int dataRow, String header, String text, String name)
            throws IOException {
        return edited(plan, name, sheet -> cellOf(sheet, dataRow, header).setCellValue(text));
    }

    /** The plan with one Indicatori cell holding a formula without a cached value. */
    private Path withIndicatoriFormula(Path plan, int dataRow, String header, String formula) throws IOException {
        return edited(plan, "piano-formula.xlsx", sheet -> {
            // A new cell: the generator's cells are inline strings, which POI would keep beside the formula as its value.
            Cell typed = cellOf(sheet, dataRow, header);
            Row row = typed.getRow();
            int column = typed.getColumnIndex();
            row.removeCell(typed);
            row.createCell(column).setCellFormula(formula);
        });
    }

    private Path edited(Path plan, String name, Consumer<Sheet> edit) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream in = Files.newInputStream(plan); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            edit.accept(workbook.getSheet("Indicatori"));
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        }
        return target;
    }

    private static Cell cellOf(Sheet sheet, int dataRow, String header) {
        Row headers = sheet.getRow(sheet.getFirstRowNum());
        for (Cell cell : headers) {
            if (header.equals(cell.getStringCellValue())) {
                Row row = sheet.getRow(headers.getRowNum() + dataRow);
                return row.getCell(cell.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }

    private static Plan build(Path workbook) {
        return PlanStoreFixtures.build(workbook);
    }

    private static JdbcTemplate database(String kind) throws IOException {
        return PlanStoreFixtures.database(DATABASES, kind, "ahead");
    }
}
