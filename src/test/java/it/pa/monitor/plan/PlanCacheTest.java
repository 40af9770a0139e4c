package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link PlanRepository#find} rebuilds a stored plan once and hands out that instance until the plan is
 * replaced or deleted; what it hands out is what a read straight from the database gives.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "monitor.test.isolated-context=plan-cache") // its own database: it deletes plans
class PlanCacheTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";
    private static final Period PERIOD = Period.parse("2022");

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path inbox;

    @Test
    void theCachedPlanIsOneInstanceWithTheContentOfAnUncachedRead() throws Exception {
        assertThat(loader.load(PlanFixture.load("tno-2022").writeTo(inbox, "piano.xlsx"), PERIOD).accepted()).isTrue();

        Plan first = repository.find(ENTE, 2022).orElseThrow();
        Plan uncached = new PlanRepository(jdbc).find(ENTE, 2022).orElseThrow(); // a new repository: empty cache

        assertThat(repository.find(ENTE, 2022).orElseThrow()).isSameAs(first);
        assertThat(uncached).isNotSameAs(first);
        assertThat(first).isEqualTo(uncached).usingRecursiveComparison().isEqualTo(uncached);
        // tno-2022 has 10 indicators (see PlanReplacementTest); the recursive comparison saw them all.
        assertThat(first.indicators()).hasSize(10);

        // Steps asking at the same time share one rebuild too.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<Plan>>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit((Callable<Optional<Plan>>) () -> repository.find(ENTE, 2022)));
            }
            for (Future<Optional<Plan>> plan : asked) {
                assertThat(plan.get().orElseThrow()).isSameAs(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aReplacedOrDeletedPlanIsNeverServedFromTheCache() {
        assertThat(loader.load(PlanFixture.load("tno-2022").writeTo(inbox, "piano.xlsx"), PERIOD).accepted()).isTrue();
        Plan before = repository.find(ENTE, 2022).orElseThrow();
        IndicatorKey key = new IndicatorKey("OS_2.4", "OC_Int_01", 1);
        assertThat(before.index().indicator(key).orElseThrow().target().raw()).isNotEqualTo(">= 450,00 N.");

        PlanFixture revised = PlanFixture.load("tno-2022");
        revised.set("Indicatori", revised.indexOf("Indicatori", "Codice", "OC_Int_01"), "Target", ">= 450,00 N.");
        assertThat(loader.load(revised.writeTo(inbox, "piano-rivisto.xlsx"), PERIOD).accepted()).isTrue();

        Plan after = repository.find(ENTE, 2022).orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.index().indicator(key).orElseThrow().target().raw()).isEqualTo(">= 450,00 N.");
        assertThat(after).usingRecursiveComparison().isEqualTo(new PlanRepository(jdbc).find(ENTE, 2022).orElseThrow());

        // Replaced behind the repository's back (another process on the same database): a new row, a new plan.
        jdbc.update("DELETE FROM plan");
        assertThat(repository.find(ENTE, 2022)).isEmpty();
        assertThat(loader.load(PlanFixture.load("tno-2022").writeTo(inbox, "piano-di-nuovo.xlsx"), PERIOD)
                .accepted()).isTrue();
        Plan reloaded = repository.find(ENTE, 2022).orElseThrow();
        assertThat(reloaded).isNotSameAs(after);
        assertThat(reloaded.index().indicator(key).orElseThrow().target().raw()).isEqualTo(before.index().indicator(key)
                .orElseThrow().target().raw());
    }
}
