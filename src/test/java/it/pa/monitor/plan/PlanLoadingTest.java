package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.Operator;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Plans transcribed from three published reports load and read back from H2 with the counts
 * and weights printed in those reports (see EXPECTED.md next to each transcription for the
 * seed lines).
 */
@SpringBootTest
@ActiveProfiles("test")
class PlanLoadingTest {

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path inbox;

    @Test
    void tnoPira2022() {
        PlanLoadOutcome outcome = load("tno-2022", "2022");
        assertThat(outcome.problems()).isEmpty();
        Plan plan = repository.find("CCIAA di Toscana Nord Ovest", 2022).orElseThrow();

        assertThat(plan.periodicity()).isEqualTo(Periodicity.SEMESTRALE);
        assertThat(plan.methodology().parameters()).containsEntry("ente", "PONDERATA_AMBITI");
        assertThat(plan.methodology().ente()).isEqualTo(Methodology.EnteRule.PONDERATA_AMBITI);
        // Seed 000 lines 52-105: AS2 with OS_2.3 and OS_2.4 at 50 % each, AS3 with OS_3.1 at 100 %.
        assertThat(weights(plan.ambiti(), Ambito::code, Ambito::weight)).containsExactly(
                Map.entry("AS2", "50"), Map.entry("AS3", "50"));
        assertThat(weights(plan.strategicObjectives(), StrategicObjective::code, StrategicObjective::weight))
                .containsExactly(Map.entry("OS_2.3", "50"), Map.entry("OS_2.4", "50"), Map.entry("OS_3.1", "100"));
        assertThat(plan.operationalObjectives()).isEmpty();
        // Four indicators at 25 % under OS_2.3 and OS_2.4, two at 50 % under OS_3.1.
        assertThat(plan.indicators()).hasSize(10);
        assertThat(sumOfIndicatorWeights(plan)).containsExactly(
                Map.entry("OS_2.3", "100"), Map.entry("OS_2.4", "100"), Map.entry("OS_3.1", "100"));
        assertThat(plan.indicators().stream().filter(i -> i.objectiveCode().equals("OS_3.1")))
                .allSatisfy(i -> assertThat(i.weight()).isEqualByComparingTo("50"));

        StrategicObjective os24 = plan.strategicObjectives().get(1);
        assertThat(os24.missione()).isEqualTo(new CodedLabel("016",
                "Commercio internazionale e internazionalizzazione del sistema produttivo"));
        assertThat(os24.plannedResources()).isEqualByComparingTo("1231916.20");
        assertThat(os24.usedResources()).isEqualByComparingTo("659809.21");

        // OC_Int_01: ">= 500,00 N." in 2022 (line 102).
        Indicator int01 = indicator(plan, "OS_2.4", "OC_Int_01");
        assertThat(int01.target().raw()).isEqualTo(">= 500,00 N.");
        assertThat(int01.target().kind()).isEqualTo(TargetKind.NUMERIC);
        assertThat(int01.target().operator()).isEqualTo(Operator.GE);
        assertThat(int01.target().value()).isEqualByComparingTo("500");
        assertThat(int01.unit()).isEqualTo(UnitOfMeasure.NUMBER);
        assertThat(int01.typology()).isEqualTo("Volume");

        assertThat(plan.scorecards()).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo("Segretario generale");
            assertThat(s.rows()).extracting(ScorecardRow::objectiveCode).containsExactly("OS_2.3", "OS_2.4", "OS_3.1");
        });
        assertThat(plan.pira()).hasSize(10);
        assertThat(count("pira_link", "CCIAA di Toscana Nord Ovest")).isEqualTo(10);
        assertThat(count("indicator", "CCIAA di Toscana Nord Ovest")).isEqualTo(10);
    }

    @Test
    void massaCarrara2022() {
        PlanLoadOutcome outcome = load("massa-carrara-2022", "2022");
        assertThat(outcome.problems()).isEmpty();
        Plan plan = repository.find("Camera di Commercio di Massa-Carrara", 2022).orElseThrow();

        assertThat(outcome.counts()).isEqualTo(new PlanCounts(3, 5, 0, 1, 3, 8, 16, 50, 3, 10, 0));
        assertThat(plan.methodology().parameters()).containsEntry("os_da", "MISTO")
                .containsEntry("quota_indicatori", "60");
        assertThat(plan.methodology().strategicSource()).isEqualTo(Methodology.StrategicSource.MISTO);
        assertThat(plan.methodology().indicatorShare()).isEqualByComparingTo("60");
        // OS weights within their ambito: 37,50 + 62,50; 50 + 30 + 20; 50 + 25 + 25 (seed 000 lines 2149-2229).
        assertThat(weights(plan.strategicObjectives(), StrategicObjective::code, StrategicObjective::weight))
                .containsEntry("OS_1.1", "37.5").containsEntry("OS_1.2", "62.5")
                .containsEntry("OS_2.1", "50").containsEntry("OS_2.2", "30").containsEntry("OS_2.3", "20")
                .containsEntry("OS_3.1", "50").containsEntry("OS_3.2", "25").containsEntry("OS_3.3", "25");
        // OO_2.1.x are 33,33 / 33,33 / 33,34.
        assertThat(plan.operationalObjectives().stream().filter(o -> o.strategicObjectiveCode().equals("OS_2.1"))
                .map(o -> o.weight().toPlainString())).containsExactly("33.33", "33.33", "33.34");
        // OS_2.1's own indicators: 10 + 10 + 23,33 + 10 + 23,33 + 23,34.
        assertThat(plan.indicators().stream().filter(i -> i.objectiveCode().equals("OS_2.1"))
                .map(i -> i.weight().toPlainString())).containsExactly("10", "10", "23.33", "10", "23.33", "23.34");
        assertThat(sumOfIndicatorWeights(plan).values()).allMatch(sum -> new BigDecimal(sum).compareTo(
                BigDecimal.valueOf(100)) == 0);
        // Servizio Promozione takes part in 9 operational objectives; ISR (azienda speciale) in 4.
        assertThat(plan.operationalObjectives().stream().filter(o -> o.unitCodes().contains("S_PRO"))).hasSize(9);
        assertThat(plan.operationalObjectives().stream().filter(o -> o.unitCodes().contains("ISR"))).hasSize(4);
        assertThat(plan.units()).filteredOn(u -> u.code().equals("ISR")).singleElement()
                .extracting(OrgUnit::type).isEqualTo(UnitType.ESTERNO);
        // Scorecard weights: CR01 15 + 25 + 60.
        assertThat(plan.scorecards().get(0).rows()).extracting(r -> r.weight().toPlainString())
                .containsExactly("15", "25", "60");
        assertThat(count("operational_objective_unit", "Camera di Commercio di Massa-Carrara")).isEqualTo(12 + 3 * 6 + 5);
    }

    @Test
    void pistoiaPratoPira2024KeepsRepeatedIndicatorCodesApartByOrder() {
        PlanLoadOutcome outcome = load("pistoia-prato-2024", "2024-S1");
        assertThat(outcome.accepted()).as("%s", outcome.errors()).isTrue();
        Plan plan = repository.find("Camera di Commercio di Pistoia-Prato", 2024).orElseThrow();

        assertThat(outcome.counts()).isEqualTo(new PlanCounts(2, 1, 7, 0, 3, 7, 18, 123, 0, 0, 123));
        // Seed 002 repeats two indicator titles (used as codes) under the same objective.
        List<Indicator> repeated = plan.indicators().stream().filter(i -> i.key().occurrence() == 2).toList();
        assertThat(repeated).hasSize(2);
        assertThat(outcome.warnings()).filteredOn(p -> p.message().contains("compare più volte")).hasSize(2);
        assertThat(plan.pira()).filteredOn(p -> p.indicator().occurrence() == 2).hasSize(2);
        // The printed indicator weights of some objectives sum to 99,6..100,2: loaded, with a warning each.
        assertThat(outcome.warnings()).anyMatch(p -> p.column().equals("Peso") && p.message().contains("sommano a"));
    }

    private PlanLoadOutcome load(String transcription, String period) {
        Path file = PlanFixture.load(transcription).writeTo(inbox, "piano-" + transcription + ".xlsx");
        return loader.load(file, Period.parse(period));
    }

    /** Rows of a plan table that belong to the ente's plan (the tests of this class share one database). */
    private int count(String table, String ente) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " t JOIN plan p ON p.id = t.plan_id"
                + " JOIN ente e ON e.id = p.ente_id WHERE e.name = ?", Integer.class, ente);
    }

    private static Indicator indicator(Plan plan, String objective, String code) {
        return plan.indicators().stream().filter(i -> i.objectiveCode().equals(objective) && i.code().equals(code))
                .findFirst().orElseThrow();
    }

    private static <T> Map<String, String> weights(List<T> items, java.util.function.Function<T, String> code,
                                                   java.util.function.Function<T, BigDecimal> weight) {
        return items.stream().collect(Collectors.toMap(code, i -> weight.apply(i).stripTrailingZeros().toPlainString(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Map<String, String> sumOfIndicatorWeights(Plan plan) {
        return plan.indicators().stream().filter(i -> i.weight() != null).collect(Collectors.groupingBy(
                Indicator::objectiveCode, java.util.TreeMap::new, Collectors.reducing(BigDecimal.ZERO,
                        Indicator::weight, BigDecimal::add))).entrySet().stream()
                .filter(e -> Objects.nonNull(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stripTrailingZeros().toPlainString(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
