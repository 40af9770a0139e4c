package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.IndicatorResolver.Status;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.Target;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index a plan builds once answers every lookup by code: objectives, the children of an
 * ambito, objective or unit, the indicators of an objective, units by code or name, and indicators
 * through the one resolver, repeated codes included. Plan by hand: ambiti AS1 (OS1, OS3) and AS2
 * (OS2); OS1 has OO1 and OO3, OS2 has OO2; area A with servizi S1, S2 and ufficio U under S1.
 * Indicator rows in order: OO1/I1, OO1/I2, OO1/I1 again (so «OO1/I1#2»), OS2/I1, OO3/I9.
 */
class PlanIndexTest {

    private static final Plan PLAN = new Plan("Ente", 2025, Periodicity.SEMESTRALE, Methodology.defaults(),
            List.of(unit("A", "Area Servizi", UnitType.AREA, null, 1),
                    unit("S1", "Servizio Uno", UnitType.SERVIZIO, "A", 2),
                    unit("U", "Ufficio Studi", UnitType.UFFICIO, "S1", 3),
                    unit("S2", "Servizio Due", UnitType.SERVIZIO, "A", 4)),
            List.of(new Ambito("AS1", "Competitività", BigDecimal.valueOf(50), 1),
                    new Ambito("AS2", "Trasparenza", BigDecimal.valueOf(50), 2)),
            List.of(strategic("OS1", "AS1", 1), strategic("OS2", "AS2", 2), strategic("OS3", "AS1", 3)),
            List.of(operational("OO1", "OS1", "S1", 1), operational("OO2", "OS2", "S2", 2),
                    operational("OO3", "OS1", "U", 3)),
            List.of(indicator("OO1", "I1", 1, "primo"), indicator("OO1", "I2", 1, "secondo"),
                    indicator("OO1", "I1", 2, "terzo"), indicator("OS2", "I1", 1, "quarto"),
                    indicator("OO3", "I9", 1, "quinto")),
            List.of(new Scorecard("C1", "Dirigente", null, List.of(
                    new ScorecardRow("OO1/I1#2", "OO1", "I1", 2, BigDecimal.valueOf(60), 2),
                    new ScorecardRow("OS2", "OS2", null, 1, BigDecimal.valueOf(40), 3),
                    new ScorecardRow("OO1/I2#2", "OO1", "I2", 2, null, 4)), 2)),
            List.of());

    private final PlanIndex index = PLAN.index();

    @Test
    void theIndexIsBuiltOnceWithThePlanAndSharedByItsResolvers() {
        assertThat(PLAN.index()).isSameAs(index);
        assertThat(IndicatorResolver.of(PLAN)).isSameAs(index.indicators());
        assertThat(UnitIndex.of(PLAN)).isSameAs(index.units());
    }

    @Test
    void objectivesAmbitiAndScorecardsByCode() {
        assertThat(index.strategicObjective("OS3")).map(StrategicObjective::ambitoCode).contains("AS1");
        assertThat(index.operationalObjective("OO2")).map(OperationalObjective::strategicObjectiveCode)
                .contains("OS2");
        assertThat(index.strategicObjective("OO1")).isEmpty(); // an operational code is not a strategic one
        assertThat(index.objectiveDescription("OS2")).contains("Obiettivo OS2");
        assertThat(index.objectiveDescription("OO3")).contains("Obiettivo OO3");
        assertThat(index.objectiveDescription("OS9")).isEmpty();
        assertThat(index.ambito("AS2")).map(Ambito::description).contains("Trasparenza");
        assertThat(index.scorecard("C1")).map(Scorecard::dirigente).contains("Dirigente");
    }

    @Test
    void childrenOfAnAmbitoAnObjectiveAndAUnitInPlanOrder() {
        assertThat(index.strategicObjectivesOf("AS1")).extracting(StrategicObjective::code)
                .containsExactly("OS1", "OS3");
        assertThat(index.operationalObjectivesOf("OS1")).extracting(OperationalObjective::code)
                .containsExactly("OO1", "OO3");
        assertThat(index.operationalObjectivesOf("OS3")).isEmpty();
        assertThat(index.units().children("A")).extracting(OrgUnit::code).containsExactly("S1", "S2");
        assertThat(index.units().children("S1")).extracting(OrgUnit::code).containsExactly("U");
        assertThat(index.units().children("U")).isEmpty();
    }

    @Test
    void indicatorsOfAnObjectiveKeepTheirRowsAndOccurrences() {
        assertThat(index.indicatorsOf("OO1")).extracting(Indicator::name).containsExactly("primo", "secondo", "terzo");
        assertThat(index.indicatorsOf("OO1")).extracting(i -> i.key().reference())
                .containsExactly("OO1/I1", "OO1/I2", "OO1/I1#2");
        assertThat(index.indicatorsOf("OS3")).isEmpty();
        assertThat(index.indicator(new IndicatorKey("OO1", "I1", 2))).map(Indicator::name).contains("terzo");
        assertThat(index.indicator(new IndicatorKey("OO1", "I1", 3))).isEmpty();
    }

    @Test
    void unitsByCodeOrName() {
        assertThat(index.units().unit("U")).map(OrgUnit::name).contains("Ufficio Studi");
        assertThat(index.units().unit("Ufficio Studi")).isEmpty(); // exactly the code
        assertThat(index.units().findUnit("servizio due")).map(OrgUnit::code).contains("S2");
        assertThat(PLAN.findUnit("S1")).map(OrgUnit::name).contains("Servizio Uno");
    }

    @Test
    void theResolverFindsTheSecondOccurrenceOfARepeatedCode() {
        IndicatorResolver resolver = index.indicators();
        IndicatorResolver.Resolution second = resolver.resolve("OO1", "I1", 2);
        assertThat(second.status()).isEqualTo(Status.FOUND);
        assertThat(second.indicator().name()).isEqualTo("terzo");
        assertThat(second.occurrences()).isEqualTo(2);
        assertThat(resolver.resolve("OO1", "I1", 3).status()).isEqualTo(Status.NO_SUCH_OCCURRENCE);
        assertThat(resolver.resolve("OO1", "I1", 0).status()).isEqualTo(Status.NO_SUCH_OCCURRENCE);
        assertThat(resolver.resolve("OO2", "I1", 1).status()).isEqualTo(Status.NOT_UNDER_OBJECTIVE);
        assertThat(resolver.resolve("OO1", "I7", 1).status()).isEqualTo(Status.UNKNOWN_CODE);
        // Without the objective, a code two objectives use is ambiguous; one only one uses is found.
        IndicatorResolver.Resolution ambiguous = resolver.resolve(null, "I1", 1);
        assertThat(ambiguous.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(ambiguous.objectives()).containsExactly("OO1", "OS2");
        assertThat(resolver.resolve(null, "I9", 1).indicator().name()).isEqualTo("quinto");
        assertThat(IndicatorResolver.TypedCode.parse("I1 # 2")).isEqualTo(new IndicatorResolver.TypedCode("I1", 2));
    }

    @Test
    void rowsRepeatingACodeMapToItsOccurrencesInOrder() {
        IndicatorResolver.Sequence rows = index.indicators().inOrder();
        assertThat(rows.next("OO1", "I1").indicator().name()).isEqualTo("primo");
        assertThat(rows.next("OO1", "I2").indicator().name()).isEqualTo("secondo");
        assertThat(rows.next("OO1", "I1").indicator().name()).isEqualTo("terzo");
        assertThat(rows.next("OO1", "I1").status()).isEqualTo(Status.NO_SUCH_OCCURRENCE);
        // Overrides: a code its objective has once always maps to that row (the latest applies).
        IndicatorResolver.Sequence overrides = index.indicators().inOrderOfRepeatedCodes();
        assertThat(overrides.next("OS2", "I1").indicator().name()).isEqualTo("quarto");
        assertThat(overrides.next("OS2", "I1").indicator().name()).isEqualTo("quarto");
        assertThat(overrides.next("OO1", "I1").indicator().name()).isEqualTo("primo");
        assertThat(overrides.next("OO1", "I1").indicator().name()).isEqualTo("terzo");
    }

    @Test
    void scorecardRowsResolveThroughTheResolver() {
        List<ScorecardRow> rows = index.scorecard("C1").orElseThrow().rows();
        assertThat(index.indicatorOf(rows.get(0))).map(Indicator::name).contains("terzo"); // OO1/I1#2
        assertThat(index.indicatorOf(rows.get(1))).isEmpty(); // a whole objective
        assertThat(index.indicatorOf(rows.get(2))).isEmpty(); // OO1 has I2 once
    }

    @Test
    void indicatorsOfResponsibleUnitsInPlanOrderAsTheScanOfThePlan() {
        // Rows by hand: S1, U, none, S2, S1, U; the units' indicators come back interleaved in plan order.
        List<Indicator> rows = List.of(answeredBy("OO1", "I1", "S1"), answeredBy("OO3", "I9", "U"),
                answeredBy("OS2", "I1", null), answeredBy("OO2", "I2", "S2"), answeredBy("OS1", "I3", "S1"),
                answeredBy("OO1", "I4", "U"));
        Plan plan = new Plan("Ente", 2025, Periodicity.SEMESTRALE, Methodology.defaults(), PLAN.units(),
                PLAN.ambiti(), PLAN.strategicObjectives(), PLAN.operationalObjectives(), rows, List.of(), List.of());
        PlanIndex byUnit = plan.index();
        assertThat(byUnit.indicatorsAnsweredBy(List.of("U", "S1"))).extracting(i -> i.key().reference())
                .containsExactly("OO1/I1", "OO3/I9", "OS1/I3", "OO1/I4");
        assertThat(byUnit.indicatorsAnsweredBy(List.of("S2"))).extracting(i -> i.key().reference())
                .containsExactly("OO2/I2");
        assertThat(byUnit.indicatorsAnsweredBy(List.of("A"))).isEmpty();
        assertThat(byUnit.indicatorsAnsweredBy(List.of())).isEmpty();
        // The same rows as the scan the unit workbooks used to make, for every set of units.
        for (List<String> units : List.of(List.of("S1"), List.of("U"), List.of("A", "S1", "U", "S2"),
                List.of("S2", "U"))) {
            Set<String> set = new HashSet<>(units);
            assertThat(byUnit.indicatorsAnsweredBy(units)).containsExactlyElementsOf(plan.indicators().stream()
                    .filter(i -> set.contains(i.responsibleUnitCode())).toList());
        }
    }

    private static Indicator answeredBy(String objective, String code, String unit) {
        return new Indicator(new IndicatorKey(objective, code, 1), code, null, null, null, null,
                Target.notAvailable("monitoraggio"), null, null, BigDecimal.ONE, false, null, unit, 1);
    }

    private static OrgUnit unit(String code, String name, UnitType type, String parent, int row) {
        return new OrgUnit(code, name, type, parent, null, row);
    }

    private static StrategicObjective strategic(String code, String ambito, int row) {
        return new StrategicObjective(code, "Obiettivo " + code, ambito, BigDecimal.valueOf(50), null, null, null,
                null, null, row);
    }

    private static OperationalObjective operational(String code, String strategic, String unit, int row) {
        return new OperationalObjective(code, "Obiettivo " + code, strategic, BigDecimal.valueOf(50), List.of(unit),
                row);
    }

    private static Indicator indicator(String objective, String code, int occurrence, String name) {
        return new Indicator(new IndicatorKey(objective, code, occurrence), name, null, null, null, null,
                Target.notAvailable("monitoraggio"), null, null, BigDecimal.ONE, false, null, null, 1);
    }
}
