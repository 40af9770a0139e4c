package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.report.sheets.OperationalCardsSheet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lookups worked out once for all the unit workbooks give, for every unit of the bundled
 * Massa-Carrara plan and of the Trento plan, the same units, objectives and indicators (same rows, same
 * order) as the scans of the plan each unit's workbook used to make.
 */
class UnitLookupsTest {

    @Test
    void sameRowsAsTheScansOfThePlanForEveryUnit() {
        for (Plan plan : List.of(ReportFixtures.massaCarrara().plan(), ReportFixtures.tno().plan())) {
            UnitLookups lookups = new UnitLookups(plan);
            for (OrgUnit unit : plan.units()) {
                Set<String> units = scannedSubtree(plan, unit.code());
                assertThat(lookups.subtree(unit.code())).as(unit.code()).isEqualTo(units);
                assertThat(lookups.operationalObjectives(units)).as(unit.code()).containsExactlyElementsOf(
                        OperationalCardsSheet.inTreeOrder(plan).stream()
                                .filter(oo -> oo.unitCodes().stream().anyMatch(units::contains)).toList());
                assertThat(lookups.indicatorsAnsweredBy(units)).as(unit.code()).containsExactlyElementsOf(
                        plan.indicators().stream().filter(i -> units.contains(i.responsibleUnitCode())).toList());
            }
        }
    }

    @Test
    void anAreaTakesPartThroughTheUnitsBelowIt() {
        Plan plan = ReportFixtures.massaCarrara().plan();
        UnitLookups lookups = new UnitLookups(plan);
        // Some unit has a unit below it, and then its objectives include those of that unit.
        OrgUnit child = plan.units().stream().filter(u -> u.parentCode() != null
                && plan.findUnit(u.parentCode()).isPresent()).findFirst().orElseThrow();
        Set<String> parent = lookups.subtree(child.parentCode());
        assertThat(parent).contains(child.parentCode(), child.code());
        List<OperationalObjective> own = lookups.operationalObjectives(Set.of(child.code()));
        assertThat(lookups.operationalObjectives(parent)).containsAll(own);
        List<Indicator> answered = lookups.indicatorsAnsweredBy(Set.of(child.code()));
        assertThat(lookups.indicatorsAnsweredBy(parent)).containsAll(answered);
    }

    /** The walk of the unit tree the workbooks made for each unit before the lookups. */
    private static Set<String> scannedSubtree(Plan plan, String code) {
        Set<String> codes = new LinkedHashSet<>(List.of(code));
        boolean grown = true;
        while (grown) {
            grown = false;
            for (OrgUnit unit : plan.units()) {
                if (unit.parentCode() != null && codes.contains(unit.parentCode()) && codes.add(unit.code())) {
                    grown = true;
                }
            }
        }
        return codes;
    }
}
