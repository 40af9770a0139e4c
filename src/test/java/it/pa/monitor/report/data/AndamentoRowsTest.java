package it.pa.monitor.report.data;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.report.ReportFixtures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Andamento's rows and series, checked without POI against Massa-Carrara's published figures. */
public class AndamentoRowsTest {

    private final ReportData data = ReportFixtures.massaCarrara();
    private final AndamentoRows rows = new AndamentoRows(data);
    private final List<AndamentoRows.Line> lines = rows.lines();

    @Test
    void everyIndicatorSitsUnderItsObjectiveAndEveryIndicatorOfThePlanIsListedOnce() {
        String objective = null;
        int indicators = 0;
        for (AndamentoRows.Line line : lines) {
            if (line instanceof AndamentoRows.Objective o) {
                objective = o.code();
            } else if (line instanceof AndamentoRows.IndicatorLine i) {
                assertThat(i.objectiveCode()).isEqualTo(objective);
                indicators++;
            }
        }
        assertThat(indicators).isEqualTo(data.plan().indicators().size());
        assertThat(((AndamentoRows.Objective) lines.get(0)).code())
                .isEqualTo(data.plan().strategicObjectives().get(0).code());
    }

    @Test
    void objectiveResultsPerPeriodAsPublishedAtYearEnd() {
        // Two periods, 2022-S1 and 2022; published at year end: OS_3.1 99,56 %, OO_3.1.2 96,67 %.
        AndamentoRows.Objective os31 = objective("OS_3.1");
        assertThat(os31.results()).hasSize(2);
        assertThat(os31.results().get(0)).isNotNull();
        assertThat(os31.results().get(1).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("99.56");
        assertThat(objective("OO_3.1.2").results().get(1).setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("96.67");
    }

    @Test
    void indicatorValuesAsTypedAtEachPeriod() {
        AndamentoRows.IndicatorLine pid = indicator("OO_3.1.2/Indice_ProgPID");
        assertThat(pid.periods().get(1).value()).isEqualTo("93,33 %");
        assertThat(pid.periods().get(1).achievement().setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("93.33");
        // The fixture's half-year halves 10,00 N. and types it "5.00".
        AndamentoRows.IndicatorLine studi = indicator("OS_1.1/Studi_ISR");
        assertThat(studi.periods().get(0).value()).isEqualTo("5.00");
        assertThat(studi.periods().get(1).value()).isEqualTo("10,00 N.");
        assertThat(studi.label()).startsWith("OS_1.1/Studi_ISR");
    }

    @Test
    void oneSeriesPerStrategicObjectiveInPlanOrder() {
        assertThat(rows.series()).extracting(AndamentoRows.Series::code)
                .containsExactlyElementsOf(data.plan().strategicObjectives().stream().map(StrategicObjective::code)
                        .toList());
        BigDecimal os31 = rows.series().stream().filter(s -> s.code().equals("OS_3.1")).findFirst().orElseThrow()
                .results().get(1);
        assertThat(os31).isEqualByComparingTo(objective("OS_3.1").results().get(1));
    }

    private AndamentoRows.Objective objective(String code) {
        return lines.stream().filter(l -> l instanceof AndamentoRows.Objective o && o.code().equals(code))
                .map(AndamentoRows.Objective.class::cast).findFirst().orElseThrow();
    }

    private AndamentoRows.IndicatorLine indicator(String reference) {
        return lines.stream()
                .filter(l -> l instanceof AndamentoRows.IndicatorLine i && i.label().startsWith(reference))
                .map(AndamentoRows.IndicatorLine.class::cast).findFirst().orElseThrow();
    }
}
