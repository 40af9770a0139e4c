package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.TargetKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The plan side of issue 9 on copies of the TNO 2022 plan: monitoring-only rows, the Cruscotti
 * Target of a row that references an objective (stored and read back), and the located warnings
 * for an unreadable {@code valori_percentuali} or {@code giudizi}.
 */
@SpringBootTest
@ActiveProfiles("test")
class MethodologyPlanTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";
    private static final Period PERIOD = Period.parse("2022");

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @TempDir
    private Path inbox;

    @Test
    void monitoringOnlyRowsAreValidWithWeightZeroOnly() {
        PlanFixture plan = PlanFixture.load("tno-2022")
                .addRow("Indicatori", "OS_2.3", "MON_1", "Presenze turistiche anno X / anno X-1", "", "", "", "",
                        "monitoraggio", "", "", "0", "", "", "")
                .addRow("Indicatori", "OS_2.3", "MON_2", "Imprese iscritte al RASL", "", "", "", "", "", "", "",
                        "0", "", "", "")
                .addRow("Indicatori", "OS_2.3", "MON_3", "Start up iscritte", "", "", "", "", "-", "", "", "0",
                        "", "", "");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.errors()).isEmpty();
        Plan stored = repository.find(ENTE, 2022).orElseThrow();
        for (String code : new String[] {"MON_1", "MON_2", "MON_3"}) {
            Indicator indicator = stored.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                    .orElseThrow();
            assertThat(indicator.monitoringOnly()).as(code).isTrue();
            assertThat(indicator.target().kind()).isEqualTo(TargetKind.NOT_AVAILABLE);
        }

        PlanFixture weighted = PlanFixture.load("tno-2022")
                .addRow("Indicatori", "OS_2.3", "MON_1", "Presenze turistiche", "", "", "", "", "monitoraggio", "",
                        "", "10", "", "", "");
        PlanLoadOutcome rejected = loader.load(weighted.writeTo(inbox, "piano-peso.xlsx"), PERIOD);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.errors()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Indicatori");
            assertThat(p.column()).isEqualTo("Target");
            assertThat(p.message()).contains("solo monitoraggio, con peso 0");
        });
    }

    @Test
    void scorecardTargetOnAnObjectiveIsStoredAndOnAnIndicatorIsAnError() {
        PlanFixture plan = PlanFixture.load("tno-2022").addColumn("Cruscotti", "Target");
        plan.set("Cruscotti", 0, "Target", ">= 95 %");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.errors()).isEmpty();
        ScorecardRow row = repository.find(ENTE, 2022).orElseThrow().scorecards().get(0).rows().get(0);
        assertThat(row.target().raw()).isEqualTo(">= 95 %");
        assertThat(row.target().value()).isEqualByComparingTo(BigDecimal.valueOf(95));
        assertThat(repository.find(ENTE, 2022).orElseThrow().scorecards().get(0).rows().get(1).target()).isNull();

        PlanFixture deadline = PlanFixture.load("tno-2022").addColumn("Cruscotti", "Target");
        deadline.set("Cruscotti", 1, "Target", "Entro 30/06/2022");
        PlanLoadOutcome notANumber = loader.load(deadline.writeTo(inbox, "piano-scadenza.xlsx"), PERIOD);
        assertThat(notANumber.errors()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).contains("non valido per un obiettivo");
        });

        PlanFixture onIndicator = PlanFixture.load("tno-2022").addColumn("Cruscotti", "Target");
        onIndicator.set("Cruscotti", 0, "Riferimento", "OS_2.3/OC_TD_01").set("Cruscotti", 0, "Target", ">= 95 %");
        PlanLoadOutcome rejected = loader.load(onIndicator.writeTo(inbox, "piano-indicatore.xlsx"), PERIOD);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.errors()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Cruscotti");
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("Target");
            assertThat(p.message()).contains("«OS_2.3/OC_TD_01» richiama un indicatore");
        });
    }

    @Test
    void unreadableReadingOrJudgementsWarnWithTheirCell() {
        PlanFixture plan = PlanFixture.load("tno-2022")
                .addRow("Metodologia", "valori_percentuali", "FRAZIONI")
                .addRow("Metodologia", "giudizi", "Eccellente sopra 91");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.accepted()).isTrue();
        // Metodologia: header, ente, then the two added rows (Excel rows 3 and 4).
        assertThat(outcome.warnings()).contains(
                Problem.warning("Metodologia", 3, "Valore", "parametro «valori_percentuali»: valore"
                        + " «FRAZIONI» non riconosciuto, si usa COME_SCRITTI (valori ammessi: COME_SCRITTI, RAPPORTI)"));
        assertThat(outcome.warnings()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(4);
            assertThat(p.column()).isEqualTo("Valore");
            assertThat(p.message()).startsWith("parametro «giudizi»: valore «Eccellente sopra 91» non leggibile");
        });
        Methodology methodology = repository.find(ENTE, 2022).orElseThrow().methodology();
        assertThat(methodology.percentValues()).isEqualTo(it.pa.monitor.values.PercentValues.COME_SCRITTI);
        assertThat(methodology.judgements()).isNull();
    }

    @Test
    void unreadableParametersAreWarningsWithTheirCellWhenThePlanLoads() {
        PlanFixture plan = PlanFixture.load("tno-2022")
                .addRow("Metodologia", "os_da", "TUTTO")
                .addRow("Metodologia", "media", "SEMPLICE")
                .addRow("Metodologia", "tetto", "molto");
        PlanLoadOutcome outcome = loader.load(plan.writeTo(inbox, "piano.xlsx"), PERIOD);
        assertThat(outcome.accepted()).isTrue();
        // Metodologia: header, ente, then the added rows (Excel rows 3, 4 and 5); the readable one is silent.
        assertThat(outcome.warnings()).containsExactly(
                Problem.warning("Metodologia", 3, "Valore", "parametro «os_da»: valore «TUTTO» non"
                        + " riconosciuto, si usa INDICATORI (valori ammessi: INDICATORI, OPERATIVI, MISTO)"),
                Problem.warning("Metodologia", 5, "Valore",
                        "parametro «tetto»: valore «molto» non valido, si usa 100"));
        assertThat(outcome.warnings().get(0).describe())
                .startsWith("AVVISO - foglio Metodologia, riga 3, colonna Valore: parametro «os_da»");
        // The stored plan carries the parsed record: defaults where unreadable, the readable value as written.
        Methodology methodology = repository.find(ENTE, 2022).orElseThrow().methodology();
        assertThat(methodology.strategicSource()).isEqualTo(Methodology.StrategicSource.INDICATORI);
        assertThat(methodology.cap()).isEqualByComparingTo("100");
        assertThat(methodology.mean()).isEqualTo(Methodology.Mean.SEMPLICE);
        assertThat(methodology.ente()).isEqualTo(Methodology.EnteRule.PONDERATA_AMBITI);
        assertThat(methodology.parameters()).containsEntry("tetto", "molto");
    }

    @Test
    void luccaTranscriptionLoadsWithOnlyTheScorecardWeightWarning() {
        PlanLoadOutcome outcome = loader.load(PlanFixture.load("lucca-2022").writeTo(inbox, "piano-lucca.xlsx"), PERIOD);
        assertThat(outcome.errors()).isEmpty();
        // EXPECTED.md: 6 uffici, 2 ambiti, 9 OS, 12 projects, 94 indicators, 1 scorecard of 4 rows.
        assertThat(outcome.counts()).isEqualTo(new PlanCounts(0, 0, 6, 0, 2, 9, 12, 94, 1, 4, 0));
        // The SG's transversal objectives weigh 20 + 20 + 20 + 30 = 90 (lines 1646, 1666, 1672, 1678).
        assertThat(outcome.warnings()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Cruscotti");
            assertThat(p.message()).contains("sommano a 90");
        });
    }
}
