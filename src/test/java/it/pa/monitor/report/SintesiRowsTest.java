package it.pa.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.report.data.BandCounts;
import it.pa.monitor.report.data.UnitTree;
import it.pa.monitor.scoring.ItemResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaping of Sintesi's units table and band counts, checked without POI. */
public class SintesiRowsTest {

    @Test
    void unitsUnderTheirAreaDepthFirstAndEsterniApart() {
        // Plan order mixes the levels on purpose: the tree, not the rows, decides the order.
        List<OrgUnit> units = List.of(
                unit("S1.1", UnitType.UFFICIO, "S1"),
                unit("A1", UnitType.AREA, null),
                unit("E1", UnitType.ESTERNO, null),
                unit("S1", UnitType.SERVIZIO, "A1"),
                unit("E1.1", UnitType.UFFICIO, "E1"),
                unit("S2", UnitType.SERVIZIO, "A1"),
                unit("A2", UnitType.AREA, null),
                unit("ORFANO", UnitType.SERVIZIO, "NON_NEL_PIANO"),
                unit("X", UnitType.SERVIZIO, "Y"),
                unit("Y", UnitType.SERVIZIO, "X"));

        UnitTree tree = UnitTree.of(units);

        // A1 > S1 > S1.1, then S2; A2; a unit whose parent is unknown is a root; the X/Y cycle last, at the top.
        assertThat(tree.internal()).extracting(l -> l.unit().code(), UnitTree.Line::depth).containsExactly(
                tuple("A1", 0), tuple("S1", 1), tuple("S1.1", 2), tuple("S2", 1), tuple("A2", 0),
                tuple("ORFANO", 0), tuple("X", 0), tuple("Y", 1));
        assertThat(tree.external()).extracting(l -> l.unit().code(), UnitTree.Line::depth)
                .containsExactly(tuple("E1", 0), tuple("E1.1", 1));
        assertThat(tree.internal().get(0).area()).isTrue();
        assertThat(tree.internal().get(1).area()).isFalse();
    }

    @Test
    void bandCountsWithTheTrafficLightRule() {
        // Defaults (METHOD.md): raggiunto from 90, non raggiunto below 50, no tolerance.
        List<ItemResult> operational = new ArrayList<>();
        for (String result : new String[] {"100", "90", "89.99", "50", "49.99", null}) {
            operational.add(new ItemResult(Level.OBIETTIVO_OPERATIVO, "OO" + operational.size(), "OS",
                    BigDecimal.ONE, result == null ? null : new BigDecimal(result), "media"));
        }

        BandCounts counts = BandCounts.of(Methodology.defaults(), operational);

        assertThat(counts.achieved()).isEqualTo(2);
        assertThat(counts.partial()).isEqualTo(2);
        assertThat(counts.notAchieved()).isEqualTo(1);
        assertThat(counts.withoutResult()).isEqualTo(1);
        // Shares of the 5 counted: 2/5 = 40 %, 2/5 = 40 %, 1/5 = 20 %, the total 100 %.
        assertThat(counts.rows()).extracting(BandCounts.Row::label, BandCounts.Row::count,
                r -> r.share().stripTrailingZeros().toPlainString(), BandCounts.Row::total).containsExactly(
                tuple("Obiettivi operativi con risultato superiore al 90%", 2, "40", false),
                tuple("Obiettivi operativi con risultato tra il 50% e il 90%", 2, "40", false),
                tuple("Obiettivi operativi con risultato inferiore al 50%", 1, "20", false),
                tuple("Totale", 5, "100", true));
    }

    @Test
    void toleranceLowersTheThresholdsInTheLabelsAndNothingCountedMeansNoShare() {
        List<String> problems = new ArrayList<>();
        Methodology tolerant = Methodology.from(Map.of("soglia_raggiunto", "80", "tolleranza", "0,5"), problems);
        BandCounts none = BandCounts.of(tolerant, List.of(new ItemResult(Level.OBIETTIVO_OPERATIVO, "OO", "OS",
                BigDecimal.ONE, null, "nessun indicatore")));

        assertThat(problems).isEmpty();
        assertThat(none.withResult()).isZero();
        assertThat(none.withoutResult()).isEqualTo(1);
        assertThat(none.rows()).allSatisfy(r -> assertThat(r.share()).isNull());
        // 80 - 0,5 = 79,5 ("al 79,5%": settantanove takes no elision); 50 - 0,5 = 49,5.
        assertThat(none.rows().get(0).label()).isEqualTo("Obiettivi operativi con risultato superiore al 79,5%");
        assertThat(none.rows().get(1).label()).isEqualTo("Obiettivi operativi con risultato tra il 49,5% e il 79,5%");
    }

    private static OrgUnit unit(String code, UnitType type, String parent) {
        return new OrgUnit(code, "Unità " + code, type, parent, null, 0);
    }
}
