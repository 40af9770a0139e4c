package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.bench.Workload;
import it.pa.monitor.bench.WorkloadGenerator;
import it.pa.monitor.bench.WorkloadSpec;
import it.pa.monitor.jdbc.TestDataSources;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan the plan step hands to the rest of the run ({@link PlanAsStored}) is the plan a read from the database
 * gives ({@link PlanRepository#find} on an empty cache): equal field by field, decimals with the same scale, lists
 * in the same order, on H2 and on PostgreSQL, for every transcribed test plan, the bundled sample, a plan whose
 * decimals have more digits than their columns keep, and generated plans.
 */
class PlanAsStoredTest {

    private static final String SAMPLE = "src/main/resources/samples/piano-2022.xlsx";
    private static final TestDataSources DATABASES = new TestDataSources();
    /** Generated plans by seed: generating writes the monitoring workbooks too, so once per seed. */
    private static final java.util.Map<Long, Path> GENERATED = new java.util.HashMap<>();

    @TempDir
    private static Path generated;

    @TempDir
    private Path folder;

    @AfterAll
    static void stopPostgres() throws IOException {
        DATABASES.close();
    }

    static Stream<Arguments> plans() {
        List<Arguments> cases = new ArrayList<>();
        for (String db : List.of("h2", "postgresql")) {
            for (String plan : List.of("tno-2022", "lucca-2022", "massa-carrara-2022", "pistoia-prato-2024",
                    "sample", "storico", "long-decimals", "generated-7", "generated-11")) {
                cases.add(Arguments.of(db, plan));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("plans")
    void theHandedOverPlanIsThePlanReadBack(String db, String name) throws Exception {
        JdbcTemplate jdbc = database(db);
        Plan built = build(workbook(name));
        PlanRepository repository = new PlanRepository(jdbc);

        store(jdbc, repository, built);
        Plan handedOver = repository.find(built.ente(), built.year()).orElseThrow();
        Plan read = new PlanRepository(jdbc).find(built.ente(), built.year()).orElseThrow(); // empty cache: a read

        assertThat(PlanAsStored.of(built)).contains(handedOver);
        assertThat(handedOver).isNotSameAs(read).isEqualTo(read);
        assertThat(handedOver).usingRecursiveComparison().isEqualTo(read);
        assertThat(handedOver.indicators()).isNotEmpty();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstFindAfterTheCommitReadsNoRowOfThePlan(String db) throws Exception {
        JdbcTemplate jdbc = database(db);
        Plan built = build(workbook("tno-2022"));
        PlanRepository repository = new PlanRepository(jdbc);
        store(jdbc, repository, built);
        IndicatorKey key = built.indicators().get(0).key();

        // Changed behind the repository's back without a new plan row: only a read would see it.
        jdbc.update("UPDATE indicator SET name = 'cambiato'");

        assertThat(repository.find(built.ente(), built.year()).orElseThrow().index().indicator(key).orElseThrow()
                .name()).isEqualTo(built.indicators().get(0).name()).isNotEqualTo("cambiato");
        assertThat(new PlanRepository(jdbc).find(built.ente(), built.year()).orElseThrow().index().indicator(key)
                .orElseThrow().name()).isEqualTo("cambiato");
    }

    @Test
    void twoVersionsStoredInOneTransactionHandOverTheLaterOne() throws Exception {
        JdbcTemplate jdbc = database("h2");
        Plan first = build(workbook("tno-2022"));
        List<Indicator> renamed = new ArrayList<>(first.indicators());
        Indicator indicator = renamed.get(0);
        renamed.set(0, new Indicator(indicator.key(), "seconda versione", indicator.algorithm(), indicator.source(),
                indicator.typology(), indicator.unit(), indicator.target(), indicator.targetNext(),
                indicator.targetAfterNext(), indicator.weight(), indicator.cumulative(), indicator.periodicity(),
                indicator.responsibleUnitCode(), indicator.rowNo(), indicator.significant()));
        Plan second = new Plan(first.ente(), first.year(), first.periodicity(), first.methodology(), first.units(),
                first.ambiti(), first.strategicObjectives(), first.operationalObjectives(), renamed,
                first.scorecards(), first.pira(), first.history());
        PlanRepository repository = new PlanRepository(jdbc);

        // As the plan step stores every plan file of a run in its one transaction.
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            repository.replace(first, "piano.xlsx", "0".repeat(64));
            repository.replace(second, "piano-corretto.xlsx", "1".repeat(64));
        });
        jdbc.update("UPDATE indicator SET algorithm = 'cambiato'"); // only a read would see it

        Indicator handedOver = repository.find(first.ente(), first.year()).orElseThrow().index()
                .indicator(indicator.key()).orElseThrow();
        assertThat(handedOver.name()).isEqualTo("seconda versione");
        assertThat(handedOver.algorithm()).isNotEqualTo("cambiato");
    }

    @Test
    void aPlanRolledBackIsNotHandedOver() throws Exception {
        JdbcTemplate jdbc = database("h2");
        Plan built = build(workbook("tno-2022"));
        PlanRepository repository = new PlanRepository(jdbc);

        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            repository.replace(built, "piano.xlsx", "0".repeat(64));
            status.setRollbackOnly();
        });

        assertThat(repository.find(built.ente(), built.year())).isEmpty();
    }

    @Test
    void decimalsAreRoundedToTheirColumnsScaleHalfUpAndLoseTheirTrailingZeros() throws Exception {
        Plan built = build(workbook("long-decimals"));
        Plan stored = PlanAsStored.of(built).orElseThrow();

        // Typed 33,33335 %: kept in per cent, 33.33335 to the weight's 4 decimals, half up.
        assertThat(built.indicators().get(0).weight()).isEqualByComparingTo("33.33335");
        assertThat(stored.indicators().get(0).weight()).isEqualTo(new BigDecimal("33.3334"));
        // Typed >= 1,123456785: half up to the target's 8 decimals.
        assertThat(built.indicators().get(0).target().value()).isEqualByComparingTo("1.123456785");
        assertThat(stored.indicators().get(0).target().value()).isEqualTo(new BigDecimal("1.12345679"));
        // Typed 10,5: resources keep their 2 decimals, as the read gives them.
        assertThat(stored.strategicObjectives().get(0).plannedResources()).isEqualTo(new BigDecimal("10.50"));
        assertThat(built.strategicObjectives().get(0).plannedResources()).isEqualByComparingTo("10.5");
    }

    @Test
    void twoRowsWithTheSameRowNumberAreNotHandedOver() throws Exception {
        Plan built = build(workbook("tno-2022"));
        List<Indicator> indicators = new ArrayList<>(built.indicators());
        Indicator first = indicators.get(0);
        Indicator second = indicators.get(1);
        indicators.set(1, new Indicator(second.key(), second.name(), second.algorithm(),
                second.source(), second.typology(), second.unit(), second.target(), second.targetNext(),
                second.targetAfterNext(), second.weight(), second.cumulative(), second.periodicity(),
                second.responsibleUnitCode(), first.rowNo(), second.significant()));
        Plan tied = new Plan(built.ente(), built.year(), built.periodicity(), built.methodology(), built.units(),
                built.ambiti(), built.strategicObjectives(), built.operationalObjectives(), indicators,
                built.scorecards(), built.pira(), built.history());

        assertThat(PlanAsStored.of(built)).isPresent();
        assertThat(PlanAsStored.of(tied)).isEmpty();
    }

    private static void store(JdbcTemplate jdbc, PlanRepository repository, Plan plan) {
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(
                status -> repository.replace(plan, "piano.xlsx", "0".repeat(64)));
    }

    private Path workbook(String name) throws IOException {
        switch (name) {
            case "sample":
                return Path.of(SAMPLE);
            case "storico":
                return TranscribedPlans.writeWith("massa-carrara-2022", List.of(
                        List.of("Anno", "Livello", "Codice", "Valore", "Risultato"),
                        List.of("2021", "Ente", "", "", "98,75 %"),
                        List.of("2021", "Indicatore", "OS_3.2/OC_TBS_03", "14,30", ""),
                        List.of("2021", "Ambito", "AS1", "", "99,10 %")), List.of("OS_3.2/OC_TBS_03"), folder,
                        "piano-storico.xlsx");
            case "long-decimals": {
                PlanFixture fixture = PlanFixture.load("tno-2022");
                fixture.set("Indicatori", 0, "Peso", "33,33335%");
                fixture.set("Indicatori", 0, "Target", ">= 1,123456785");
                fixture.set("ObiettiviStrategici", 0, "Risorse previste", "10,5");
                fixture.set("Ambiti", 0, "Peso", "12,345678%");
                return fixture.writeTo(folder, "piano-decimali.xlsx");
            }
            default:
                if (name.startsWith("generated-")) {
                    long seed = Long.parseLong(name.substring("generated-".length()));
                    if (!GENERATED.containsKey(seed)) {
                        Path dir = Files.createDirectories(generated.resolve(name));
                        Workload workload = new WorkloadGenerator(new WorkloadSpec(12, 60, seed, 0)).generate(dir);
                        GENERATED.put(seed, workload.inbox().resolve(workload.planFile()));
                    }
                    return GENERATED.get(seed);
                }
                return PlanFixture.load(name).writeTo(folder, name + ".xlsx");
        }
    }

    private static Plan build(Path workbook) {
        return PlanStoreFixtures.build(workbook);
    }

    private static JdbcTemplate database(String kind) throws IOException {
        return PlanStoreFixtures.database(DATABASES, kind, "plan");
    }
}
