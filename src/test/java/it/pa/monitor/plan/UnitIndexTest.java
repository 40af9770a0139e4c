package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.Target;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-plan unit index answers as the plan scans did: units by code or name, and competence
 * of a unit (itself or its direct units) for an indicator through its responsible unit or the
 * units of its operational objective. Plan by hand: area A with servizio S (ufficio U under S);
 * OO1 involves S, OO2 involves nobody listed here but X, OO9 is not an objective of the plan.
 */
class UnitIndexTest {

    private static final Plan PLAN = new Plan("Ente", 2025, Periodicity.SEMESTRALE, Methodology.defaults(),
            List.of(new OrgUnit("A", "Area Servizi", UnitType.AREA, null, null, 1),
                    new OrgUnit("S", "Servizio Promozione", UnitType.SERVIZIO, "A", null, 2),
                    new OrgUnit("U", "Ufficio Studi", UnitType.UFFICIO, "S", null, 3),
                    new OrgUnit("X", "Ufficio Esterno", UnitType.UFFICIO, null, null, 4)),
            List.of(), List.of(),
            List.of(new OperationalObjective("OO1", "uno", "OS1", BigDecimal.ONE, List.of("S"), 1),
                    new OperationalObjective("OO2", "due", "OS1", BigDecimal.ONE, List.of("X"), 2)),
            List.of(), List.of(), List.of());

    private final UnitIndex index = UnitIndex.of(PLAN);

    @Test
    void findsUnitsByCodeOrNameLikeThePlan() {
        assertThat(index.findUnit("S")).map(OrgUnit::name).contains("Servizio Promozione");
        assertThat(index.findUnit("ufficio studi")).map(OrgUnit::code).contains("U");
        assertThat(index.findUnit("Nessuno")).isEmpty();
        for (String typed : List.of("A", " X ", "UFFICIO ESTERNO", "Area Servizi", "Q")) {
            assertThat(index.findUnit(typed)).isEqualTo(PLAN.findUnit(typed));
        }
    }

    @Test
    void aUnitWrittenInASheetOrItsFileNameIsFoundWithUnderscoresAsSpacesOrAsWritten() {
        Plan plan = new Plan("Ente", 2025, Periodicity.SEMESTRALE, Methodology.defaults(),
                List.of(new OrgUnit("U_01", "Ufficio Studi", UnitType.UFFICIO, null, null, 1),
                        new OrgUnit("SG1", "Segreteria Generale", UnitType.UFFICIO, null, null, 2),
                        new OrgUnit("SG2", "segreteria generale", UnitType.UFFICIO, null, null, 3),
                        new OrgUnit("UFF 02", "Ufficio Marchi", UnitType.UFFICIO, null, null, 4),
                        new OrgUnit("AREA_1", "Area Uno", UnitType.AREA, null, null, 5),
                        new OrgUnit("A1", "Area 1", UnitType.AREA, null, null, 6)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        UnitIndex units = UnitIndex.of(plan);

        assertThat(units.findUnitAsWritten("Ufficio_Studi")).map(OrgUnit::code).contains("U_01");
        assertThat(units.findUnitAsWritten("U_01")).map(OrgUnit::code).contains("U_01"); // "U 01" is no unit
        assertThat(units.findUnitAsWritten("UFF_02")).map(OrgUnit::code).contains("UFF 02"); // a file name's "_"
        assertThat(units.findUnit("UFF_02")).isEmpty();
        // A code as written wins over the name "Area 1", which "AREA 1" would find (a code wins over a name).
        assertThat(units.findUnit("AREA 1")).map(OrgUnit::code).contains("A1");
        assertThat(units.findUnitAsWritten("AREA_1")).map(OrgUnit::code).contains("AREA_1");
        assertThat(units.findUnitAsWritten("Segreteria_Generale")).isEmpty();              // two units have it
        assertThat(units.unresolvedAsWritten("Segreteria_Generale", "nessuna"))
                .isEqualTo("«Segreteria Generale» è il nome di più unità del piano (SG1, SG2): indicare il codice"
                        + " dell'unità");
        assertThat(units.unresolvedAsWritten("Ufficio_Marte", "nessuna")).isEqualTo("nessuna");
    }

    @Test
    void aUnitAnswersForItsOwnAndItsDirectUnitsIndicators() {
        assertThat(index.involves(indicator("OO2", "S"), "S")).isTrue();   // responsible itself
        assertThat(index.involves(indicator("OO2", "S"), "A")).isTrue();   // S is a direct unit of A
        assertThat(index.involves(indicator("OO2", "U"), "A")).isFalse();  // U is under S, not directly under A
        assertThat(index.involves(indicator("OO2", "S"), "U")).isFalse();  // a child does not answer for its parent
    }

    @Test
    void withoutAResponsibleUnitTheObjectivesUnitsDecide() {
        assertThat(index.involves(indicator("OO1", null), "S")).isTrue();  // S takes part in OO1
        assertThat(index.involves(indicator("OO1", null), "A")).isTrue();  // through its servizio S
        assertThat(index.involves(indicator("OO1", null), "X")).isFalse();
        assertThat(index.involves(indicator("OO9", null), "X")).isTrue();  // nobody answers for it: anyone may
        assertThat(index.involves(indicator("OO1", "X"), "S")).isTrue();   // objective's unit even if another is responsible
        assertThat(index.involves(indicator("OO9", "X"), "S")).isFalse();
    }

    private static Indicator indicator(String objective, String responsible) {
        return new Indicator(new IndicatorKey(objective, "I1", 1), "Indicatore", null, null, null, null,
                Target.notAvailable("monitoraggio"), null, null, BigDecimal.ONE, false, null, responsible, 1);
    }
}
